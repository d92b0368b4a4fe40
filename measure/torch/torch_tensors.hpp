#pragma once
// Tensors for the torch kinds: creation with seeded random values, and element access in
// double for the references that verify libtorch's results. Includes ATen: module sources only.

#include "measure/torch/torch_params.hpp"

#include <ATen/core/Tensor.h>

#include <cstdint>

namespace perfmatrix::torch_bench {

c10::ScalarType scalar_type(Dtype dtype);
c10::Device torch_device(Device device);

// Uniform in [-1, 1), drawn on the CPU in double from the global generator (seeded by the
// workload) and converted to `dtype`: the same values on every device.
at::Tensor random_tensor(at::IntArrayRef sizes, Dtype dtype, Device device);

// A tensor's elements as doubles, in row-major order, read from a contiguous CPU copy (no copy
// when it already is one; a GPU tensor's copy waits for the kernels writing it). Per-element
// dispatch on the dtype: the references are O(n) or O(n^2) loops where that costs little,
// and they need no second copy in double.
class HostView {
public:
    explicit HostView(const at::Tensor& t);
    double operator[](std::int64_t i) const;
    std::int64_t size() const { return size_; }

private:
    at::Tensor cpu_;
    c10::ScalarType type_;
    const void* data_ = nullptr;
    std::int64_t size_ = 0;
};

}  // namespace perfmatrix::torch_bench
