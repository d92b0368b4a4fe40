// Built with -O3 -fno-tree-loop-distribute-patterns (CMakeLists.txt): vectorised loops, and
// copy stays a loop instead of becoming memcpy, whose non-temporal stores for large sizes
// would make copy incomparable with the other three kernels.
#include "measure/memory/stream_kernels.hpp"

namespace perfmatrix::memory {

std::optional<StreamOp> stream_op_from_name(std::string_view name) {
    if (name == "copy") return StreamOp::copy;
    if (name == "scale") return StreamOp::scale;
    if (name == "add") return StreamOp::add;
    if (name == "triad") return StreamOp::triad;
    return std::nullopt;
}

const char* to_string(StreamOp op) {
    switch (op) {
        case StreamOp::copy: return "copy";
        case StreamOp::scale: return "scale";
        case StreamOp::add: return "add";
        case StreamOp::triad: return "triad";
    }
    return "unknown";
}

void stream_kernel(StreamOp op, const StreamArrays& x, std::size_t lo, std::size_t hi) {
    // __restrict: the arrays never overlap, which lets the compiler vectorise without checks.
    double* __restrict a = x.a;
    double* __restrict b = x.b;
    double* __restrict c = x.c;
    const double s = kStreamScalar;
    switch (op) {
        case StreamOp::copy:
            for (std::size_t j = lo; j < hi; ++j) c[j] = a[j];
            break;
        case StreamOp::scale:
            for (std::size_t j = lo; j < hi; ++j) b[j] = s * c[j];
            break;
        case StreamOp::add:
            for (std::size_t j = lo; j < hi; ++j) c[j] = a[j] + b[j];
            break;
        case StreamOp::triad:
            for (std::size_t j = lo; j < hi; ++j) a[j] = b[j] + s * c[j];
            break;
    }
}

double* stream_output(StreamOp op, const StreamArrays& x) {
    switch (op) {
        case StreamOp::copy: return x.c;
        case StreamOp::scale: return x.b;
        case StreamOp::add: return x.c;
        case StreamOp::triad: return x.a;
    }
    return nullptr;
}

double stream_bytes_per_pass(StreamOp op, std::size_t n) {
    const double arrays = (op == StreamOp::copy || op == StreamOp::scale) ? 2.0 : 3.0;
    return arrays * static_cast<double>(sizeof(double)) * static_cast<double>(n);
}

}  // namespace perfmatrix::memory
