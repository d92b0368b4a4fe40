#include "orchestrator/cluster/job_components.hpp"

#include <algorithm>

namespace perfmatrix {
namespace {

bool requires_gpu(const Case& c) {
    const auto& r = c.settings.requires_;
    return std::find(r.begin(), r.end(), "gpu") != r.end();
}

// The GPU request of a component that runs GPU cases. Without one, SLURM would give its
// ranks no GPU and every GPU case would be unschedulable.
void request_gpus(Component& c, const SubmitOptions& opt) {
    c.gres = opt.gres;
    c.gpus_per_node = opt.gpus_per_node;
    if (c.gres.empty() && c.gpus_per_node.empty()) c.gres = "gpu:1";
}

Component cpu_component(const SubmitOptions& opt) {
    return {"cpu", opt.partition, opt.nodes, opt.ntasks_per_node, opt.gres, opt.gpus_per_node};
}

}  // namespace

CaseNeeds count_case_needs(const std::vector<Case>& cases) {
    CaseNeeds n;
    for (const auto& c : cases) ++(requires_gpu(c) ? n.gpu_cases : n.cpu_cases);
    return n;
}

std::vector<Component> plan_components(const CaseNeeds& needs, const SubmitOptions& opt) {
    if (needs.gpu_cases == 0) return {cpu_component(opt)};
    const bool separate_gpu_partition = !opt.gpu_partition.empty() && opt.gpu_partition != opt.partition;
    if (needs.cpu_cases > 0 && separate_gpu_partition) {
        // Rank 0 (the coordinator) is the first task of the first component: a CPU rank.
        Component gpu{"gpu", opt.gpu_partition, opt.gpu_nodes, opt.gpu_ntasks_per_node, "", ""};
        request_gpus(gpu, opt);
        Component cpu = cpu_component(opt);
        cpu.gres.clear();
        cpu.gpus_per_node.clear();
        return {cpu, gpu};
    }
    // Every rank gets GPUs: all cases need them, or the GPUs are in the CPU partition anyway.
    Component only = cpu_component(opt);
    only.role = "gpu";
    if (separate_gpu_partition) only.partition = opt.gpu_partition;
    request_gpus(only, opt);
    return {only};
}

}  // namespace perfmatrix
