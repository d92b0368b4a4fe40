#include "measure/torch/torch_runner.hpp"

#include "measure/blas/peak_flops.hpp"
#include "measure/params_runner.hpp"
#include "measure/torch/torch_batch.hpp"
#include "measure/torch/torch_device.hpp"
#include "measure/torch/torch_environment.hpp"
#include "measure/torch/torch_threads.hpp"
#include "measure/torch/torch_work.hpp"
#include "measure/torch/torch_workload.hpp"

#include <c10/util/Exception.h>
#include <fmt/format.h>

#include <exception>
#include <optional>
#include <variant>

namespace perfmatrix::torch_bench {
namespace {

CaseOutcome failed(std::string status_, std::string reason, Environment env = {}) {
    CaseOutcome o{std::move(status_), std::move(reason), {}};
    o.environment = std::move(env);
    return o;
}

std::vector<Metric> batch_metrics(const Work& work, long long calls, double batch_time) {
    const double n = static_cast<double>(calls);
    std::vector<Metric> m{
        {"batch_time", "s", batch_time},
        {"time", "s", batch_time / n},
        {"iterations", "count", n},
    };
    if (work.flops > 0) m.push_back({"gflops", "GFLOP/s", work.flops * n / batch_time / 1e9});
    if (work.bytes > 0) m.push_back({"bandwidth", "GB/s", work.bytes * n / batch_time / 1e9});
    return m;
}

// The measured FMA peak a kind's GFLOP/s is set against, as blas_gemm's (peak_flops.hpp): for
// the kinds that count FLOPs, on the CPU, in float32 or float64. None for bfloat16 (no bfloat16
// peak is measured) nor on a GPU (no GPU peak is). Settled before libtorch's thread pool runs.
std::optional<blas::PeakMeter> peak_for(const TorchParams& p, const Work& work) {
    if (work.flops <= 0 || p.device != Device::cpu) return std::nullopt;
    if (p.dtype != Dtype::float32 && p.dtype != Dtype::float64) return std::nullopt;
    std::optional<blas::PeakMeter> peak;
    peak.emplace(p.dtype == Dtype::float32 ? blas::BlasDtype::f32 : blas::BlasDtype::f64, p.threads);
    peak->settle();
    return peak;
}

CaseOutcome measure(const TorchParams& p, const CaseSettings& settings, const RunContext& ctx,
                    const TorchBeforeVerify& before_verify) {
    const Work work = work_per_call(p);
    auto peak = peak_for(p, work);
    auto threads = set_torch_threads(p.threads);
    if (auto* problem = std::get_if<std::string>(&threads)) return failed(status::error, *problem);
    Environment env = torch_environment(p, std::get<ThreadSetting>(threads));
    if (auto problem = device_problem(p.device)) return failed(status::error, *problem, env);

    auto workload = make_torch_workload(p, workload_context(p.device));
    if (auto wrong = workload->check_before_timing()) return failed(status::wrong_result, *wrong, env);
    auto timer = make_batch_timer(p.device);
    auto planned = plan_batch(*workload, *timer, p.min_batch_time, settings.timeout, ctx);
    if (auto* failure = std::get_if<SampleResult>(&planned)) return failed(failure->status, failure->reason, env);
    const CallBatchPlan plan = std::get<CallBatchPlan>(planned);

    CaseOutcome outcome = run_samples(
        settings, ctx,
        [&](const SampleIndex&) -> SampleResult {
            try {
                if (peak) peak->trial();  // spread over the case, as blas_gemm does
                const SampleDeadline deadline(settings.timeout, ctx);
                auto timed = run_batch(*workload, *timer, static_cast<long long>(plan.calls),
                                       static_cast<long long>(plan.check_every), deadline);
                if (auto* failure = std::get_if<SampleResult>(&timed)) return std::move(*failure);
                if (before_verify) before_verify(*workload);
                if (auto wrong = workload->verify_last()) return SampleResult::failure(status::wrong_result, *wrong);
                SampleResult r;
                r.metrics = batch_metrics(work, plan.calls, std::get<double>(timed));
                return r;
            } catch (const c10::Error& e) {
                return SampleResult::failure(status::error, fmt::format("libtorch: {}", e.what_without_backtrace()));
            }
        },
        "batch_time");
    outcome.environment = std::move(env);
    if (peak) blas::add_efficiency(outcome, *peak);
    return outcome;
}

}  // namespace

std::unique_ptr<Runner> make_torch_runner(TorchOp op, TorchBeforeVerify before_verify) {
    return params_runner([op](const nlohmann::json& params) { return parse_torch_params(op, params); },
                         [before_verify](const Case& c, const TorchParams& p, const RunContext& ctx) {
                             try {
                                 return measure(p, c.settings, ctx, before_verify);
                             } catch (const c10::Error& e) {
                                 // libtorch refused (a dtype a kernel lacks, memory): this case could
                                 // not be measured. Its what() carries a C++ backtrace that says
                                 // nothing to the reader of a report.
                                 return failed(status::error, fmt::format("libtorch: {}", e.what_without_backtrace()));
                             }  // any other exception: params_runner makes it the case's error
                         });
}

std::unique_ptr<Runner> make_torch_module_runner(std::string_view kind) {
    for (auto op : kAllOps) {
        if (kind == torch_kind_name(op)) return make_torch_runner(op);
    }
    return nullptr;
}

}  // namespace perfmatrix::torch_bench
