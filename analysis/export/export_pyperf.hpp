#pragma once
// A results file as pyperf's JSON (format version "1.0", a BenchmarkSuite), so that
// `python -m pyperf stats|compare_to|hist` work on it. Layout, as pyperf's _bench.py reads it:
//
//   {"version": "1.0", "metadata": {suite: perfmatrix_version, hostname, cpu_count, ...},
//    "benchmarks": [{"metadata": {"name", "unit", "loops": 1, perfmatrix_case_id, axes...},
//                    "runs": [{"metadata": {date, duration, hostname, env...},
//                              "warmups": [[1, value], ...], "values": [...]}]}]}
//
// One benchmark per ok case, named by export_name(); one run per case, because all of a case's
// samples come from one measurement process. Values are already per operation, so loops is 1.
// pyperf knows three units: second, byte, integer. Durations are converted to seconds; bytes
// and counts go out as they are; rates cannot (pyperf takes lower as better and has no unit
// for them): by default a rate headline is replaced by the case's per-operation `time`, and a
// requested rate leaves the case out. pyperf refuses values <= 0: such a case is left out too.

#include "analysis/export/export_common.hpp"

namespace perfmatrix {

ExportOutput export_pyperf(const Results& r, const ExportSettings& opt);

}  // namespace perfmatrix
