#include "results/case_rounds.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <string>

namespace perfmatrix {
namespace {

RoundRecord round_of(const CaseRecord& row) {
    return {row.round, row.status, row.reason, row.rank, row.node, row.host, row.invocation, row.started, row.ended};
}

// The record's per-round fields set to those of round r.
void take_round(CaseRecord& c, const RoundRecord& r) {
    c.round = r.round;
    c.status = r.status;
    c.reason = r.reason;
    c.rank = r.rank;
    c.node = r.node;
    c.host = r.host;
    c.invocation = r.invocation;
    c.started = r.started;
    c.ended = r.ended;
}

// The case's own status, reason, placement and times, from its rounds (sorted by round).
void summarise(CaseRecord& c) {
    const RoundRecord& first = c.rounds.front();
    take_round(c, first);
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
            for (auto& m : row.metrics)
                if (std::find(merged.metrics.begin(), merged.metrics.end(), m) == merged.metrics.end())
                    merged.metrics.push_back(std::move(m));
        }
        summarise(merged);
        out.push_back(std::move(merged));
    }
    // Plan order, not commit order: reports, plots and comparisons then read like the job.
    std::stable_sort(out.begin(), out.end(), [](const CaseRecord& a, const CaseRecord& b) {
        const auto key = [](const CaseRecord& c) { return c.plan_index < 0 ? INT_MAX : c.plan_index; };
        return key(a) < key(b);
    });
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
        take_round(row, r);
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
