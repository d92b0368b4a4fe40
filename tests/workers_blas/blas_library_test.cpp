#include "workers/blas/blas_build_info.hpp"
#include "workers/blas/last_level_cache.hpp"
#include "workers/blas/peak_flops.hpp"

#include <gtest/gtest.h>

#include <dlfcn.h>

#include <map>
#include <stdexcept>

namespace perfmatrix {

TEST(BlasLibrary, WorkersDoNotLinkOpenBlas) {
    // The whole point of dlopen(): this test binary links perfmatrix_workers, and OpenBLAS
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

TEST(BlasLibrary, PeakIsMeasuredAndCached) {
    const double f64 = measured_peak_gflops(BlasDtype::f64, 1);
    const double f32 = measured_peak_gflops(BlasDtype::f32, 1);
    // Any FMA-capable core does more than 1 GFLOP/s, none 10 TFLOP/s.
    EXPECT_GT(f64, 1);
    EXPECT_LT(f64, 1e4);
    EXPECT_GT(f32, 1) << peak_kernel_name();
    EXPECT_LT(f32, 2e4);
    EXPECT_EQ(measured_peak_gflops(BlasDtype::f64, 1), f64);  // cached, not measured again
}

TEST(BlasLibrary, LastLevelCacheIsPlausible) {
    const std::size_t bytes = last_level_cache_bytes();
    EXPECT_GE(bytes, std::size_t{256} << 10);
    EXPECT_LE(bytes, std::size_t{4} << 30);
}

}  // namespace perfmatrix
