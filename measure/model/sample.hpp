#pragma once
// What a runner hands back for one case: raw samples and an outcome.

#include <string>
#include <utility>
#include <vector>

namespace perfmatrix {

// (key, value) pairs in the order they were recorded: what produced a set of numbers.
using Environment = std::vector<std::pair<std::string, std::string>>;

struct Sample {
    std::string metric;   // e.g. "wall_time"
    std::string unit;     // e.g. "s", "bytes", "count"
    int repetition = 0;   // 0-based within warm-ups or within measured samples
    bool warmup = false;  // warm-up samples are kept raw but left out of statistics
    double value = 0.0;
    // Which round of its case measured it. Runners leave it 0: a measuring process is one
    // round, and rank 0 numbers the rounds it stores.
    int round = 0;
    bool operator==(const Sample&) const = default;
};

// Status strings are part of the HDF5 schema (results/schema.hpp documents them).
namespace status {
inline constexpr const char* ok = "ok";
inline constexpr const char* nonzero_exit = "nonzero_exit";
inline constexpr const char* signaled = "signaled";
inline constexpr const char* timeout = "timeout";
inline constexpr const char* exec_failed = "exec_failed";
inline constexpr const char* error = "error";                // the runner itself could not measure
inline constexpr const char* wrong_result = "wrong_result";  // a kernel failed its own verification
inline constexpr const char* unschedulable = "unschedulable";
inline constexpr const char* skipped = "skipped";  // cannot apply here (e.g. a package missing for this interpreter)
inline constexpr const char* interrupted = "interrupted";  // cancelled; never stored as done
}  // namespace status

// A sample of one part of a case, e.g. the import time of one module in an interpreter's
// start-up (`-X importtime`): kept apart from the case's own samples, in its own table.
struct ComponentSample {
    std::string component;  // e.g. "json.decoder"
    std::string metric;     // e.g. "import_self"
    std::string unit;
    int repetition = 0;
    bool warmup = false;
    double value = 0.0;

    bool operator==(const ComponentSample&) const = default;
};

struct CaseOutcome {
    CaseOutcome() = default;
    // An outcome without environment or components: most failures, and what old code builds.
    CaseOutcome(std::string status_, std::string reason_, std::vector<Sample> samples_ = {})
        : status(std::move(status_)), reason(std::move(reason_)), samples(std::move(samples_)) {}

    std::string status = status::ok;
    std::string reason;           // empty when ok: exit code / signal / stderr tail / message
    std::vector<Sample> samples;  // everything measured, including before a failure
    // What produced these numbers beyond the rank's environment: library versions and
    // threads, an interpreter's identity and packages, isolation flags. Stored per case.
    Environment environment;
    std::vector<ComponentSample> components;
};

}  // namespace perfmatrix
