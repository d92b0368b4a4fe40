// The blas kinds: OpenBLAS through CBLAS, one kind per operation.
#include "measure/blas/blas_build_info.hpp"
#include "measure/blas/blas_params.hpp"
#include "measure/blas/blas_runner.hpp"
#include "measure/kind_registry.hpp"

namespace perfmatrix {
namespace {

// One kind per operation rather than one `blas` kind with an `op` parameter: each operation
// has its own sizes (gemm m,n,k; gemv m,n; dot and axpy n), so the kind's declaration alone
// rejects a `k` on a dot, and a report groups results by what was computed.
constexpr blas::BlasOp kOps[] = {blas::BlasOp::gemm, blas::BlasOp::gemv, blas::BlasOp::dot, blas::BlasOp::axpy};

std::vector<MetricSpec> metrics(blas::BlasOp op) {
    std::vector<MetricSpec> m{
        {"gflops", "GFLOP/s", Better::higher, 1},
        {"bandwidth", "GB/s", Better::higher, 3},
        {"buffers", "count", Better::lower, 0},
    };
    for (MetricSpec& t : batch_timing_metrics()) m.push_back(std::move(t));
    // Only gemm measures this machine's peak, and so its efficiency against it.
    if (op == blas::BlasOp::gemm) {
        m.push_back({"efficiency", "ratio", Better::higher, 2});
        m.push_back({"peak_gflops", "GFLOP/s", Better::higher, 0});
    }
    return m;
}

// The OpenBLAS build a blas case measures (kernel chosen for the CPU, threading model).
HostFacts openblas_build() {
    try {
        return blas::blas_build_info();
    } catch (const std::exception& e) {
        return {{"blas_library", std::string("unavailable: ") + e.what()}};
    }
}

}  // namespace

void register_blas_kinds(KindRegistry& registry) {
    for (blas::BlasOp op : kOps) {
        Kind kind = blas::blas_kind(op);
        kind.category = category::compute;
        kind.metrics = metrics(op);
        kind.make_runner = [op] { return blas::make_blas_runner(op); };
        registry.add(std::move(kind));
    }
    registry.add_host_facts(openblas_build);
}

}  // namespace perfmatrix
