#include "orchestrator/run/case_execution.hpp"

#include "measure/system/host_name.hpp"
#include "orchestrator/run/measure_process.hpp"

#include <chrono>
#include <exception>

namespace perfmatrix {

protocol::Result execute_case(const Case& c, const RunContext& ctx, const std::string& host) {
    protocol::Result r;
    r.case_id = c.id;
    r.host = host;
    r.started = unix_now();
    try {
        r.outcome = measure_in_child(c, ctx);
    } catch (const std::exception& e) {
        // Trouble starting or reading the measuring process costs one case, not the run.
        r.outcome = {status::error, e.what(), {}};
    }
    r.ended = unix_now();
    return r;
}

}  // namespace perfmatrix
