#pragma once
// The parts of the text report, each rendered on its own (internal to analysis/).

#include "analysis/report/report.hpp"
#include "analysis/view/benchmark_view.hpp"
#include "analysis/view/case_digest.hpp"
#include "analysis/view/metric_stats.hpp"

#include <string>
#include <vector>

namespace perfmatrix {

// A benchmark with the statistics of each metric it gets a table for.
struct BenchmarkStats {
    const BenchmarkView* view;
    std::vector<MetricStats> metrics;
};

// The metrics a benchmark's tables show: requested ones that have samples (or every one
// present). A benchmark without any samples gets the first requested metric so its cases
// and their statuses still show.
std::vector<std::string> table_metrics(const BenchmarkView& b, const ReportSettings& opt);

// Each latest record's metrics and the statistics its tables will likely show, its samples
// read once (from opt.samples when set).
CaseDigests digest_cases(const Results& r, const ReportSettings& opt);

// Rank records describe the machines of one invocation; the latest one with records is the
// one whose numbers a resumed file ends with (0 without any).
int latest_rank_invocation(const Results& r);
// The rank records of `invocation`, in rank order.
std::vector<const RankRecord*> ranks_of(const Results& r, int invocation);

// Job, invocations, the ranks of the latest invocation and their environment.
std::string render_header(const Results& r);
// "measurement floor (spawn of a no-op, /bin/true): 0.462 ms on vm": what each host's ranks
// measured for a no-op's spawn when they started (measure/system/spawn_floor.hpp); "" when no
// rank recorded it. Shown beside the first start-up benchmark.
std::string render_spawn_floor(const Results& r);
// A note on requested metrics without samples, one table per metric, then the legend of
// shortened axis values.
std::string render_benchmark(const BenchmarkStats& b, const ReportSettings& opt);
// Per benchmark whose cases have components: a table of the components' medians, a column
// per case (e.g. each module's import time per interpreter).
std::string render_components(const std::vector<BenchmarkView>& views);
// One line per rank of the latest invocation and unstable system setting it recorded
// (measure/system/system_judgement.hpp decides which are).
std::string render_system_warnings(const Results& r);
// One line per case whose status is not ok.
std::string render_problems(const std::vector<BenchmarkView>& views);
// One line per ok case and metric that is noisy or has too few samples.
std::string render_noise(const std::vector<BenchmarkStats>& benchmarks, const ReportSettings& opt);
// Cases whose rounds differ more than the samples within a round (round_spread.hpp).
std::string render_round_spread(const std::vector<BenchmarkStats>& benchmarks);
// "N cases: X ok, Y failed, S skipped, Z unschedulable; P planned, Q missing" and a --resume hint.
std::string render_totals(const Results& r, const std::vector<BenchmarkView>& views, const ReportSettings& opt);

}  // namespace perfmatrix
