#pragma once
// Hand-built results for the comparison tests: deterministic samples whose verdict is known
// from their construction (fully separated sets are significant at any size used here;
// identical sets never are), so no test depends on a timing.

#include "measure/model/records.hpp"

#include <string>
#include <vector>

namespace perfmatrix::testing {

// n samples spread evenly over [centre * 0.99, centre * 1.01]: a 1 % band, so sets whose
// centres differ by 10 % do not overlap.
inline std::vector<double> band(double centre, int n = 20) {
    std::vector<double> v;
    for (int i = 0; i < n; ++i) v.push_back(centre * (0.99 + 0.02 * i / (n - 1)));
    return v;
}

// Each value a round of its own, as a run with rounds = repetitions = n stores them:
// comparisons replicate over rounds, so these are n replicates.
inline std::vector<Sample> samples_of(const std::string& metric, const std::string& unit,
                                      const std::vector<double>& values) {
    std::vector<Sample> out{{metric, unit, 0, true, values.front() * 3, 0}};  // a cold warm-up, ignored
    for (std::size_t i = 0; i < values.size(); ++i)
        out.push_back({metric, unit, static_cast<int>(i), false, values[i], static_cast<int>(i)});
    return out;
}

inline CaseRecord make_case(const std::string& id, const std::string& benchmark, const std::string& kind,
                            std::vector<AxisValue> axes, std::vector<Sample> samples,
                            const std::string& case_status = status::ok, const std::string& reason = "") {
    CaseRecord c;
    c.case_id = id;
    c.benchmark = benchmark;
    c.kind = kind;
    c.status = case_status;
    c.reason = reason;
    c.rank = 1;
    c.axes = std::move(axes);
    c.samples = std::move(samples);
    return c;
}

// A spawn case timed around `seconds`.
inline CaseRecord spawn_case(const std::string& id, std::vector<AxisValue> axes, double seconds,
                             const std::string& benchmark = "start") {
    return make_case(id, benchmark, "spawn", std::move(axes), samples_of("wall_time", "s", band(seconds)));
}

// A blas_gemm case measuring around `gflops` GFLOP/s.
inline CaseRecord gemm_case(const std::string& id, std::vector<AxisValue> axes, double gflops) {
    return make_case(id, "gemm", "blas_gemm", std::move(axes), samples_of("gflops", "GFLOP/s", band(gflops)));
}

inline Results results_of(std::vector<CaseRecord> cases, int planned = -1, const std::string& last = "completed") {
    Results r;
    r.schema_version = 2;
    r.meta.job_path = "jobs/test.toml";
    r.meta.job_hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    r.meta.tool_version = "0.1.0";
    r.meta.planned_cases = planned < 0 ? static_cast<int>(cases.size()) : planned;
    InvocationRecord inv;
    inv.status = last;
    r.invocations.push_back(inv);
    r.cases = std::move(cases);
    return r;
}

}  // namespace perfmatrix::testing
