// Rank 0's per-case costs without MPI or other processes, for bench/rank0_capacity.sh: the
// HDF5 commit of the flood's records (those bench/flood_worker makes rank 0 store: 1 axis,
// 8 samples, its settings: results/settings_entry.hpp) one by one and in groups of 4 to 256, and the protocol's
// JSON work per case (encode an assign, decode a result). Prints microseconds per case.
//
//   build/bench/flood_commit DIR [CASES, default 4000]

#include "measure/model/case_json.hpp"
#include "orchestrator/run/protocol.hpp"
#include "results/results_writer.hpp"
#include "results/settings_entry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace {

using namespace perfmatrix;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

Case flood_case(int i) {
    Case c;
    c.id = fmt::format("flood/i={}", i);
    c.benchmark = "flood";
    c.kind = "spawn";
    c.axes = {{"i", std::to_string(i)}};
    c.params = {{"argv", {"/bin/true"}}};
    c.settings.warmup = 0;
    c.settings.repetitions = 2;
    c.settings.rounds = 1;
    c.settings.placement = Placement::shared;
    return c;
}

// As bench/flood_worker answers and rank 0 records it.
protocol::Result flood_result(const Case& c) {
    protocol::Result r{c.id, 1, "bench-host", 1.7e9, 1.7e9 + 5e-4, {}};
    for (int rep = 0; rep < c.settings.repetitions; ++rep) {
        r.outcome.samples.push_back({"wall_time", "s", rep, false, 0.0005});
        r.outcome.samples.push_back({"user_time", "s", rep, false, 0.0002});
        r.outcome.samples.push_back({"sys_time", "s", rep, false, 0.0003});
        r.outcome.samples.push_back({"max_rss", "bytes", rep, false, 1.5e6});
    }
    return r;
}

CaseRecord flood_record(const Case& c) {
    const protocol::Result r = flood_result(c);
    CaseRecord rec;
    rec.case_id = c.id;
    rec.benchmark = c.benchmark;
    rec.kind = c.kind;
    rec.status = r.outcome.status;
    rec.rank = r.rank;
    rec.host = r.host;
    rec.started = r.started;
    rec.ended = r.ended;
    rec.axes = c.axes;
    rec.samples = r.outcome.samples;
    rec.environment = settings_entries(case_to_json(c).at("settings"));  // as rank 0 stores them
    return rec;
}

double commit_us(const std::filesystem::path& file, const std::vector<CaseRecord>& records, std::size_t group) {
    std::filesystem::remove(file);
    RunMeta meta;
    meta.job_path = "flood.toml";
    meta.job_hash = std::string(64, '0');
    meta.tool_version = "bench";
    meta.planned_cases = static_cast<int>(records.size());
    ResultsWriter w = ResultsWriter::create(file, meta);
    InvocationRecord inv;
    inv.command_line = "flood_commit";
    w.begin_invocation(inv);
    const auto start = Clock::now();
    const std::span<const CaseRecord> all(records);
    for (std::size_t i = 0; i < all.size(); i += group) w.commit_cases(all.subspan(i, std::min(group, all.size() - i)));
    const double s = seconds_since(start);
    w.finish_invocation("completed", 1.7e9);
    return 1e6 * s / static_cast<double>(records.size());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: {} DIR [CASES]\n", argv[0]);
        return 2;
    }
    const std::filesystem::path dir = argv[1];
    const int n = argc > 2 ? std::max(1, std::atoi(argv[2])) : 4000;
    std::vector<Case> cases;
    std::vector<CaseRecord> records;
    for (int i = 0; i < n; ++i) cases.push_back(flood_case(i));
    for (const Case& c : cases) records.push_back(flood_record(c));
    // What rank 0 stores for a flood case: 8 samples and its settings.
    if (records.front().environment.size() != 1 || records.front().samples.size() != 8) return 1;

    std::size_t assign_bytes = 0, result_bytes = 0;
    auto start = Clock::now();
    for (const Case& c : cases) assign_bytes += protocol::encode(c).size();
    const double encode = 1e6 * seconds_since(start) / n;
    std::vector<std::string> results;
    for (const Case& c : cases) results.push_back(protocol::encode(flood_result(c)));
    for (const std::string& text : results) result_bytes += text.size();
    std::size_t decoded = 0;
    start = Clock::now();
    for (const std::string& text : results) decoded += protocol::decode_result(text).outcome.samples.size();
    const double decode = 1e6 * seconds_since(start) / n;
    if (decoded != 8 * cases.size()) return 1;  // the decode must have been done, and right
    fmt::print("protocol per case: encode an assign {:.1f} us ({} bytes), decode a result {:.1f} us ({} bytes)\n",
               encode, assign_bytes / cases.size(), decode, result_bytes / cases.size());

    fmt::print("HDF5 commit per case, {} cases:", n);
    for (const std::size_t group : {1, 4, 16, 64, 256})
        fmt::print(" group {} {:.1f} us{}", group, commit_us(dir / fmt::format("commit-{}.h5", group), records, group),
                   group == 256 ? "\n" : ",");
}
