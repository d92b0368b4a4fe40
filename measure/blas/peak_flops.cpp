#include "measure/blas/peak_flops.hpp"

#include "measure/blas/fma_chains.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <latch>
#include <string>
#include <thread>
#include <vector>

namespace perfmatrix::blas {
namespace {

using Kernel = double (*)(std::int64_t);

struct FmaKernel {
    Kernel run;
    int lanes;  // elements per FMA
};

enum class Isa { avx512, avx2, scalar };

Isa detect_isa() {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return Isa::avx512;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return Isa::avx2;
    return Isa::scalar;
}

FmaKernel kernel_for(BlasDtype dtype) {
    const bool f64 = dtype == BlasDtype::f64;
    switch (detect_isa()) {
        case Isa::avx512: return f64 ? FmaKernel{fma_chains_avx512_f64, 8} : FmaKernel{fma_chains_avx512_f32, 16};
        case Isa::avx2: return f64 ? FmaKernel{fma_chains_avx2_f64, 4} : FmaKernel{fma_chains_avx2_f32, 8};
        case Isa::scalar: break;
    }
    return f64 ? FmaKernel{fma_chains_scalar_f64, 1} : FmaKernel{fma_chains_scalar_f32, 1};
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Keeps the kernels' results observable so no call is optimised away.
volatile double g_sink = 0;

// Rounds that last about `target` seconds on one thread.
std::int64_t calibrate_rounds(Kernel run, double target) {
    std::int64_t rounds = 10000;
    for (;;) {
        const auto start = std::chrono::steady_clock::now();
        g_sink = g_sink + run(rounds);
        const double t = seconds_since(start);
        if (t >= target / 4)
            return std::max<std::int64_t>(1, static_cast<std::int64_t>(static_cast<double>(rounds) * target / t));
        rounds *= 8;
    }
}

// All threads start together (latch) and time themselves: the trial spans from the first
// thread's start to the last one's end, so a thread count above the core count is charged
// for its time slicing, and a main thread descheduled at the start cannot shorten the span.
double trial_flops_per_second(const FmaKernel& k, std::int64_t rounds, int threads) {
    using Clock = std::chrono::steady_clock;
    struct Span {
        Clock::time_point start, end;
        double result = 0;
    };
    std::latch ready(threads);
    std::vector<Span> spans(static_cast<std::size_t>(threads));
    std::vector<std::thread> team;
    for (auto& span : spans) {
        team.emplace_back([&] {
            ready.arrive_and_wait();
            span.start = Clock::now();
            span.result = k.run(rounds);
            span.end = Clock::now();
        });
    }
    for (auto& th : team) th.join();
    auto first = spans.front().start, last = spans.front().end;
    for (const auto& span : spans) {
        first = std::min(first, span.start);
        last = std::max(last, span.end);
        g_sink = g_sink + span.result;
    }
    const double flops = 2.0 * kFmaChains * k.lanes * static_cast<double>(rounds) * threads;
    return flops / std::chrono::duration<double>(last - first).count();
}

}  // namespace

PeakMeter::PeakMeter(BlasDtype dtype, int threads)
    : dtype_(dtype), threads_(threads), rounds_(calibrate_rounds(kernel_for(dtype).run, 0.02)) {}

void PeakMeter::trial() {
    best_ = std::max(best_, trial_flops_per_second(kernel_for(dtype_), rounds_, threads_));
    ++trials_;
}

void PeakMeter::settle() {
    constexpr int min_trials = 5, max_trials = 30, patience = 5;
    int since_better = 0;
    for (int i = 0; i < max_trials && (i < min_trials || since_better < patience); ++i) {
        const double before = best_;
        trial();
        since_better = best_ > before * 1.01 ? 0 : since_better + 1;
    }
}

const char* peak_kernel_name() {
    switch (detect_isa()) {
        case Isa::avx512: return "avx512";
        case Isa::avx2: return "avx2";
        case Isa::scalar: break;
    }
    return "scalar";
}

void add_efficiency(CaseOutcome& outcome, const PeakMeter& peak) {
    outcome.environment.emplace_back("peak_kernel", peak_kernel_name());
    outcome.environment.emplace_back("peak_trials", std::to_string(peak.trials()));
    const double peak_gflops = peak.gflops();
    if (peak_gflops <= 0) return;
    std::vector<Sample> added;
    for (const Sample& s : outcome.samples) {
        if (s.metric != "gflops") continue;
        added.push_back({"peak_gflops", "GFLOP/s", s.repetition, s.warmup, peak_gflops});
        added.push_back({"efficiency", "ratio", s.repetition, s.warmup, s.value / peak_gflops});
    }
    outcome.samples.insert(outcome.samples.end(), added.begin(), added.end());
}

}  // namespace perfmatrix::blas
