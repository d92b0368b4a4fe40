#pragma once
// What `perfmatrix export` shares between its formats: which cases go out, under which name,
// with which metric, and what was left out and why. The formats only lay the numbers out.

#include "measure/model/records.hpp"

#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

struct ExportSettings {
    std::string metric;  // -m; empty: each case's headline metric (see export_metric)
};

// The metric units the target format can carry, besides durations (always accepted and
// converted to seconds).
struct UnitSupport {
    bool bytes = false;   // "bytes" / "B"
    bool counts = false;  // "count" / no unit
};

// One case as it goes out: its name in the export and the metric its values come from.
struct ExportedCase {
    const CaseRecord* record = nullptr;
    std::string name;
    std::string metric, unit;  // unit as stored in the file
    std::size_t family = 0;    // index of its benchmark, in order of first appearance
    std::size_t instance = 0;  // index of the case within its benchmark
};

struct ExportSelection {
    std::vector<ExportedCase> cases;
    std::vector<std::string> left_out;  // "name: why", one per case not exported
};

// What an exporter returns.
struct ExportOutput {
    std::string text;                   // the JSON document
    std::size_t exported = 0;           // cases in it
    std::vector<std::string> left_out;  // "name: why"
};

// "bench/axis=value/axis=value" with the file's raw axis values ("bench" without axes).
// select_export_cases makes names unique (axis values containing '/' or '=' could collide).
std::string export_name(const CaseRecord& c);

// The metric a case is exported on. Requested (-m): that one, if the case has it in a unit
// the format carries and it is not a rate. Default: the headline metric `perfmatrix compare`
// uses; when that is a rate (GFLOP/s, GB/s, ...) the case's per-operation `time` instead,
// because a rate is higher-is-better and both formats read every value as lower-is-better.
// nullopt with *why set when there is none.
std::optional<std::string> export_metric(const CaseRecord& c, const std::string& requested, UnitSupport units,
                                         std::string* why);

// The latest record of each case id, grouped and ordered as `perfmatrix report` shows them;
// cases that are not ok, or have no exportable metric, go to left_out with the reason.
ExportSelection select_export_cases(const Results& r, const ExportSettings& opt, UnitSupport units);

// Seconds per unit of a duration unit ("s", "ms", "us", "µs", "ns"); 0 for any other unit.
double seconds_per(const std::string& unit);

}  // namespace perfmatrix
