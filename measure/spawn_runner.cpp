#include "measure/spawn_runner.hpp"

#include "measure/params_runner.hpp"
#include "measure/sampling.hpp"
#include "measure/spawn_outcome.hpp"
#include "measure/spawn_params.hpp"
#include "measure/system/process.hpp"

#include <fmt/format.h>

#include <variant>

namespace perfmatrix {
namespace {

ProcessSpec process_spec(const SpawnParams& p) {
    ProcessSpec spec;
    spec.argv = p.argv;
    spec.env = EnvironmentChanges{p.env, p.unset_env, p.clear_env};
    spec.cwd = p.cwd;
    spec.capture_bytes = p.capture_bytes;
    return spec;
}

WatchSpec watch_spec(const SpawnParams& p, const CaseSettings& s, const RunContext& ctx) {
    WatchSpec watch;
    watch.ready_pattern = p.ready_regex ? &*p.ready_regex : nullptr;
    watch.teardown_signal = p.teardown_signal;
    watch.timeout = s.timeout;
    watch.should_stop = ctx.should_stop;
    return watch;
}

CaseOutcome measure_spawn(const Case& c, const SpawnParams& params, const RunContext& ctx) {
    const ProcessSpec spec = process_spec(params);
    const WatchSpec watch = watch_spec(params, c.settings, ctx);
    return run_samples(c.settings, ctx, [&](const SampleIndex&) {
        return spawn_sample(run_process(spec, watch), params, c.settings.timeout);
    });
}

}  // namespace

std::unique_ptr<Runner> make_spawn_runner() { return params_runner(parse_spawn_params, measure_spawn); }

}  // namespace perfmatrix
