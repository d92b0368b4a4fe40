#include "measure/memory/stream_check.hpp"

#include <fmt/format.h>

#include <limits>

namespace perfmatrix::memory {
namespace {

double start_a(std::size_t j) { return 1.0 + static_cast<double>(j % 8); }
double start_b(std::size_t j) { return 2.0 + static_cast<double>(j % 4); }
double start_c(std::size_t j) { return 0.5 * static_cast<double>(j % 16); }

double expected(StreamOp op, std::size_t j) {
    switch (op) {
        case StreamOp::copy: return start_a(j);
        case StreamOp::scale: return kStreamScalar * start_c(j);
        case StreamOp::add: return start_a(j) + start_b(j);
        case StreamOp::triad: return start_b(j) + kStreamScalar * start_c(j);
    }
    return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

void stream_fill(const StreamArrays& x, std::size_t lo, std::size_t hi) {
    for (std::size_t j = lo; j < hi; ++j) {
        x.a[j] = start_a(j);
        x.b[j] = start_b(j);
        x.c[j] = start_c(j);
    }
}

void stream_poison_output(StreamOp op, const StreamArrays& x) {
    double* out = stream_output(op, x);
    for (std::size_t j = 0; j < x.n; ++j) out[j] = std::numeric_limits<double>::quiet_NaN();
}

std::optional<std::string> verify_stream(StreamOp op, const StreamArrays& x) {
    const double* out = stream_output(op, x);
    std::size_t bad = 0;
    std::size_t first = 0;
    for (std::size_t j = 0; j < x.n; ++j) {
        // != is exact on purpose (see the header); NaN (an unwritten element) differs too.
        if (out[j] != expected(op, j)) {
            if (bad++ == 0) first = j;
        }
    }
    if (bad == 0) return std::nullopt;
    return fmt::format("stream {}: {} of {} elements wrong; first at index {}: got {}, expected {}", to_string(op), bad,
                       x.n, first, out[first], expected(op, first));
}

}  // namespace perfmatrix::memory
