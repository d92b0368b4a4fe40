#pragma once
// Setting and checking the threads libtorch computes with. No torch headers.

#include <string>
#include <variant>

namespace perfmatrix::torch_bench {

struct ThreadSetting {
    int intra_op = 0;  // at::get_num_threads() after setting it
    int interop = 0;   // at::get_num_interop_threads(), left at libtorch's default
    std::string blas;  // the BLAS libtorch calls, and its threads
};

// Sets libtorch's intra-op threads (at::set_num_threads) and, when libtorch runs on OpenBLAS,
// OpenBLAS's too: Debian's libtorch calls the pthreads OpenBLAS, whose own pool ignores
// at::set_num_threads (threads = 1 ran GEMMs on every core). Returns what a count that does
// not hold afterwards means instead.
std::variant<ThreadSetting, std::string> set_torch_threads(int threads);

}  // namespace perfmatrix::torch_bench
