#include "measure/python/pyperf_command.hpp"

#include "measure/python/inherited_env.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perfmatrix::python {
namespace {

using Variables = std::vector<std::pair<std::string, std::string>>;

// pyperf numbers a script's benchmarks by the order its Runner's bench_*() calls reach
// Runner._main(); the worker then runs only the one --worker-task names. pyperf has no way to
// list them, so this replaces _main (private, but unchanged since pyperf 1.x) with one that
// records the name and runs nothing. The script runs as `python SCRIPT` would run it:
// __main__, with its own directory first on sys.path.
constexpr const char* kListTasks = R"(import json, os, runpy, sys
import pyperf
names = []
def record(runner, task):
    names.append(task.name)
    runner._worker_task += 1
pyperf.Runner._main = record
out, script = sys.argv[1], sys.argv[2]
sys.argv = [script, '--worker', '--loops', '1', '--warmups', '0'] + sys.argv[3:]
sys.path[0] = os.path.dirname(os.path.abspath(script))
try:
    runpy.run_path(script, run_name='__main__')
finally:
    with open(out, 'w') as f:
        json.dump(names, f)
)";

// find_spec locates a package without running its __init__.
constexpr const char* kPackageDir = R"(import importlib.util, os, sys
spec = importlib.util.find_spec(sys.argv[1])
if spec is None:
    sys.exit('no package %r importable by %s' % (sys.argv[1], sys.executable))
places = list(spec.submodule_search_locations or [])
print(places[0] if places else os.path.dirname(spec.origin))
)";

bool sets(const Variables& vars, const std::string& name) {
    return std::any_of(vars.begin(), vars.end(), [&](const auto& kv) { return kv.first == name; });
}

std::vector<std::string> worker_head(const PyperfParams& p, const std::string& script, long long task) {
    return {p.python,     script,
            "--worker",   fmt::format("--worker-task={}", task),
            "--values",   std::to_string(p.values),
            "--warmups",  std::to_string(p.warmups),
            "--min-time", fmt::format("{}", p.loop_min_time)};
}

std::vector<std::string> with_tail(std::vector<std::string> argv, const PyperfParams& p, const std::string& output) {
    argv.insert(argv.end(), {"--output", output});
    argv.insert(argv.end(), p.args.begin(), p.args.end());
    return argv;
}

}  // namespace

std::vector<std::string> worker_argv(const PyperfParams& p, const std::string& script, long long task, long long loops,
                                     const std::string& output) {
    auto argv = worker_head(p, script, task);
    argv.insert(argv.end(), {"--loops", std::to_string(loops)});
    return with_tail(std::move(argv), p, output);
}

std::vector<std::string> calibration_argv(const PyperfParams& p, const std::string& script, long long task,
                                          const std::string& output) {
    auto argv = worker_head(p, script, task);
    argv.push_back("--calibrate-loops");
    return with_tail(std::move(argv), p, output);
}

std::vector<std::string> task_list_argv(const PyperfParams& p, const std::string& script, const std::string& output) {
    std::vector<std::string> argv{p.python, "-c", kListTasks, output, script};
    argv.insert(argv.end(), p.args.begin(), p.args.end());
    return argv;
}

std::vector<std::string> package_dir_argv(const PyperfParams& p) { return {p.python, "-c", kPackageDir, *p.package}; }

ProcessSpec pyperf_process(const PyperfParams& p, std::vector<std::string> argv) {
    Variables env;
    for (auto& kv : inherited_variables(p.inherit_env)) {
        if (!sets(p.env, kv.first)) env.push_back(std::move(kv));
    }
    env.insert(env.end(), p.env.begin(), p.env.end());
    ProcessSpec spec;
    spec.argv = std::move(argv);
    spec.env = EnvironmentChanges{std::move(env), {}, true};
    // Tracebacks are long and their last lines say most: keep a generous tail.
    spec.capture_bytes = 16384;
    return spec;
}

std::vector<std::pair<std::string, std::string>> command_record(const ProcessSpec& worker, const PyperfParams& p) {
    std::vector<std::string> inherited;
    for (const auto& [name, value] : worker.env.set) {
        if (!sets(p.env, name)) inherited.push_back(name);
    }
    std::sort(inherited.begin(), inherited.end());
    return {{"python.argv", fmt::format("{}", fmt::join(worker.argv, " "))},
            {"python.env_inherited", fmt::format("{}", fmt::join(inherited, " "))}};
}

}  // namespace perfmatrix::python
