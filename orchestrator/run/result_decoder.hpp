#pragma once
// Decodes a `result` message (protocol.hpp) straight into a protocol::Result, as nlohmann's SAX
// events come, without building the JSON document first. Rank 0 decodes one per case: through
// the document it cost 8 us of the ~45 us rank 0 spends per case (docs/scale.md). Same rules
// as the document's way: case_id, host, started, ended and outcome (status, reason, samples)
// required; environment and components optional; a table's columns all as long as its first;
// keys it does not know skipped.

#include "orchestrator/run/protocol.hpp"

#include <string>

namespace perfmatrix::protocol {

// Throws std::runtime_error naming what is wrong.
Result decode_result_events(const std::string& text);

}  // namespace perfmatrix::protocol
