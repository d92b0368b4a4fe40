#pragma once
// The interface a runner module (a shared object loaded with dlopen) exports. Kinds whose code
// needs a heavy library — libtorch, the CUDA runtime — live in such modules, so that the ranks
// and perfmatrix-measure never load those libraries unless a case of theirs runs (libtorch alone
// maps hundreds of MiB and starts thread pools; that would distort every other measurement).
//
// A module is built with perfmatrix_add_runner_module() (measure/CMakeLists.txt) and defines
// both functions below with PERFMATRIX_RUNNER_MODULE(make) in one of its sources.

#include "measure/model/runner.hpp"

// Bumped whenever Case, CaseOutcome, RunContext or Runner change shape: a module built against
// another layout must be refused, not called.
#define PERFMATRIX_MODULE_ABI 1

extern "C" {
using perfmatrix_module_abi_fn = int (*)();
// Returns a new runner for `kind` (the caller owns it), or nullptr when the module has no such kind.
using perfmatrix_module_make_runner_fn = perfmatrix::Runner* (*)(const char* kind);
}

#define PERFMATRIX_RUNNER_MODULE(make_runner_function)                                                              \
    extern "C" __attribute__((visibility("default"))) int perfmatrix_module_abi() { return PERFMATRIX_MODULE_ABI; } \
    extern "C" __attribute__((visibility("default"))) perfmatrix::Runner* perfmatrix_module_make_runner(            \
        const char* kind) {                                                                                         \
        return make_runner_function(kind).release();                                                                \
    }
