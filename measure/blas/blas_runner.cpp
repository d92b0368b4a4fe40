#include "measure/blas/blas_runner.hpp"

#include "measure/blas/blas_batch.hpp"
#include "measure/blas/blas_workload.hpp"
#include "measure/blas/openblas_library.hpp"
#include "measure/blas/peak_flops.hpp"
#include "measure/params_runner.hpp"
#include "measure/system/topology.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <variant>

namespace perfmatrix::blas {
namespace {

CaseOutcome failed(std::string status_, std::string reason) { return {std::move(status_), std::move(reason), {}}; }

std::vector<Metric> batch_metrics(const WorkloadShape& shape, std::size_t iterations, double batch_time) {
    const double calls = static_cast<double>(iterations);
    const double gflops = shape.flops * calls / batch_time / 1e9;
    std::vector<Metric> m{
        {"batch_time", "s", batch_time},
        {"time", "s", batch_time / calls},
        {"iterations", "count", calls},
        {"gflops", "GFLOP/s", gflops},
        {"buffers", "count", static_cast<double>(shape.copies)},
    };
    if (shape.bytes > 0) m.push_back({"bandwidth", "GB/s", shape.bytes * calls / batch_time / 1e9});
    return m;
}

// The cache operand copies must exceed; 32 MiB when neither sysfs nor sysconf says.
std::size_t cache_bytes_or_default() {
    const std::size_t bytes = last_level_cache().bytes;
    return bytes > 0 ? bytes : std::size_t{32} << 20;
}

CaseOutcome measure(const BlasParams& p, const CaseSettings& settings, const RunContext& ctx,
                    const BlasBeforeVerify& before_verify) {
    // Only gemm is compute-bound; for the others a FLOP peak says nothing. The peak settles
    // first, before OpenBLAS's thread pool exists to compete with it; one more trial before
    // each sample spreads the trials over the case (peak_flops.hpp says why).
    std::optional<PeakMeter> peak;
    if (p.op == BlasOp::gemm) {
        peak.emplace(p.dtype, p.threads);
        peak->settle();
    }

    const OpenBlasLibrary blas(p.library);
    blas.set_num_threads(p.threads);
    if (const int got = blas.get_num_threads(); got != p.threads) {
        return failed(status::error, fmt::format("asked OpenBLAS ({}) for {} threads, it runs {}", blas.resolved_path(),
                                                 p.threads, got));
    }
    auto workload = make_blas_workload(p, blas, cache_bytes_or_default());
    CallCounter counter;
    auto planned = plan_batch(*workload, counter, p.min_batch_time, settings.timeout, ctx);
    if (auto* failure = std::get_if<SampleResult>(&planned)) return failed(failure->status, failure->reason);
    const CallBatchPlan plan = std::get<CallBatchPlan>(planned);
    const WorkloadShape shape = workload->shape();

    CaseOutcome outcome = run_samples(
        settings, ctx,
        [&](const SampleIndex&) -> SampleResult {
            if (peak) peak->trial();
            const auto deadline = BlasClock::now() + std::chrono::duration_cast<BlasClock::duration>(
                                                         std::chrono::duration<double>(settings.timeout));
            auto timed = run_calls(*workload, counter, plan.calls, plan.check_every, deadline, ctx);
            if (auto* failure = std::get_if<SampleResult>(&timed)) return std::move(*failure);
            if (before_verify) before_verify(*workload);
            if (auto wrong = workload->verify_last()) return SampleResult::failure(status::wrong_result, *wrong);
            SampleResult r;
            r.metrics = batch_metrics(shape, plan.calls, std::get<double>(timed));
            return r;
        },
        "batch_time");
    if (peak) add_efficiency(outcome, *peak);
    return outcome;
}

}  // namespace

std::unique_ptr<Runner> make_blas_runner(BlasOp op, BlasBeforeVerify before_verify) {
    return params_runner([op](const nlohmann::json& params) { return parse_blas_params(op, params); },
                         [before_verify](const Case& c, const BlasParams& p, const RunContext& ctx) {
                             return measure(p, c.settings, ctx, before_verify);
                         });
}

}  // namespace perfmatrix::blas
