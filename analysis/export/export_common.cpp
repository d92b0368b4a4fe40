#include "analysis/export/export_common.hpp"

#include "analysis/compare/case_comparison.hpp"
#include "analysis/text/units.hpp"
#include "analysis/view/benchmark_view.hpp"
#include "analysis/view/case_metrics.hpp"

#include <fmt/format.h>

#include <set>

namespace perfmatrix {

namespace {

bool unit_supported(const std::string& unit, UnitSupport units) {
    if (is_duration_unit(unit)) return true;
    if (unit == "bytes" || unit == "B") return units.bytes;
    if (unit == "count" || unit.empty()) return units.counts;
    return false;
}

std::string accepted_units(UnitSupport units) {
    std::string s = "a duration (s, ms, us, ns)";
    if (units.bytes) s += ", bytes";
    if (units.counts) s += ", a count";
    return s;
}

bool has_measured(const CaseRecord& c, const std::string& metric) { return !measured_values(c, metric).empty(); }

// Why a metric cannot go out, or "" when it can.
std::string unfit_reason(const CaseRecord& c, const std::string& metric, UnitSupport units) {
    if (!has_measured(c, metric)) return fmt::format("no measured samples of '{}'", metric);
    const std::string unit = metric_unit(c, metric);
    if (metric_spec(c, metric).better == Better::higher)
        return fmt::format(
            "'{}' ({}) is a rate, higher is better; the format reads every value as "
            "lower-is-better (export 'time' instead)",
            metric, unit);
    if (!unit_supported(unit, units))
        return fmt::format("'{}' is in '{}'; the format takes {}", metric, unit, accepted_units(units));
    return {};
}

}  // namespace

std::string export_name(const CaseRecord& c) {
    std::string name = c.benchmark;
    for (const AxisValue& a : c.axes) name += fmt::format("/{}={}", a.axis, a.value);
    return name;
}

std::optional<std::string> export_metric(const CaseRecord& c, const std::string& requested, UnitSupport units,
                                         std::string* why) {
    std::string metric = compared_metric(c, c, requested);
    if (metric.empty()) {
        *why = "no headline metric with samples (use --metric)";
        return std::nullopt;
    }
    // The default falls back from a rate to the per-operation time measured with it.
    if (requested.empty() && metric_spec(c, metric).better == Better::higher && has_measured(c, "time"))
        metric = "time";
    *why = unfit_reason(c, metric, units);
    if (!why->empty()) return std::nullopt;
    return metric;
}

ExportSelection select_export_cases(const Results& r, const ExportSettings& opt, UnitSupport units) {
    ExportSelection out;
    std::set<std::string> names;
    const std::vector<BenchmarkView> benchmarks = group_benchmarks(r);
    for (std::size_t b = 0; b < benchmarks.size(); ++b) {
        std::size_t instance = 0;
        for (const CaseRecord* c : benchmarks[b].cases) {
            std::string name = export_name(*c);
            if (names.count(name)) name += fmt::format(" [{}]", c->case_id);
            if (c->status != "ok") {
                out.left_out.push_back(fmt::format("{}: status {}", name, c->status));
                continue;
            }
            std::string why;
            const std::optional<std::string> metric = export_metric(*c, opt.metric, units, &why);
            if (!metric) {
                out.left_out.push_back(fmt::format("{}: {}", name, why));
                continue;
            }
            names.insert(name);
            out.cases.push_back({c, name, *metric, metric_unit(*c, *metric), b, instance++});
        }
    }
    return out;
}

double seconds_per(const std::string& unit) {
    if (unit == "s") return 1;
    if (unit == "ms") return 1e-3;
    if (unit == "us" || unit == "µs") return 1e-6;
    if (unit == "ns") return 1e-9;
    return 0;
}

}  // namespace perfmatrix
