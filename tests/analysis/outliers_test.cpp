#include "analysis/stats/statistics.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace perfmatrix {
namespace {

TEST(Outliers, ModifiedZScoreAndTukeyOnOneSpike) {
    // median 10, |x - 10| = 0,0,1,1,1,1,2,40 -> MAD 1: fence 10 -+ 3.5 / 0.6745 = 10 -+ 5.189.
    // Quartiles (type 7) 9 and 11, IQR 2: Tukey 6 .. 14, far 3 .. 17.
    const Summary s = summarize(std::vector<double>{10, 9, 11, 10, 12, 8, 9, 11, 50});
    EXPECT_FALSE(s.outliers.mad_was_zero);
    EXPECT_NEAR(s.outliers.modified_z.high, 10 + 3.5 / 0.6745, 1e-12);
    EXPECT_EQ(s.outliers.modified_z_count, 1u);
    EXPECT_DOUBLE_EQ(s.outliers.tukey.low, s.q1 - 1.5 * s.iqr);
    EXPECT_DOUBLE_EQ(s.outliers.tukey_far.high, s.q3 + 3 * s.iqr);
    EXPECT_EQ(s.outliers.tukey_count, 1u);
    EXPECT_EQ(s.outliers.tukey_far_count, 1u);
    EXPECT_TRUE(s.outliers.modified_z.outside(50));
    EXPECT_FALSE(s.outliers.modified_z.outside(12));
}

TEST(Outliers, MildButNotFarTukeyOutlier) {
    // 1,2,3,4,5,9: q1 2.25, q3 4.75 (type 7), IQR 2.5; 9 > 4.75 + 3.75 = 8.5 but < 4.75 + 7.5.
    const Summary s = summarize(std::vector<double>{1, 2, 3, 4, 5, 9});
    EXPECT_EQ(s.outliers.tukey_count, 1u);
    EXPECT_EQ(s.outliers.tukey_far_count, 0u);
}

TEST(Outliers, ZeroMadFallsBackToMeanAbsoluteDeviation) {
    // Six of nine values equal: MAD = 0, so M = 0.6745 (x - m) / MAD is undefined. With the
    // MeanAD scale: MeanAD = (1 + 1 + 20) / 9, fence 5 -+ 3.5 * 1.253314 * 22/9 = 5 -+ 10.72:
    // 25 is out, 4 and 6 are in. Tukey sees IQR 0 and flags all three.
    const Summary s = summarize(std::vector<double>{5, 5, 5, 4, 5, 6, 5, 5, 25});
    EXPECT_EQ(s.mad, 0);
    EXPECT_TRUE(s.outliers.mad_was_zero);
    EXPECT_NEAR(s.outliers.modified_z.high, 5 + 3.5 * 1.253314 * 22.0 / 9, 1e-12);
    EXPECT_EQ(s.outliers.modified_z_count, 1u);
    EXPECT_EQ(s.outliers.tukey_count, 3u);
    EXPECT_EQ(s.outliers.tukey_far_count, 3u);
}

}  // namespace
}  // namespace perfmatrix
