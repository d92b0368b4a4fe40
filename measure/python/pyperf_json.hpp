#pragma once
// Reading the JSON file a pyperf worker writes (--output): format version "1.0", a suite of
// benchmarks, each with runs of values, warm-ups and metadata. A worker writes one benchmark
// with one run; its metadata may sit at the suite, the benchmark or the run (pyperf moves
// what runs share upwards), so all three levels are merged, the innermost winning.

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace perfmatrix::python {

struct PyperfRun {
    std::string name;                     // the benchmark's name (metadata "name")
    std::vector<double> values;           // per loop (and inner loop), as pyperf stores them
    std::vector<double> warmups;          // the same, of the warm-up values
    std::vector<long long> warmup_loops;  // loops of each warm-up (they grow during calibration)
    // Every metadata entry as text: strings as they are, numbers as JSON writes them.
    std::vector<std::pair<std::string, std::string>> metadata;
    std::optional<long long> loops;            // metadata "loops"
    std::optional<long long> calibrate_loops;  // metadata "calibrate_loops" of a calibration run
};

// The run, or why the text is not a one-benchmark, one-run pyperf file.
std::variant<PyperfRun, std::string> parse_pyperf_run(const std::string& text);

}  // namespace perfmatrix::python
