#include "measure/python/pyperf_runner.hpp"

#include "measure/params_runner.hpp"
#include "measure/python/pyperf_child.hpp"
#include "measure/python/pyperf_command.hpp"
#include "measure/python/pyperf_json.hpp"
#include "measure/python/pyperf_outcome.hpp"
#include "measure/python/pyperf_params.hpp"
#include "measure/python/scratch_dir.hpp"

#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <variant>

namespace perfmatrix::python {
namespace {

namespace fs = std::filesystem;

// A step of the case: its result, or the outcome that ends the case.
template <class T>
using Step = std::variant<T, CaseOutcome>;

struct Round {
    const PyperfParams& params;
    const CaseSettings& settings;
    const RunContext& ctx;
    ScratchDir dir;

    // A process that takes warm-ups and values: the case's timeout each, one more for start-up.
    double value_limit() const { return settings.timeout * static_cast<double>(params.warmups + params.values + 1); }
    std::string file(const char* name) const { return (dir.path() / name).string(); }
};

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string trimmed(std::string text) {
    const auto end = text.find_last_not_of(" \t\r\n");
    text.erase(end == std::string::npos ? 0 : end + 1);
    return text;
}

Step<std::string> resolve_script(const Round& r) {
    const PyperfParams& p = r.params;
    if (!p.package) return p.script;
    const ProcessResult found = run_pyperf_child(pyperf_process(p, package_dir_argv(p)), r.settings.timeout, r.ctx);
    const std::string what = fmt::format("{} looking for package '{}'", p.python, *p.package);
    if (auto failed = child_failure(found, what, r.settings.timeout)) return *failed;
    const fs::path script = fs::path(trimmed(found.stdout_tail)) / p.script;
    if (!fs::is_regular_file(script)) {
        return CaseOutcome(status::error,
                           fmt::format("no script '{}' in package '{}' of {}", script.string(), *p.package, p.python));
    }
    return script.string();
}

// The names in the list file, or nothing when the lister died before writing it.
std::vector<std::string> listed_names(const std::string& path) {
    const auto names = nlohmann::json::parse(read_text(path), nullptr, false);
    if (!names.is_array()) return {};
    std::vector<std::string> out;
    for (const auto& n : names) {
        if (n.is_string()) out.push_back(n.get<std::string>());
    }
    return out;
}

Step<long long> find_task(const Round& r, const std::string& script) {
    const PyperfParams& p = r.params;
    if (!p.benchmark) return 0;  // pyperf's first benchmark
    const std::string list = r.file("tasks.json");
    const ProcessResult listed = run_pyperf_child(pyperf_process(p, task_list_argv(p, script, list)),
                                                  r.settings.timeout, r.ctx);
    const auto names = listed_names(list);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == *p.benchmark) return static_cast<long long>(i);
    }
    if (auto failed = child_failure(listed, fmt::format("listing the benchmarks of {}", script), r.settings.timeout)) {
        return *failed;
    }
    return CaseOutcome(status::error,
                       fmt::format("{} defines no benchmark named '{}'; it defines: {}", script, *p.benchmark,
                                   names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "))));
}

// Runs one pyperf worker process (a value or a calibration process) and reads its JSON.
Step<PyperfRun> run_worker(const Round& r, const ProcessSpec& spec, const std::string& output, double limit,
                           const std::string& what) {
    const ProcessResult result = run_pyperf_child(spec, limit, r.ctx);
    if (auto failed = child_failure(result, what, limit)) return *failed;
    auto parsed = parse_pyperf_run(read_text(output));
    if (auto* problem = std::get_if<std::string>(&parsed)) {
        return CaseOutcome(status::error, fmt::format("{} exited with code 0 but its result file is unusable: {}{}",
                                                      what, *problem, error_text(result)));
    }
    return std::get<PyperfRun>(std::move(parsed));
}

// Calibration values run at growing loop counts, up to warm-ups + values + one per doubling:
// twice a value process's limit covers that.
Step<long long> calibrate_loops(const Round& r, const std::string& script, long long task) {
    const std::string output = r.file("calibration.json");
    const ProcessSpec spec = pyperf_process(r.params, calibration_argv(r.params, script, task, output));
    auto run = run_worker(r, spec, output, 2 * r.value_limit(), "the pyperf loop calibration");
    if (auto* failed = std::get_if<CaseOutcome>(&run)) return std::move(*failed);
    const auto loops = std::get<PyperfRun>(run).calibrate_loops;
    if (!loops || *loops < 1)
        return CaseOutcome(status::error, "the pyperf loop calibration reported no calibrate_loops");
    return *loops;
}

CaseOutcome measure(const Round& r, const std::string& script, long long task, long long loops) {
    const std::string output = r.file("worker.json");
    const ProcessSpec spec = pyperf_process(r.params, worker_argv(r.params, script, task, loops, output));
    auto record = command_record(spec, r.params);
    record.emplace_back("pyperf.worker_task", std::to_string(task));
    if (r.params.loops == 0) record.emplace_back("pyperf.calibrate_loops", std::to_string(loops));
    auto run = run_worker(r, spec, output, r.value_limit(), "the pyperf worker");
    if (auto* failed = std::get_if<CaseOutcome>(&run)) {
        failed->environment = std::move(record);
        return std::move(*failed);
    }
    const PyperfRun& done = std::get<PyperfRun>(run);
    if (r.params.benchmark && done.name != *r.params.benchmark) {
        return CaseOutcome(status::error,
                           fmt::format("worker task {} ran benchmark '{}', not '{}': the script's benchmarks "
                                       "changed order between listing and running",
                                       task, done.name, *r.params.benchmark));
    }
    return pyperf_outcome(done, std::move(record));
}

CaseOutcome run_round(const Round& r) {
    auto script = resolve_script(r);
    if (auto* failed = std::get_if<CaseOutcome>(&script)) return std::move(*failed);
    const std::string& path = std::get<std::string>(script);
    auto task = find_task(r, path);
    if (auto* failed = std::get_if<CaseOutcome>(&task)) return std::move(*failed);
    auto loops = r.params.loops > 0 ? Step<long long>(r.params.loops)
                                    : calibrate_loops(r, path, std::get<long long>(task));
    if (auto* failed = std::get_if<CaseOutcome>(&loops)) return std::move(*failed);
    return measure(r, path, std::get<long long>(task), std::get<long long>(loops));
}

}  // namespace

std::unique_ptr<Runner> make_pyperf_runner() {
    return params_runner(parse_pyperf_params, [](const Case& c, const PyperfParams& p, const RunContext& ctx) {
        return run_round(Round{p, c.settings, ctx, ScratchDir()});
    });
}

}  // namespace perfmatrix::python
