#include "analysis/stats/geometric_mean.hpp"

#include "analysis/stats/distributions.hpp"

#include <cmath>
#include <stdexcept>

namespace perfmatrix {

GeometricMean geometric_mean(std::span<const double> ratios, double confidence) {
    if (ratios.empty()) throw std::invalid_argument("geometric_mean: no ratios");
    if (!(confidence > 0 && confidence < 1))
        throw std::invalid_argument("geometric_mean: confidence must be strictly between 0 and 1");
    double sum = 0;
    for (double r : ratios) {
        if (!(r > 0) || !std::isfinite(r))
            throw std::invalid_argument("geometric_mean: every ratio must be finite and > 0");
        sum += std::log(r);
    }
    const double k = static_cast<double>(ratios.size());
    const double mean = sum / k;
    GeometricMean g;
    g.count = ratios.size();
    g.value = std::exp(mean);
    if (ratios.size() < 2) return g;
    double squares = 0;
    for (double r : ratios) squares += (std::log(r) - mean) * (std::log(r) - mean);
    const double half = student_t_quantile((1 + confidence) / 2, k - 1) * std::sqrt(squares / (k - 1) / k);
    g.low = std::exp(mean - half);
    g.high = std::exp(mean + half);
    return g;
}

}  // namespace perfmatrix
