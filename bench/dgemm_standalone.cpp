// A minimal DGEMM loop linked straight to OpenBLAS: the baseline perfmatrix's blas_gemm must
// match (bench/dgemm_vs_standalone.sh runs both). Usage:
//   dgemm_standalone N THREADS WARMUPS REPS
// Prints one line per timed call ("gflops X") and then "median_gflops X".
#include <cblas.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <random>
#include <vector>

namespace {

class Matrix {
public:
    explicit Matrix(std::size_t count) : p_(static_cast<double*>(std::aligned_alloc(64, bytes(count)))) {
        if (!p_) throw std::bad_alloc();
    }
    ~Matrix() { std::free(p_); }
    Matrix(const Matrix&) = delete;
    Matrix& operator=(const Matrix&) = delete;
    double* data() { return p_; }

private:
    static std::size_t bytes(std::size_t count) { return (count * sizeof(double) + 63) / 64 * 64; }
    double* p_;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: dgemm_standalone N THREADS WARMUPS REPS\n");
        return 2;
    }
    const int n = std::atoi(argv[1]), threads = std::atoi(argv[2]);
    const int warmups = std::atoi(argv[3]), reps = std::atoi(argv[4]);
    openblas_set_num_threads(threads);
    if (openblas_get_num_threads() != threads) {
        std::fprintf(stderr, "OpenBLAS runs %d threads, not %d\n", openblas_get_num_threads(), threads);
        return 1;
    }
    const auto count = static_cast<std::size_t>(n) * static_cast<std::size_t>(n);
    // 64-byte aligned, as anyone tuning a DGEMM loop would, and as perfmatrix's operands are
    // (std::vector gives 16): the two sides then differ only in what perfmatrix adds.
    Matrix a(count), b(count), c(count);
    std::mt19937_64 rng(1);
    std::uniform_real_distribution<double> dist(-1, 1);
    for (Matrix* m : {&a, &b})
        for (std::size_t i = 0; i < count; ++i) m->data()[i] = dist(rng);

    const double flops = 2.0 * n * n * static_cast<double>(n);
    std::vector<double> gflops;
    for (int i = 0; i < warmups + reps; ++i) {
        const auto start = std::chrono::steady_clock::now();
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a.data(), n, b.data(), n, 0.0, c.data(),
                    n);
        const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (i >= warmups) {
            gflops.push_back(flops / t / 1e9);
            std::printf("gflops %.4f\n", gflops.back());
        }
    }
    std::sort(gflops.begin(), gflops.end());
    std::printf("median_gflops %.4f\n", gflops[gflops.size() / 2]);
    return 0;
}
