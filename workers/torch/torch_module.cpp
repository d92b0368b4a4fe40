// The entry points of the perfmatrix-torch runner module (workers/plugin_module.hpp), which
// perfmatrix-measure dlopens when a torch case runs.
#include "workers/plugin_module.hpp"
#include "workers/torch/torch_runner.hpp"

PERFMATRIX_RUNNER_MODULE(perfmatrix::torch_bench::make_torch_module_runner)
