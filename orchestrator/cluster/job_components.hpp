#pragma once
// Which allocation a job needs: one component, or, when its cases need GPUs and CPUs and the
// GPUs live in another partition, a heterogeneous job with one component per partition.

#include "measure/model/case.hpp"
#include "orchestrator/cluster/submit_options.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace perfmatrix {

struct CaseNeeds {
    std::size_t gpu_cases = 0;  // cases whose `requires` holds "gpu"
    std::size_t cpu_cases = 0;  // all the others
};

CaseNeeds count_case_needs(const std::vector<Case>& cases);

// One component of the allocation: what sbatch is asked for between `#SBATCH hetjob` lines.
struct Component {
    std::string role;       // "cpu" or "gpu", for comments and messages
    std::string partition;  // empty: the cluster's default
    int nodes = 1;
    int ntasks_per_node = 1;
    std::string gres;           // --gres; empty: none
    std::string gpus_per_node;  // --gpus-per-node; empty: none
};

// The components for these needs and options: a GPU request goes wherever GPU cases run
// (--gres as given, or --gpus-per-node, or gpu:1 when neither was given).
std::vector<Component> plan_components(const CaseNeeds& needs, const SubmitOptions& opt);

}  // namespace perfmatrix
