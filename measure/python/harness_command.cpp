#include "measure/python/harness_command.hpp"

#include "measure/python/inherited_env.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace perfmatrix::python {
namespace {

using Variables = std::vector<std::pair<std::string, std::string>>;

bool sets(const Variables& vars, const std::string& name) {
    return std::any_of(vars.begin(), vars.end(), [&](const auto& kv) { return kv.first == name; });
}

std::string seed_record(const PythonParams& p) {
    return p.hash_seed ? *p.hash_seed : std::string("random (Python ignores PYTHONHASHSEED under -I/-E)");
}

// Whether perfmatrix sets this variable itself (env, a runtime setting, the hash seed), so that
// an inherited one of that name is dropped.
bool set_here(const PythonParams& p, const Variables& runtime, const std::string& name) {
    return sets(p.env, name) || sets(runtime, name) || name == "PYTHONHASHSEED";
}

std::string inherited_names(const Variables& env, const PythonParams& p) {
    const Variables runtime = runtime_variables(p.runtime);
    std::vector<std::string> names;
    for (const auto& [name, value] : env) {
        if (!set_here(p, runtime, name)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return fmt::format("{}", fmt::join(names, " "));
}

}  // namespace

std::vector<std::string> harness_argv(const PythonParams& p, const CaseSettings& s, const std::string& harness) {
    std::vector<std::string> argv{p.python};
    argv.insert(argv.end(), p.flags.begin(), p.flags.end());
    argv.insert(argv.end(), {harness, "--workload", p.workload, "--fd", std::to_string(kPassedFd), "--warmups",
                             std::to_string(s.warmup), "--repetitions", std::to_string(s.repetitions), "--min-time",
                             fmt::format("{}", s.min_time), "--max-repetitions", std::to_string(s.max_repetitions),
                             "--sample-time", fmt::format("{}", p.sample_time)});
    if (p.loops > 0) argv.insert(argv.end(), {"--loops", std::to_string(p.loops)});
    for (auto& arg : expect_arguments(p.runtime)) argv.push_back(std::move(arg));
    for (const auto& [key, value] : p.args) argv.insert(argv.end(), {"--param", key + "=" + value});
    return argv;
}

std::vector<std::pair<std::string, std::string>> harness_environment(const PythonParams& p) {
    Variables env;
    const Variables runtime = runtime_variables(p.runtime);
    // env and the settings win over an inherited variable of the same name; one entry per name.
    for (auto& kv : inherited_variables(p.inherit_env)) {
        if (!set_here(p, runtime, kv.first)) env.push_back(std::move(kv));
    }
    env.insert(env.end(), p.env.begin(), p.env.end());
    env.insert(env.end(), runtime.begin(), runtime.end());
    if (p.hash_seed) env.emplace_back("PYTHONHASHSEED", *p.hash_seed);
    return env;
}

HarnessCommand harness_command(const PythonParams& p, const CaseSettings& s, const std::string& harness) {
    HarnessCommand cmd;
    cmd.process.argv = harness_argv(p, s, harness);
    cmd.process.env = EnvironmentChanges{harness_environment(p), {}, true};
    // Tracebacks are long and their last lines say most: keep a generous tail.
    cmd.process.capture_bytes = 16384;
    cmd.record = {
        {"python.argv", fmt::format("{}", fmt::join(cmd.process.argv, " "))},
        {"python.hash_seed", seed_record(p)},
        {"python.env_inherited", inherited_names(cmd.process.env.set, p)},
    };
    return cmd;
}

}  // namespace perfmatrix::python
