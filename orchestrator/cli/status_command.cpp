// `perfmatrix status RESULTS.h5`: how far a run (running, finished or interrupted) has got.

#include "analysis/text/time_format.hpp"
#include "orchestrator/cli/command_errors.hpp"
#include "orchestrator/cli/commands.hpp"
#include "orchestrator/cli/status_progress.hpp"
#include "results/results_reader.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <exception>

namespace perfmatrix {
namespace {

std::string share_text(const RunMeta& m) {
    if (m.array_index < 0) return fmt::format("merged from shares of --array-split {}", m.array_split);
    if (m.array_split <= 1) return "the whole job";
    return fmt::format("share {} of --array-split {}", m.array_index, m.array_split);
}

std::string optional_text(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "?"; }

void print_count_row(const ProgressCount& c, const std::string& name) {
    fmt::print("  {:<32} {:>8} {:>6} {:>7} {:>8} {:>14} {:>8} {:>6}\n", name, optional_text(c.planned), c.done,
               c.failed, c.skipped, c.unschedulable, c.running, optional_text(c.left));
}

void print_text(const std::string& path, const Results& r, const StatusCounts& counts) {
    fmt::print("file         {}\n", path);
    fmt::print("job          {} (sha256 {}), {}\n", r.meta.job_path, r.meta.job_hash.substr(0, 12), share_text(r.meta));
    fmt::print("writer       {}\n",
               r.writer_active ? "active: a perfmatrix run is writing this file now" : "none: the file is closed");
    fmt::print("  {:<32} {:>8} {:>6} {:>7} {:>8} {:>14} {:>8} {:>6}\n", "benchmark", "planned", "done", "failed",
               "skipped", "unschedulable", "running", "left");
    for (const auto& c : counts.benchmarks) print_count_row(c, c.benchmark);
    print_count_row(counts.total, "total");
    fmt::print("invocations\n  {:>2}  {:<11}  {:<20}  {:<20}  {:>5}  {}\n", "#", "status", "started (UTC)",
               "ended (UTC)", "ranks", "host");
    for (const auto& inv : r.invocations)
        fmt::print("  {:>2}  {:<11}  {:<20}  {:<20}  {:>5}  {}\n", inv.invocation, inv.status, format_utc(inv.started),
                   inv.ended > 0 ? format_utc(inv.ended) : "-", inv.mpi_size, inv.host);
}

nlohmann::json count_json(const ProgressCount& c) {
    nlohmann::json j;
    if (!c.benchmark.empty()) j["benchmark"] = c.benchmark;
    j["planned"] = c.planned ? nlohmann::json(*c.planned) : nlohmann::json(nullptr);
    j["done"] = c.done;
    j["failed"] = c.failed;
    j["skipped"] = c.skipped;
    j["unschedulable"] = c.unschedulable;
    j["running"] = c.running;
    j["left"] = c.left ? nlohmann::json(*c.left) : nlohmann::json(nullptr);
    return j;
}

void print_json(const std::string& path, const Results& r, const StatusCounts& counts) {
    nlohmann::json j;
    j["file"] = path;
    j["job_path"] = r.meta.job_path;
    j["job_hash"] = r.meta.job_hash;
    j["array_split"] = r.meta.array_split;
    j["array_index"] = r.meta.array_index;
    j["writer_active"] = r.writer_active;
    j["total"] = count_json(counts.total);
    j["benchmarks"] = nlohmann::json::array();
    for (const auto& c : counts.benchmarks) j["benchmarks"].push_back(count_json(c));
    j["invocations"] = nlohmann::json::array();
    for (const auto& inv : r.invocations)
        j["invocations"].push_back({{"invocation", inv.invocation},
                                    {"status", inv.status},
                                    {"started", inv.started},
                                    {"ended", inv.ended},
                                    {"mpi_size", inv.mpi_size},
                                    {"host", inv.host},
                                    {"command_line", inv.command_line}});
    fmt::print("{}\n", j.dump(2));
}

}  // namespace

int status_command(const StatusOptions& opt) {
    const std::string& results_path = opt.results_path;
    const bool json = opt.json;
    return run_reporting_errors("status", [&] {
        std::string note;
        const Results r = read_results_noting(results_path, &note, false);
        // The live-writer note is what the "writer" line says; a recovery is worth its own line.
        if (!note.empty() && !r.writer_active) fmt::print(stderr, "{}\n", note);
        // A list left behind by a killed run is stale: only a live writer's is believed.
        const StatusCounts counts = count_status(r, r.writer_active ? read_running_cases(results_path)
                                                                    : std::vector<RunningCase>{});
        if (json)
            print_json(results_path, r, counts);
        else
            print_text(results_path, r, counts);
        return exit_code::ok;
    });
}

Subcommand register_status(CLI::App& app) {
    auto opt = std::make_shared<StatusOptions>();
    CLI::App* cmd = app.add_subcommand(
        "status",
        "Progress of a results file per benchmark (done / failed / skipped / left), also while it is written");
    add_results_file(*cmd, opt->results_path);
    cmd->add_flag("--json", opt->json, "Print JSON instead of a table");
    return {cmd, [opt] { return status_command(*opt); }};
}

}  // namespace perfmatrix
