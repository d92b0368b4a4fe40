#include "measure/sampling.hpp"

#include <chrono>
#include <exception>

namespace perfmatrix {
namespace {

struct Taken {
    bool ok = false;
    double primary = 0;  // seconds toward min_time
};

double primary_value(const SampleResult& r, std::string_view primary_metric, double elapsed) {
    for (const auto& m : r.metrics) {
        if (m.name == primary_metric) return m.value;
    }
    return elapsed;
}

// Runs one sample and appends its metrics; on failure records status and reason instead.
Taken take_sample(const SampleFunction& sample, const SampleIndex& index, std::string_view primary_metric,
                  CaseOutcome& outcome) {
    const auto start = std::chrono::steady_clock::now();
    SampleResult r;
    try {
        r = sample(index);
    } catch (const std::exception& e) {
        // The measurer failed, not the benchmark: report it as a case outcome, never crash the rank.
        r = SampleResult::failure(status::error, e.what());
    }
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (r.status != status::ok) {
        outcome.status = std::move(r.status);
        outcome.reason = std::move(r.reason);
        return {};
    }
    const double primary = primary_value(r, primary_metric, elapsed);
    for (auto& m : r.metrics) {
        outcome.samples.push_back(
            Sample{std::move(m.name), std::move(m.unit), index.repetition, index.warmup, m.value});
    }
    return {true, primary};
}

bool stopped(const RunContext& ctx, CaseOutcome& outcome) {
    if (!ctx.should_stop || !ctx.should_stop()) return false;
    outcome.status = status::interrupted;
    outcome.reason = "cancelled";
    return true;
}

bool wants_more(const CaseSettings& s, int done, double measured) {
    if (done >= s.max_repetitions) return false;
    if (done < s.repetitions) return true;
    return s.min_time > 0 && measured < s.min_time;
}

}  // namespace

SampleResult SampleResult::failure(std::string status_, std::string reason_) {
    SampleResult r;
    r.status = std::move(status_);
    r.reason = std::move(reason_);
    return r;
}

CaseOutcome run_samples(const CaseSettings& settings, const RunContext& ctx, const SampleFunction& sample,
                        std::string_view primary_metric) {
    CaseOutcome outcome;
    for (int i = 0; i < settings.warmup; ++i) {
        if (stopped(ctx, outcome)) return outcome;
        if (!take_sample(sample, {true, i}, primary_metric, outcome).ok) return outcome;
    }
    double measured = 0;
    for (int i = 0; wants_more(settings, i, measured); ++i) {
        if (stopped(ctx, outcome)) return outcome;
        const Taken t = take_sample(sample, {false, i}, primary_metric, outcome);
        if (!t.ok) return outcome;
        measured += t.primary;
    }
    return outcome;
}

}  // namespace perfmatrix
