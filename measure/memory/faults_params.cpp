#include "measure/memory/faults_params.hpp"

#include "measure/param_reading.hpp"

namespace perfmatrix::memory {

std::variant<FaultsParams, ParamProblem> parse_faults_params(const nlohmann::json& params) {
    return parse_params([&] {
        reject_unknown_params(params, faults_kind());
        FaultsParams p;
        p.size_mib = integer_param(params, "size_mib", 64, 1, 1 << 20);
        p.mode = choice_param(params, "mode", "first_touch", {"first_touch", "warm"}) == "warm"
                     ? TouchMode::warm
                     : TouchMode::first_touch;
        p.hugepages = boolean_param(params, "hugepages", false);
        p.batch = read_batch_params(params, "passes");
        return p;
    });
}

Kind faults_kind() {
    return declared_kind(
        "memory_faults", "page-fault cost: first touch of fresh anonymous memory vs touching resident pages",
        joined(
            {
                {"size_mib", ParamType::integer, false, "MiB of anonymous memory per pass (default 64)"},
                {"mode", ParamType::string, false,
                 "first_touch (default: mmap, write one byte per page, munmap) or warm (rewrite resident pages)"},
                {"hugepages", ParamType::boolean, false, "madvise(MADV_HUGEPAGE) the region (default false)"},
            },
            batch_param_specs("passes", "passes over the region")),
        &parse_faults_params);
}

}  // namespace perfmatrix::memory
