#include "orchestrator/case_execution.hpp"

#include <chrono>
#include <exception>

namespace perfmatrix {

double unix_now() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

protocol::Result execute_case(const Case& c, const RunContext& ctx, const std::string& host) {
    protocol::Result r;
    r.case_id = c.id;
    r.host = host;
    r.started = unix_now();
    if (auto runner = make_runner(c.kind)) {
        try {
            r.outcome = runner->run(c, ctx);
        } catch (const std::exception& e) {
            // A runner bug or an environment problem must cost one case, not the run.
            r.outcome.status = status::error;
            r.outcome.reason = e.what();
        }
    } else {
        r.outcome.status = status::error;
        r.outcome.reason = "this worker has no runner for kind '" + c.kind + "'";
    }
    r.ended = unix_now();
    return r;
}

}  // namespace perfmatrix
