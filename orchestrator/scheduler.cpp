#include "orchestrator/scheduler.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace perfmatrix {

Scheduler::Scheduler(std::vector<WorkerSlot> workers) : workers_(std::move(workers)) {}

bool Scheduler::can_run(const WorkerSlot& w, const CaseSettings& s) const {
    return std::all_of(s.requires_.begin(), s.requires_.end(), [&](const std::string& need) {
        return std::find(w.capabilities.begin(), w.capabilities.end(), need) != w.capabilities.end();
    });
}

std::optional<std::string> Scheduler::unschedulable_reason(const CaseSettings& s) const {
    if (workers_.empty()) return "no worker ranks";
    for (const auto& w : workers_)
        if (can_run(w, s)) return std::nullopt;
    return fmt::format("requires {} but no rank has it ({} worker rank{} checked)",
                       fmt::join(s.requires_, " + "), workers_.size(), workers_.size() == 1 ? "" : "s");
}

void Scheduler::add(std::size_t case_index, const CaseSettings& s) { pending_.push_back({case_index, s}); }

bool Scheduler::node_allows(int node, Placement p) const {
    for (const auto& [rank, r] : running_) {
        if (r.node != node) continue;
        if (p == Placement::exclusive || r.placement == Placement::exclusive) return false;
    }
    return true;
}

std::optional<Assignment> Scheduler::next() {
    for (auto it = pending_.begin(); it != pending_.end(); ++it) {
        for (const auto& w : workers_) {
            if (running_.count(w.rank) || !can_run(w, it->settings) ||
                !node_allows(w.node, it->settings.placement))
                continue;
            Assignment a{it->case_index, w.rank};
            running_[w.rank] = {it->case_index, w.node, it->settings.placement};
            pending_.erase(it);
            return a;
        }
    }
    return std::nullopt;
}

void Scheduler::finished(int rank) { running_.erase(rank); }

std::optional<std::size_t> Scheduler::running_case(int rank) const {
    auto it = running_.find(rank);
    if (it == running_.end()) return std::nullopt;
    return it->second.case_index;
}

std::vector<int> Scheduler::busy_ranks() const {
    std::vector<int> out;
    for (const auto& [rank, r] : running_) out.push_back(rank);
    return out;
}

}  // namespace perfmatrix
