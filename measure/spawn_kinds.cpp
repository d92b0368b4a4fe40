// The spawn kind: start-up and teardown of a process, measured with posix_spawn.
#include "measure/kind_registry.hpp"
#include "measure/spawn_params.hpp"
#include "measure/spawn_runner.hpp"

namespace perfmatrix {

void register_spawn_kinds(KindRegistry& registry) {
    Kind k = spawn_kind();
    k.category = category::startup;
    k.metrics = {
        {"wall_time", "s", Better::lower, 1},
        {"spawn_time", "s", Better::lower, 0},
        {"ready_time", "s", Better::lower, 0},
        {"teardown_time", "s", Better::lower, 0},
        {"user_time", "s", Better::lower, 0},
        {"sys_time", "s", Better::lower, 0},
        {"max_rss", "bytes", Better::lower, 0},
        {"minor_faults", "count", Better::lower, 0},
        {"major_faults", "count", Better::lower, 0},
        {"voluntary_switches", "count", Better::lower, 0},
        {"involuntary_switches", "count", Better::lower, 0},
        {"exit_code", "code", Better::lower, 0},
    };
    k.make_runner = make_spawn_runner;
    registry.add(std::move(k));
}

}  // namespace perfmatrix
