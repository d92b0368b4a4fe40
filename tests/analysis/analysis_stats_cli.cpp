// Test support, not a user tool: reads a JSON array of requests on stdin, answers each with
// the analysis library's results as JSON on stdout, so test_against_scipy.py can hold them
// against numpy and scipy. Requests:
//   {"op": "summarize", "values": [...], "better": "lower"|"higher", "seconds": bool}
//   {"op": "mann_whitney", "base": [...], "new": [...]}
//   {"op": "compare", "base": [...], "new": [...], "better": ..., "alpha": a,
//    "min_effect": e, "resamples": B, "seed": s}       (all but base and new optional)
//   {"op": "median_ci_ranks", "n": n}
//   {"op": "geometric_mean", "ratios": [...], "confidence": c}
//   {"op": "round_spread", "rounds": [[...], ...]}
// A request that the library rejects answers {"error": "..."}; a malformed one stops it.

#include "analysis/stats/comparison.hpp"
#include "analysis/stats/geometric_mean.hpp"
#include "analysis/stats/median_ci.hpp"
#include "analysis/stats/noise_warnings.hpp"
#include "analysis/stats/round_spread.hpp"
#include "analysis/stats/statistics.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace perfmatrix {
namespace {

using nlohmann::json;

Better better_of(const json& request) {
    const std::string b = request.value("better", "lower");
    if (b == "lower") return Better::lower;
    if (b == "higher") return Better::higher;
    throw std::runtime_error("better: expected \"lower\" or \"higher\", got \"" + b + "\"");
}

json optional_json(const auto& maybe) { return maybe ? json(*maybe) : json(nullptr); }

json ci_json(const std::optional<MedianCi>& ci) {
    if (!ci) return nullptr;
    return {{"lower_rank", ci->lower_rank},
            {"upper_rank", ci->upper_rank},
            {"lower", ci->lower},
            {"upper", ci->upper},
            {"coverage", ci->coverage}};
}

json fences_json(const Fences& f) { return {f.low, f.high}; }

json outliers_json(const Outliers& o) {
    return {{"modified_z", fences_json(o.modified_z)}, {"tukey", fences_json(o.tukey)},
            {"tukey_far", fences_json(o.tukey_far)},   {"mad_was_zero", o.mad_was_zero},
            {"modified_z_count", o.modified_z_count},  {"tukey_count", o.tukey_count},
            {"tukey_far_count", o.tukey_far_count}};
}

json noise_json(const NoiseWarnings& w) {
    return {{"high_cv", w.high_cv},
            {"too_few_samples", w.too_few_samples},
            {"sub_millisecond", w.sub_millisecond},
            {"missing_warmup", w.missing_warmup}};
}

json summarize_op(const json& request) {
    const auto values = request.at("values").get<std::vector<double>>();
    const Summary s = summarize(values);
    return {{"n", s.n},
            {"median", s.median},
            {"mad", s.mad},
            {"q1", s.q1},
            {"q3", s.q3},
            {"iqr", s.iqr},
            {"p5", s.p5},
            {"p95", s.p95},
            {"p99", s.p99},
            {"min", s.min},
            {"max", s.max},
            {"mean", s.mean},
            {"stddev", s.stddev},
            {"cv", s.cv},
            {"median_ci", ci_json(s.median_ci)},
            {"outliers", outliers_json(s.outliers)},
            {"first", s.first},
            {"median_of_rest", optional_json(s.median_of_rest)},
            {"noise", noise_json(noise_warnings(s, better_of(request), request.value("seconds", false)))}};
}

json test_json(const MannWhitney& t) {
    return {{"u_base", t.u_base},
            {"p_value", t.p_value},
            {"method", t.method == MannWhitneyMethod::exact ? "exact" : "asymptotic"}};
}

json mann_whitney_op(const json& request) {
    return test_json(
        mann_whitney(request.at("base").get<std::vector<double>>(), request.at("new").get<std::vector<double>>()));
}

ComparisonSettings compare_options(const json& request) {
    ComparisonSettings o;
    o.better = better_of(request);
    o.alpha = request.value("alpha", o.alpha);
    o.min_effect = request.value("min_effect", o.min_effect);
    o.bootstrap.resamples = request.value("resamples", o.bootstrap.resamples);
    o.bootstrap.seed = request.value("seed", o.bootstrap.seed);
    return o;
}

json compare_op(const json& request) {
    const Comparison c = compare_samples(request.at("base").get<std::vector<double>>(),
                                         request.at("new").get<std::vector<double>>(), compare_options(request));
    json ratio = nullptr;
    if (c.ratio) ratio = {{"ratio", c.ratio->ratio}, {"low", c.ratio->low}, {"high", c.ratio->high}};
    return {{"n_base", c.n_base},
            {"n_new", c.n_new},
            {"median_base", c.median_base},
            {"median_new", c.median_new},
            {"ratio", ratio},
            {"test", c.test ? test_json(*c.test) : json(nullptr)},
            {"verdict", std::string(verdict_name(c.verdict))},
            {"reason", c.reason}};
}

json median_ci_ranks_op(const json& request) { return ci_json(median_ci_ranks(request.at("n").get<std::size_t>())); }

json geometric_mean_op(const json& request) {
    const GeometricMean g = geometric_mean(request.at("ratios").get<std::vector<double>>(),
                                           request.value("confidence", 0.95));
    return {{"count", g.count}, {"value", g.value}, {"low", optional_json(g.low)}, {"high", optional_json(g.high)}};
}

json round_spread_op(const json& request) {
    const RoundSpread s = round_spread(request.at("rounds").get<std::vector<std::vector<double>>>());
    json components = nullptr;
    if (s.components) {
        const VarianceComponents& c = *s.components;
        components = {{"grand_mean", c.grand_mean},
                      {"mean_square_between", c.mean_square_between},
                      {"mean_square_within", c.mean_square_within},
                      {"samples_per_round", c.samples_per_round},
                      {"between_variance", c.between_variance},
                      {"within_variance", c.within_variance},
                      {"icc", c.icc}};
    }
    return {{"rounds", s.rounds},
            {"samples", s.samples},
            {"within_relative_mad", s.within_relative_mad},
            {"between_relative_mad", s.between_relative_mad},
            {"components", components},
            {"dominated_by_between", s.dominated_by_between},
            {"warning", s.warning}};
}

json answer(const json& request) {
    const std::string op = request.at("op").get<std::string>();
    try {
        if (op == "summarize") return summarize_op(request);
        if (op == "mann_whitney") return mann_whitney_op(request);
        if (op == "compare") return compare_op(request);
        if (op == "median_ci_ranks") return median_ci_ranks_op(request);
        if (op == "geometric_mean") return geometric_mean_op(request);
        if (op == "round_spread") return round_spread_op(request);
    } catch (const std::invalid_argument& e) {
        return {{"error", e.what()}};
    }
    throw std::runtime_error("unknown op \"" + op + "\"");
}

}  // namespace
}  // namespace perfmatrix

int main() {
    try {
        const nlohmann::json requests = nlohmann::json::parse(std::cin);
        nlohmann::json answers = nlohmann::json::array();
        for (const nlohmann::json& request : requests) answers.push_back(perfmatrix::answer(request));
        std::cout << answers.dump() << '\n';
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "analysis_stats_cli: " << e.what() << '\n';
        return 2;
    }
}
