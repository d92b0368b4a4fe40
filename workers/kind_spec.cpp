#include "workers/kind_spec.hpp"

#include "workers/asio/asio_kinds.hpp"
#include "workers/blas/blas_kinds.hpp"
#include "workers/cuda/cuda_kinds.hpp"
#include "workers/memory/memory_kinds.hpp"
#include "workers/python/python_kinds.hpp"
#include "workers/spawn_params.hpp"
#include "workers/torch/torch_kinds.hpp"

namespace perfmatrix {

const char* to_string(ParamType t) {
    switch (t) {
        case ParamType::string: return "string";
        case ParamType::string_list: return "string_list";
        case ParamType::string_map: return "string_map";
        case ParamType::boolean: return "boolean";
        case ParamType::integer: return "integer";
        case ParamType::number: return "number";
    }
    return "unknown";
}

const ParamSpec* KindSpec::find_param(std::string_view param) const {
    for (const auto& p : params) {
        if (p.name == param) return &p;
    }
    return nullptr;
}

const std::vector<KindSpec>& known_kinds() {
    // Built once, from every family of kinds.
    static const std::vector<KindSpec> kinds = [] {
        std::vector<KindSpec> all{spawn_kind_spec()};
        for (auto&& family : {blas_kind_specs(), memory_kind_specs(), asio_kind_specs(), python_kind_specs(), cuda_kind_specs(),
                              torch_kind_specs()})
            all.insert(all.end(), family.begin(), family.end());
        return all;
    }();
    return kinds;
}

const KindSpec* find_kind(std::string_view name) {
    for (const auto& k : known_kinds()) {
        if (k.name == name) return &k;
    }
    return nullptr;
}

}  // namespace perfmatrix
