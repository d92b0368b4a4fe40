#include "results/case_rounds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <string>

namespace perfmatrix {
namespace {

RoundRecord round_of(const CaseRecord& row) {
    return {row.round, row.status, row.reason, row.rank, row.node, row.host, row.invocation, row.started, row.ended};
}

// The case's own status, reason, placement and times, from its rounds (sorted by round).
void summarise(CaseRecord& c) {
    const RoundRecord& first = c.rounds.front();
    c.round = first.round;
    c.rank = first.rank;
    c.node = first.node;
    c.host = first.host;
    c.invocation = first.invocation;
    c.status = first.status;
    c.reason = first.reason;
    c.started = first.started;
    c.ended = first.ended;
    bool failed = first.status != status::ok;
    for (const RoundRecord& r : c.rounds) {
        c.started = std::min(c.started, r.started);
        c.ended = std::max(c.ended, r.ended);
        if (!failed && r.status != status::ok) {
            failed = true;
            c.status = r.status;
            c.reason = r.reason;
        }
    }
    if (failed && c.rounds.size() > 1) {
        const auto bad = std::find_if(c.rounds.begin(), c.rounds.end(), [](auto& r) { return r.status != status::ok; });
        c.reason = fmt::format("round {}: {}", bad->round, c.reason);
    }
}

}  // namespace

std::vector<CaseRecord> merge_rounds(std::vector<CaseRecord> rows) {
    // Rows of each case in commit order; stable_sort keeps it among equal rounds (none in a
    // valid file, since the writer refuses a (case, round) twice).
    std::map<std::string, std::vector<CaseRecord*>> by_id;
    std::vector<std::string> order;
    for (CaseRecord& row : rows) {
        auto& group = by_id[row.case_id];
        if (group.empty()) order.push_back(row.case_id);
        group.push_back(&row);
    }
    std::vector<CaseRecord> out;
    out.reserve(order.size());
    for (const std::string& id : order) {
        auto& group = by_id[id];
        std::stable_sort(group.begin(), group.end(), [](auto* a, auto* b) { return a->round < b->round; });
        CaseRecord merged = std::move(*group.front());
        merged.rounds.clear();
        merged.rounds.push_back(round_of(merged));
        for (Sample& s : merged.samples) s.round = merged.round;
        for (std::size_t k = 1; k < group.size(); ++k) {
            CaseRecord& row = *group[k];
            merged.rounds.push_back(round_of(row));
            for (Sample& s : row.samples) {
                s.round = row.round;
                merged.samples.push_back(std::move(s));
            }
            for (auto& part : row.components) merged.components.push_back(std::move(part));
        }
        summarise(merged);
        out.push_back(std::move(merged));
    }
    return out;
}

std::vector<RoundRecord> rounds_of(const CaseRecord& c) {
    if (!c.rounds.empty()) return c.rounds;
    return {round_of(c)};
}

std::vector<CaseRecord> split_rounds(const CaseRecord& merged) {
    if (merged.rounds.empty()) return {merged};
    std::vector<CaseRecord> out;
    for (const RoundRecord& r : merged.rounds) {
        CaseRecord row = merged;
        row.rounds.clear();
        row.round = r.round;
        row.status = r.status;
        row.reason = r.reason;
        row.rank = r.rank;
        row.node = r.node;
        row.host = r.host;
        row.invocation = r.invocation;
        row.started = r.started;
        row.ended = r.ended;
        row.samples.clear();
        for (const Sample& s : merged.samples)
            if (s.round == r.round) row.samples.push_back(s);
        // Components carry no round: they stay with the first round, where the reader puts
        // them back in the same order.
        if (&r != &merged.rounds.front()) row.components.clear();
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace perfmatrix
