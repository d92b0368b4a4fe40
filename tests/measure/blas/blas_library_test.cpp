#include "measure/blas/blas_build_info.hpp"
#include "measure/blas/peak_flops.hpp"

#include <gtest/gtest.h>

#include <dlfcn.h>

#include <map>
#include <stdexcept>

namespace perfmatrix::blas {

TEST(BlasLibrary, WorkersDoNotLinkOpenBlas) {
    // The whole point of dlopen(): this test binary links perfmatrix_measure, and OpenBLAS
    // must not be in it until a blas case asks for it.
    EXPECT_EQ(dlopen("libopenblas.so.0", RTLD_NOW | RTLD_NOLOAD), nullptr);
}

TEST(BlasLibrary, BuildInfoNamesTheLoadedBuild) {
    const auto info = blas_build_info("libopenblas.so.0");
    const std::map<std::string, std::string> m(info.begin(), info.end());
    ASSERT_EQ(m.size(), 4u);
    EXPECT_EQ(m.at("blas_library").front(), '/');
    EXPECT_NE(m.at("blas_library").find("openblas"), std::string::npos);
    EXPECT_NE(m.at("openblas_config").find("OpenBLAS"), std::string::npos);
    EXPECT_FALSE(m.at("openblas_corename").empty());
    EXPECT_TRUE(m.at("openblas_parallel") == "pthreads" || m.at("openblas_parallel") == "openmp" ||
                m.at("openblas_parallel") == "sequential")
        << m.at("openblas_parallel");
    EXPECT_THROW(blas_build_info("libno-such-blas.so"), std::runtime_error);
}

TEST(BlasLibrary, PeakMeterKeepsTheBestOfItsTrials) {
    PeakMeter f64(BlasDtype::f64, 1), f32(BlasDtype::f32, 1);
    EXPECT_EQ(f64.gflops(), 0);
    f64.settle();
    f32.settle();
    // Any FMA-capable core does more than 1 GFLOP/s, none 10 TFLOP/s.
    EXPECT_GT(f64.gflops(), 1);
    EXPECT_LT(f64.gflops(), 1e4);
    EXPECT_GT(f32.gflops(), 1) << peak_kernel_name();
    EXPECT_LT(f32.gflops(), 2e4);
    EXPECT_GE(f64.trials(), 5);
    EXPECT_LE(f64.trials(), 30);

    const double settled = f64.gflops();
    const int trials = f64.trials();
    f64.trial();
    EXPECT_EQ(f64.trials(), trials + 1);
    EXPECT_GE(f64.gflops(), settled);  // a maximum: a slower trial never lowers it
}

}  // namespace perfmatrix::blas
