#pragma once
// The machine's peak floating-point rate, MEASURED here rather than taken from a data
// sheet: under a hypervisor the clock, the vector width actually enabled and the number of
// FMA pipes are all uncertain, and a measured peak is what a kernel can really reach.

#include "measure/blas/blas_params.hpp"
#include "measure/model/runner.hpp"

#include <cstdint>

namespace perfmatrix::blas {

// GFLOP/s of `threads` threads each running independent chains of vector FMAs (the widest
// the CPU supports: AVX-512, AVX2+FMA, or scalar fma), as the best of 20 ms trials. A peak
// is a maximum, so a trial that a neighbour slowed only costs time; what matters is that
// some trials fall outside any disturbance. Hence two ways to add trials:
//  - settle(): repeat until the best has not improved by 1 % in 5 trials in a row (5 to 30
//    trials, 0.1-0.6 s), done once before the kernel runs;
//  - trial(): one more 20 ms trial, done before each sample, so the trials span the whole
//    case and a burst of load at its start (any other process, on a 2-core machine) cannot
//    halve the peak for every sample.
class PeakMeter {
public:
    PeakMeter(BlasDtype dtype, int threads);

    void settle();
    void trial();
    double gflops() const { return best_ / 1e9; }  // 0 before any trial
    int trials() const { return trials_; }

private:
    BlasDtype dtype_;
    int threads_;
    std::int64_t rounds_;  // calibrated so one thread's trial lasts ~20 ms
    double best_ = 0;      // FLOP/s
    int trials_ = 0;
};

// Which FMA kernel PeakMeter uses here: "avx512", "avx2" or "scalar".
const char* peak_kernel_name();

// Adds peak_gflops and efficiency (gflops / peak) beside every gflops sample of the outcome,
// against the peak as it stands after the last sample (the best of all trials, wherever in the
// case they fell), and how the peak was measured (peak_kernel, peak_trials) to its environment.
// blas_gemm and the libtorch kinds that count FLOPs share it, so their efficiencies compare.
void add_efficiency(CaseOutcome& outcome, const PeakMeter& peak);

}  // namespace perfmatrix::blas
