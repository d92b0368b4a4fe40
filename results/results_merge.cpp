#include "results/results_merge.hpp"

#include "results/case_rounds.hpp"
#include "results/results_reader.hpp"
#include "results/results_writer.hpp"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <set>
#include <stdexcept>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

struct Input {
    fs::path path;
    Results results;
};

// The same measurement copied into two files (e.g. a share merged twice) is one case; anything
// else under one id is two different results, and keeping either would hide the other. The
// invocation number is left out: it is the file's own numbering.
bool same_case_data(const CaseRecord& a, const CaseRecord& b) {
    return a.benchmark == b.benchmark && a.kind == b.kind && a.status == b.status && a.reason == b.reason &&
           a.rank == b.rank && a.host == b.host && a.started == b.started && a.ended == b.ended && a.axes == b.axes &&
           a.samples == b.samples && a.environment == b.environment && a.components == b.components;
}

std::vector<Input> read_inputs(const std::vector<fs::path>& paths) {
    if (paths.empty()) throw std::invalid_argument("merge: no input files");
    std::vector<Input> inputs;
    for (const auto& p : paths) {
        Input in{p, read_results(p, nullptr)};
        if (in.results.writer_active)
            throw MergeRefused(
                fmt::format("{}: still being written by a running perfmatrix; merge it when "
                            "that run has ended",
                            p.string()));
        inputs.push_back(std::move(in));
    }
    return inputs;
}

void check_same_job(const std::vector<Input>& inputs) {
    const RunMeta& first = inputs.front().results.meta;
    for (const auto& in : inputs) {
        const RunMeta& m = in.results.meta;
        if (m.job_hash != first.job_hash)
            throw MergeRefused(
                fmt::format("{}: written for another job (job hash {}, {} has {}); merge only "
                            "files of the same job",
                            in.path.string(), m.job_hash, inputs.front().path.string(), first.job_hash));
        if (m.array_split != first.array_split)
            throw MergeRefused(
                fmt::format("{}: split into {} shares (--array-split), {} into {}; merge only "
                            "shares of one split",
                            in.path.string(), m.array_split, inputs.front().path.string(), first.array_split));
        // One merged file records one set of settings and one selection: mixing them would hide which
        // numbers were measured how.
        if (m.rounds_override != first.rounds_override || m.settings_override != first.settings_override ||
            m.selection != first.selection)
            throw MergeRefused(
                fmt::format("{}: run with other command-line settings or selection than {}; merge "
                            "only files run with the same ones",
                            in.path.string(), inputs.front().path.string()));
    }
}

// Refuses a case present twice with different data; returns how many same-data repeats there are.
std::size_t check_duplicates(const std::vector<Input>& inputs) {
    std::map<std::string, std::pair<const CaseRecord*, const fs::path*>> seen;
    std::size_t duplicates = 0;
    for (const auto& in : inputs)
        for (const auto& c : in.results.cases) {
            const auto [it, fresh] = seen.try_emplace(c.case_id, &c, &in.path);
            if (fresh) continue;
            if (!same_case_data(*it->second.first, c))
                throw MergeRefused(
                    fmt::format("{}: case {} is also in {} with different data; merge keeps one "
                                "result per case",
                                in.path.string(), c.case_id, it->second.second->string()));
            ++duplicates;
        }
    return duplicates;
}

// Shares are counted once each however many files hold them (a file of the whole job is share 0
// of 1); a merged input (-1) counts on its own.
RunMeta merged_meta(const std::vector<Input>& inputs) {
    RunMeta meta = inputs.front().results.meta;
    std::map<int, const RunMeta*> shares;
    int merged_inputs = 0;
    for (const auto& in : inputs) {
        const RunMeta& m = in.results.meta;
        shares.try_emplace(m.array_index < 0 ? -1 - merged_inputs++ : m.array_index, &m);
    }
    meta.planned_cases = 0;
    meta.planned_units = 0;
    meta.planned_per_benchmark.clear();
    std::map<std::string, std::size_t> position;
    for (const auto& [index, m] : shares) {
        meta.planned_cases += m->planned_cases;
        meta.planned_units += m->planned_units;
        for (const auto& [benchmark, count] : m->planned_per_benchmark) {
            const auto [it, fresh] = position.try_emplace(benchmark, meta.planned_per_benchmark.size());
            if (fresh)
                meta.planned_per_benchmark.emplace_back(benchmark, count);
            else
                meta.planned_per_benchmark[it->second].second += count;
        }
    }
    meta.array_index = shares.size() == 1 ? shares.begin()->first : -1;
    if (meta.array_index < 0) meta.array_index = -1;
    return meta;
}

std::string missing_shares_note(const std::vector<Input>& inputs) {
    const int split = inputs.front().results.meta.array_split;
    std::set<int> present;
    for (const auto& in : inputs) {
        if (in.results.meta.array_index < 0) return "";  // a merged input: which shares it holds is not recorded
        present.insert(in.results.meta.array_index);
    }
    if (split <= 1 || static_cast<int>(present.size()) == split) return "";
    std::string missing;
    for (int i = 0; i < split; ++i)
        if (!present.count(i)) missing += fmt::format("{}{}", missing.empty() ? "" : ", ", i);
    return fmt::format("merged {} of {} shares of the job array; missing: {}", present.size(), split, missing);
}

// Removes a half-written output unless the merge finished.
class OutputGuard {
public:
    explicit OutputGuard(fs::path p) : path_(std::move(p)) {}
    ~OutputGuard() {
        if (armed_) {
            std::error_code ec;
            fs::remove(path_, ec);
        }
    }
    OutputGuard(const OutputGuard&) = delete;
    OutputGuard& operator=(const OutputGuard&) = delete;
    void release() { armed_ = false; }

private:
    fs::path path_;
    bool armed_ = true;
};

// An invocation still "running" in a file nobody writes any more died with its process: say so,
// as --resume does, ending it with its last committed case.
InvocationRecord settled(InvocationRecord inv, const Results& in) {
    if (inv.status != "running") return inv;
    inv.status = "killed";
    inv.ended = inv.started;
    for (const auto& c : in.cases)
        if (c.invocation == inv.invocation && c.ended > inv.ended) inv.ended = c.ended;
    return inv;
}

void copy_input(ResultsWriter& out, const Results& in, MergeSummary& summary, std::set<std::string>& written) {
    std::map<int, int> renumbered;
    for (const auto& inv : in.invocations) renumbered[inv.invocation] = out.copy_invocation(settled(inv, in));
    summary.invocations += in.invocations.size();
    for (RankRecord rank : in.ranks) {
        rank.invocation = renumbered.at(rank.invocation);
        out.add_rank(rank);
    }
    for (CaseRecord c : in.cases) {
        if (!written.insert(c.case_id).second) continue;  // a same-data repeat, checked before writing
        for (CaseRecord round : split_rounds(c)) {
            round.invocation = renumbered.at(round.invocation);
            out.commit_case(round);
        }
        ++summary.cases;
    }
}

}  // namespace

MergeSummary merge_results(const std::vector<fs::path>& paths, const fs::path& output) {
    const std::vector<Input> inputs = read_inputs(paths);
    check_same_job(inputs);
    MergeSummary summary;
    summary.duplicates = check_duplicates(inputs);
    summary.note = missing_shares_note(inputs);
    ResultsWriter out = ResultsWriter::create(output, merged_meta(inputs));
    OutputGuard guard(output);
    std::set<std::string> written;
    for (const auto& in : inputs) copy_input(out, in.results, summary, written);
    guard.release();
    return summary;
}

}  // namespace perfmatrix
