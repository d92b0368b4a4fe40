#pragma once
// Which case runs where, and when: pure decisions, no MPI, so they are unit-tested.
//
// Cases are handed out dynamically: whenever a worker is idle it gets the earliest pending
// case it can run. Items of one group (the rounds of one case) go, among the idle workers able
// to run them, to the one that has run that group least, so a case's rounds spread over ranks
// and nodes where placement allows. An `exclusive` case runs alone on its node; `shared` cases may run beside
// each other but never beside an exclusive one. A case whose requirements no worker meets
// is unschedulable from the start.

#include "measure/model/case.hpp"

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace perfmatrix {

struct WorkerSlot {
    int rank = 0;
    int node = 0;
    std::vector<std::string> capabilities;
};

struct Assignment {
    std::size_t case_index = 0;
    int rank = 0;
};

class Dispatcher {
public:
    explicit Dispatcher(std::vector<WorkerSlot> workers);

    // Why no worker could ever run a case with these settings; nullopt if some worker can.
    std::optional<std::string> unschedulable_reason(const CaseSettings& s) const;

    // Queues a schedulable item (a case, or one round of it: `group` is then its case).
    void add(std::size_t case_index, const CaseSettings& s, std::size_t group);
    void add(std::size_t case_index, const CaseSettings& s) { add(case_index, s, case_index); }
    std::optional<Assignment> next();  // the next case to start now, if any can start
    void finished(int rank);           // the worker's case is over; it is idle again
    std::optional<std::size_t> running_case(int rank) const;

    std::size_t pending() const { return pending_.size(); }
    std::size_t running() const { return running_.size(); }
    std::vector<int> busy_ranks() const;

private:
    struct Pending {
        std::size_t case_index;
        CaseSettings settings;
        std::size_t group;
    };
    struct Running {
        std::size_t case_index;
        int node;
        Placement placement;
    };
    bool can_run(const WorkerSlot& w, const CaseSettings& s) const;
    bool node_allows(int node, Placement p) const;
    const WorkerSlot* pick_worker(const Pending& item) const;

    std::vector<WorkerSlot> workers_;
    std::deque<Pending> pending_;     // items leave mostly from the front: a vector would move the rest
    std::map<int, Running> running_;  // by rank
    std::map<std::size_t, std::map<int, int>> runs_of_group_;  // group -> rank -> items started there
};

}  // namespace perfmatrix
