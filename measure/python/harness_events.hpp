#pragma once
// The harness's protocol events (python/harness.py documents them; protocol 1), checked and
// turned into what a case records: samples, component samples, the interpreter's identity.
// Anything the protocol does not allow (an unknown event, a sample out of order, more samples
// than the case asked for) is a ProtocolError: numbers from a harness that breaks its
// contract are not trusted.

#include "measure/model/case.hpp"
#include "measure/model/sample.hpp"
#include "measure/python/protocol_lines.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace perfmatrix::python {

inline constexpr int kProtocolVersion = 1;
// Component samples kept per case at most (e.g. import times of every module in every
// sample); a bound on the measurer's memory, far above what a sensible workload sends.
inline constexpr std::size_t kMaxComponentSamples = std::size_t{1} << 20;

// How the harness ended its stream: "done", "skip", "wrong_result" or "error".
struct TerminalEvent {
    std::string event;
    std::string reason;  // empty for done
};

struct HarnessLog {
    std::vector<Sample> samples;
    std::vector<ComponentSample> components;
    // "harness.version", "python.<identity key>" (nested: "python.flags.isolated"),
    // "package.<name>", "harness.calibrated_loops", "workload.<key>" (calibrated's environment).
    std::vector<std::pair<std::string, std::string>> environment;
    std::optional<TerminalEvent> terminal;
    bool hello = false;
    int warmups = 0;   // warm-up samples received
    int measured = 0;  // measured samples received
};

// Applies one event to the log; throws ProtocolError when it breaks the protocol.
void apply_event(const nlohmann::json& event, const CaseSettings& settings, HarnessLog& log);

}  // namespace perfmatrix::python
