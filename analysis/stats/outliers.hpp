#pragma once
// Outliers of one sample set by two rules, given as fences (so a table or plot can classify
// any value the same way) and as counts.
//
// Modified z-score (Iglewicz & Hoaglin 1993): M = 0.6745 (x - median) / MAD, outlier when
// |M| > 3.5. When more than half the values are equal, MAD = 0 and M is undefined; then the
// scale is the mean absolute deviation from the median, M = (x - median) / (1.253314 MeanAD)
// (the convention of IBM SPSS; 1.253314 = sqrt(pi/2) makes MeanAD estimate a normal's
// sigma as 1.4826 MAD does). When MeanAD is 0 too, every value equals the median: no outliers.
// Tukey (1977): outside [q1 - 1.5 IQR, q3 + 1.5 IQR] is an outlier, outside
// [q1 - 3 IQR, q3 + 3 IQR] a "far" one. Quartiles are type 7 like the rest of the summary.

#include <cstddef>
#include <span>

namespace perfmatrix {

struct Fences {
    double low = 0, high = 0;  // a value below low or above high is beyond the fence
    bool outside(double x) const { return x < low || x > high; }
};

struct Outliers {
    Fences modified_z;          // median -+ 3.5 scale / 0.6745 (MAD or MeanAD scale, see above)
    Fences tukey;               // 1.5 IQR beyond the quartiles
    Fences tukey_far;           // 3 IQR beyond the quartiles
    bool mad_was_zero = false;  // the MeanAD fallback was used
    std::size_t modified_z_count = 0;
    std::size_t tukey_count = 0;  // includes the far ones
    std::size_t tukey_far_count = 0;
};

// Over values sorted ascending, with their median, MAD (unscaled), q1 and q3. O(n).
Outliers find_outliers(std::span<const double> sorted, double median, double mad, double q1, double q3);

}  // namespace perfmatrix
