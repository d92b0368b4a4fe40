#include "measure/cuda/cublas_gemm_runner.hpp"

#include "measure/cuda/cublas_params.hpp"
#include "measure/cuda/cuda_device.hpp"
#include "measure/cuda/cuda_errors.hpp"
#include "measure/cuda/device_gemm.hpp"
#include "measure/cuda/gpu_batch.hpp"
#include "measure/param_reading.hpp"
#include "measure/sampling.hpp"

#include <cuda_runtime_api.h>
#include <fmt/format.h>

#include <exception>
#include <variant>

namespace perfmatrix::cuda {
namespace {

// No efficiency metric, unlike blas_gemm: a GPU's peak is not measured here (no FMA
// microbenchmark for GPUs yet), and the device properties cannot give one honestly: FLOPs
// per clock per multiprocessor depend on the architecture and on whether cuBLAS picks tensor
// cores (FP64 DGEMM does on sm_80+, at twice the FMA units' rate), and the clock attribute is
// the boost clock, which a GPU under load leaves as power and heat allow. A table of data
// sheet figures would be a hard-coded number that is wrong on the next card.
std::vector<Metric> batch_metrics(double flops_per_call, std::size_t iterations, double batch_time) {
    const double calls = static_cast<double>(iterations);
    return {
        {"batch_time", "s", batch_time},
        {"time", "s", batch_time / calls},
        {"iterations", "count", calls},
        {"gflops", "GFLOP/s", flops_per_call * calls / batch_time / 1e9},
    };
}

template <typename T>
CaseOutcome measure(const CublasGemmParams& p, const CaseSettings& settings, const RunContext& ctx,
                    const CublasGemmRunner::BeforeVerify& before_verify) {
    const Stream stream;
    const BlasHandle handle(stream);
    BatchEvents events{stream, {}, {}};
    DeviceGemm<T> gemm(p);
    const std::function<void()> call = [&] { gemm.call(handle); };

    // One call outside any timing: cuBLAS chooses its kernel and CUDA loads it (lazily, by
    // default) on the first call, which would otherwise make the first batch look slow.
    call();
    check(cudaStreamSynchronize(stream.get()), "the first gemm call");

    auto planned = plan_gpu_batch(call, p.min_batch_time, settings.timeout, events, ctx);
    if (auto* failure = std::get_if<SampleResult>(&planned)) return CaseOutcome(failure->status, failure->reason);
    const CallBatchPlan plan = std::get<CallBatchPlan>(planned);

    return run_samples(
        settings, ctx,
        [&](const SampleIndex&) -> SampleResult {
            const SampleDeadline deadline(settings.timeout, ctx);
            gemm.poison_output(stream);
            auto timed = time_gpu_batch(call, plan.calls, plan.check_every, events, deadline);
            if (auto* failure = std::get_if<SampleResult>(&timed)) return std::move(*failure);
            if (before_verify) {
                before_verify(gemm.output(), gemm.output_bytes());
                check(cudaDeviceSynchronize(), "after the before-verify hook");
            }
            if (auto wrong = gemm.verify(stream)) return SampleResult::failure(status::wrong_result, *wrong);
            SampleResult r;
            r.metrics = batch_metrics(gemm.flops(), plan.calls, std::get<double>(timed));
            return r;
        },
        "batch_time");
}

CaseOutcome measure_on_device(const CublasGemmParams& p, const CaseSettings& settings, const RunContext& ctx,
                              const CublasGemmRunner::BeforeVerify& before_verify) {
    if (p.dtype == GemmDtype::float32) return measure<float>(p, settings, ctx, before_verify);
    return measure<double>(p, settings, ctx, before_verify);
}

}  // namespace

CublasGemmRunner::CublasGemmRunner(BeforeVerify before_verify) : before_verify_(std::move(before_verify)) {}

CaseOutcome CublasGemmRunner::run(const Case& c, const RunContext& ctx) {
    auto parsed = parse_cublas_gemm_params(c.params);
    if (const auto* problem = std::get_if<ParamProblem>(&parsed))
        return invalid_params_outcome("cublas_gemm", *problem);
    const auto& p = std::get<CublasGemmParams>(parsed);
    Environment env = cuda_library_environment();
    env.emplace_back("cublas.routine", p.dtype == GemmDtype::float32 ? "cublasSgemm" : "cublasDgemm");
    env.emplace_back("cublas.math_mode", "CUBLAS_DEFAULT_MATH");
    CaseOutcome outcome;
    try {
        select_device(p.device);
        for (auto& kv : gpu_device_environment(p.device)) env.push_back(std::move(kv));
        outcome = measure_on_device(p, c.settings, ctx, before_verify_);
    } catch (const std::exception& e) {
        // No device, no memory for the operands, a failed CUDA call: not measurable here.
        outcome = CaseOutcome(status::error, e.what());
    }
    outcome.environment.insert(outcome.environment.begin(), env.begin(), env.end());
    return outcome;
}

}  // namespace perfmatrix::cuda
