#include "orchestrator/run/dispatcher.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace perfmatrix {

Dispatcher::Dispatcher(std::vector<WorkerSlot> workers) : workers_(std::move(workers)) {}

bool Dispatcher::can_run(const WorkerSlot& w, const CaseSettings& s) const {
    return std::all_of(s.requires_.begin(), s.requires_.end(), [&](const std::string& need) {
        return std::find(w.capabilities.begin(), w.capabilities.end(), need) != w.capabilities.end();
    });
}

std::optional<std::string> Dispatcher::unschedulable_reason(const CaseSettings& s) const {
    if (workers_.empty()) return "no worker ranks";
    for (const auto& w : workers_)
        if (can_run(w, s)) return std::nullopt;
    return fmt::format("requires {} but no rank has it ({} worker rank{} checked)", fmt::join(s.requires_, " + "),
                       workers_.size(), workers_.size() == 1 ? "" : "s");
}

void Dispatcher::add(std::size_t case_index, const CaseSettings& s, std::size_t group) {
    pending_.push_back({case_index, s, group});
}

bool Dispatcher::node_allows(int node, Placement p) const {
    for (const auto& [rank, r] : running_) {
        if (r.node != node) continue;
        if (p == Placement::exclusive || r.placement == Placement::exclusive) return false;
    }
    return true;
}

// The idle worker that can run the item now and has run its group least (the lowest rank on a tie).
const WorkerSlot* Dispatcher::pick_worker(const Pending& item) const {
    const auto group = runs_of_group_.find(item.group);
    const auto runs_on = [&](int rank) {
        if (group == runs_of_group_.end()) return 0;
        const auto it = group->second.find(rank);
        return it == group->second.end() ? 0 : it->second;
    };
    const WorkerSlot* best = nullptr;
    for (const auto& w : workers_) {
        if (running_.count(w.rank) || !can_run(w, item.settings) || !node_allows(w.node, item.settings.placement))
            continue;
        if (!best || runs_on(w.rank) < runs_on(best->rank)) best = &w;
    }
    return best;
}

std::optional<Assignment> Dispatcher::next() {
    // Every worker busy: nothing can start, and scanning the whole queue to learn it would cost
    // rank 0 time per queued case on every call.
    if (running_.size() >= workers_.size()) return std::nullopt;
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
        const WorkerSlot* w = pick_worker(*it);
        if (!w) continue;
        Assignment a{it->case_index, w->rank};
        running_[w->rank] = {it->case_index, w->node, it->settings.placement};
        ++runs_of_group_[it->group][w->rank];
        pending_.erase(it);
        return a;
    }
    return std::nullopt;
}

void Dispatcher::finished(int rank) { running_.erase(rank); }

std::optional<std::size_t> Dispatcher::running_case(int rank) const {
    auto it = running_.find(rank);
    if (it == running_.end()) return std::nullopt;
    return it->second.case_index;
}

std::vector<int> Dispatcher::busy_ranks() const {
    std::vector<int> out;
    for (const auto& [rank, r] : running_) out.push_back(rank);
    return out;
}

}  // namespace perfmatrix
