// The entry points of the perfmatrix-torch runner module (measure/plugin_module.hpp), which
// perfmatrix-measure dlopens when a torch case runs.
#include "measure/plugin_module.hpp"
#include "measure/torch/torch_runner.hpp"

PERFMATRIX_RUNNER_MODULE(perfmatrix::torch_bench::make_torch_module_runner)
