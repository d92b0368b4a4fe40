#include "workers/python/python_kinds.hpp"

#include "workers/python/pyperf_params.hpp"
#include "workers/python/pyperf_runner.hpp"
#include "workers/python/python_params.hpp"
#include "workers/python/python_runner.hpp"

namespace perfmatrix {

std::vector<KindSpec> python_kind_specs() {
    return {python::python_kind_spec(), python::pyperf_kind_spec()};
}

std::unique_ptr<Runner> make_python_runner(std::string_view kind) {
    if (kind == "python_workload") return std::make_unique<python::PythonRunner>();
    if (kind == "pyperf") return std::make_unique<python::PyperfRunner>();
    return nullptr;
}

}  // namespace perfmatrix
