#include "orchestrator/commands.hpp"
#include "orchestrator/job/job.hpp"

#include <fmt/format.h>

namespace perfmatrix {
namespace {

std::string axes_text(const Case& c) {
    std::string s;
    for (const auto& a : c.axes) s += fmt::format("{}{}={}", s.empty() ? "" : " ", a.axis, a.value);
    return s;
}

}  // namespace

int plan_command(const std::string& job_path, bool verbose) {
    Job job;
    try {
        job = load_job(job_path);
    } catch (const JobError& e) {
        fmt::print(stderr, "{}\n", e.what());
        return exit_code::bad_input;
    }
    fmt::print("job {} ({}, sha256 {})\n", job.name.empty() ? "(unnamed)" : job.name, job.path,
               job.hash.substr(0, 12));
    std::size_t i = 0;
    for (const auto& b : job.benchmarks) {
        fmt::print("\nbenchmark {} (kind {}): {} case{}{}\n", b.name, b.kind, b.cases, b.cases == 1 ? "" : "s",
                   b.axes.empty() ? "" : fmt::format(", axes: {}", fmt::join(b.axes, ", ")));
        for (std::size_t k = 0; k < b.cases; ++k, ++i) {
            const Case& c = job.cases[i];
            fmt::print("  {:<28} {}\n", c.id, axes_text(c));
            if (verbose) fmt::print("      params {}\n", c.params.dump());
        }
    }
    fmt::print("\n{} case{} planned\n", job.cases.size(), job.cases.size() == 1 ? "" : "s");
    return exit_code::ok;
}

}  // namespace perfmatrix
