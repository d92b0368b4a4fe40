#include "measure/torch/torch_tensors.hpp"

#include <ATen/ops/rand.h>
#include <c10/util/BFloat16.h>

#include <stdexcept>

namespace perfmatrix::torch_bench {

c10::ScalarType scalar_type(Dtype dtype) {
    switch (dtype) {
        case Dtype::float32: return c10::kFloat;
        case Dtype::float64: return c10::kDouble;
        case Dtype::bfloat16: return c10::kBFloat16;
    }
    return c10::kFloat;
}

c10::Device torch_device(Device device) {
    return device == Device::cuda ? c10::Device(c10::kCUDA, 0) : c10::Device(c10::kCPU);
}

at::Tensor random_tensor(at::IntArrayRef sizes, Dtype dtype, Device device) {
    const auto uniform = at::rand(sizes, at::TensorOptions().dtype(c10::kDouble)).mul_(2).sub_(1);
    return uniform.to(torch_device(device), scalar_type(dtype)).contiguous();
}

HostView::HostView(const at::Tensor& t)
    : cpu_(t.to(c10::kCPU).contiguous()), type_(cpu_.scalar_type()), data_(cpu_.data_ptr()), size_(cpu_.numel()) {
    if (type_ != c10::kFloat && type_ != c10::kDouble && type_ != c10::kBFloat16)
        throw std::logic_error(std::string("HostView: unexpected dtype ") + c10::toString(type_));
}

double HostView::operator[](std::int64_t i) const {
    switch (type_) {
        case c10::kFloat: return static_cast<const float*>(data_)[i];
        case c10::kDouble: return static_cast<const double*>(data_)[i];
        default: return static_cast<double>(static_cast<float>(static_cast<const c10::BFloat16*>(data_)[i]));
    }
}

}  // namespace perfmatrix::torch_bench
