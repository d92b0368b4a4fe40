// torch_conv2d: at::conv2d without bias, as a network calls it (the output is allocated by
// each call, through libtorch's caching allocator).
#include "measure/torch/torch_kernels.hpp"
#include "measure/torch/torch_sampled_indices.hpp"
#include "measure/torch/torch_tensors.hpp"
#include "measure/torch/torch_tolerance.hpp"

#include <ATen/ops/conv2d.h>
#include <fmt/format.h>

#include <cmath>

namespace perfmatrix::torch_bench {
namespace {

// Output points recomputed per check: each costs Cin*K*K products, so even large layers check
// in well under a millisecond, and a wrong kernel rarely gets every one of them right.
constexpr std::int64_t kCheckedPoints = 64;

class Conv2dWorkload final : public TorchWorkload {
public:
    Conv2dWorkload(const Conv2dShape& s, const TorchParams& p, const WorkloadContext& ctx)
        : s_(s),
          precision_(precision_for(p.dtype, Accumulation::products, ctx.tf32_conv)),
          input_(random_tensor({s.batch, s.in_channels, s.height, s.width}, p.dtype, p.device)),
          weight_(random_tensor({s.out_channels, s.in_channels, s.kernel_size, s.kernel_size}, p.dtype, p.device)) {}

    void call() override { out_ = at::conv2d(input_, weight_, {}, {s_.stride, s_.stride}, {s_.padding, s_.padding}); }

    std::optional<std::string> verify_last() override {
        const HostView in(input_), w(weight_), out(out_);
        const std::int64_t ho = s_.out_height(), wo = s_.out_width();
        if (out.size() != s_.batch * s_.out_channels * ho * wo) {
            return fmt::format("conv2d output has {} elements, expected {}", out.size(),
                               s_.batch * s_.out_channels * ho * wo);
        }
        for (const std::int64_t index : sampled_indices(out.size(), kCheckedPoints)) {
            const std::int64_t x = index % wo, y = index / wo % ho, co = index / (wo * ho) % s_.out_channels,
                               n = index / (wo * ho * s_.out_channels);
            const auto [ref, abs_sum] = reference(in, w, n, co, y, x);
            const double tol = dot_tolerance(precision_, s_.in_channels * s_.kernel_size * s_.kernel_size, abs_sum,
                                             ref);
            if (!(std::abs(out[index] - ref) <= tol)) {
                return fmt::format("conv2d output[{},{},{},{}] = {:.9g}, expected {:.9g} (tolerance {:.3g})", n, co, y,
                                   x, out[index], ref, tol);
            }
        }
        return std::nullopt;
    }

    void corrupt_last_output() override { out_.mul_(-3).add_(1000); }

private:
    struct Point {
        double value, abs_sum;
    };

    // The direct definition: a dot product over input channels and kernel taps, zero outside
    // the input (padding).
    Point reference(const HostView& in, const HostView& w, std::int64_t n, std::int64_t co, std::int64_t y,
                    std::int64_t x) const {
        const std::int64_t k = s_.kernel_size, h = s_.height, wd = s_.width;
        double value = 0, abs_sum = 0;
        for (std::int64_t ci = 0; ci < s_.in_channels; ++ci) {
            for (std::int64_t ky = 0; ky < k; ++ky) {
                const std::int64_t iy = y * s_.stride - s_.padding + ky;
                if (iy < 0 || iy >= h) continue;
                for (std::int64_t kx = 0; kx < k; ++kx) {
                    const std::int64_t ix = x * s_.stride - s_.padding + kx;
                    if (ix < 0 || ix >= wd) continue;
                    const double prod = in[((n * s_.in_channels + ci) * h + iy) * wd + ix] *
                                        w[((co * s_.in_channels + ci) * k + ky) * k + kx];
                    value += prod;
                    abs_sum += std::abs(prod);
                }
            }
        }
        return {value, abs_sum};
    }

    Conv2dShape s_;
    Precision precision_;
    at::Tensor input_, weight_, out_;
};

}  // namespace

std::unique_ptr<TorchWorkload> make_conv2d_workload(const Conv2dShape& s, const TorchParams& p,
                                                    const WorkloadContext& ctx) {
    return std::make_unique<Conv2dWorkload>(s, p, ctx);
}

}  // namespace perfmatrix::torch_bench
