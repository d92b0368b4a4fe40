#include "analysis/stats/round_samples.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace perfmatrix {
namespace {

double median_of_sorted(const std::vector<double>& v) {
    const std::size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

std::vector<std::vector<double>> measured_by_round(const CaseRecord& c, std::string_view metric) {
    std::map<int, std::vector<double>> by_round;
    for (const Sample& s : c.samples)
        if (!s.warmup && s.metric == metric && !std::isnan(s.value)) by_round[s.round].push_back(s.value);
    std::vector<std::vector<double>> out;
    out.reserve(by_round.size());
    for (auto& [round, values] : by_round) {
        std::sort(values.begin(), values.end());
        out.push_back(std::move(values));
    }
    return out;
}

std::vector<double> round_medians(const std::vector<std::vector<double>>& sorted_rounds) {
    std::vector<double> medians;
    medians.reserve(sorted_rounds.size());
    for (const auto& round : sorted_rounds) medians.push_back(median_of_sorted(round));
    std::sort(medians.begin(), medians.end());
    return medians;
}

}  // namespace perfmatrix
