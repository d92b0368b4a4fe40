#include "workers/blas/blas_kinds.hpp"

#include "workers/blas/blas_params.hpp"
#include "workers/blas/blas_runner.hpp"

namespace perfmatrix {
namespace {

// One kind per operation rather than one `blas` kind with an `op` parameter: each operation
// has its own sizes (gemm m,n,k; gemv m,n; dot and axpy n), so the kind's declaration alone
// rejects a `k` on a dot, and a report groups results by what was computed.
constexpr BlasOp kOps[] = {BlasOp::gemm, BlasOp::gemv, BlasOp::dot, BlasOp::axpy};

}  // namespace

std::vector<KindSpec> blas_kind_specs() {
    std::vector<KindSpec> specs;
    for (BlasOp op : kOps) specs.push_back(blas_kind_spec(op));
    return specs;
}

std::unique_ptr<Runner> make_blas_runner(std::string_view kind) {
    for (BlasOp op : kOps) {
        if (kind == blas_kind_name(op)) return std::make_unique<BlasRunner>(op);
    }
    return nullptr;
}

}  // namespace perfmatrix
