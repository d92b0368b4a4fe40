#pragma once
// A results file as Google Benchmark's JSON (what `--benchmark_format=json` writes), so that
// its tools/compare.py reads it. Per ok case, named by export_name():
//   - one entry with run_type "iteration" per measured sample (repetitions = samples,
//     repetition_index = its index; threads 1: every perfmatrix kind times one caller);
//     iterations = the sample's `iterations` metric (operations in the batch), else 1;
//     real_time = the exported metric (a duration) in ns, one time unit for every entry
//     because compare.py drops entries whose unit differs from the baseline's;
//     cpu_time = user_time + sys_time of the sample when the metric is wall_time and both were
//     measured (spawn), else the real_time (the batch kinds time the wall clock only);
//     counters = the sample's other metrics that are not durations (GFLOP/s, GB/s, bytes...);
//   - then "aggregate" entries mean, median, stddev (n - 1) and cv (stddev / mean, unit
//     "percentage", as a fraction), named name_mean etc. with run_name = name.
// Warm-ups are left out: the format has no place for them. The context carries the host's
// description from the file's first rank.

#include "analysis/export/export_common.hpp"

namespace perfmatrix {

ExportOutput export_gbench(const Results& r, const ExportSettings& opt);

}  // namespace perfmatrix
