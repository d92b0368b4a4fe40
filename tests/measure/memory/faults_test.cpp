#include "measure/memory/faults_runner.hpp"
#include "measure/memory/mapped_region.hpp"
#include "measure/memory/page_touch.hpp"

#include "tests/measure/memory/memory_case.hpp"

#include <gtest/gtest.h>

namespace perfmatrix::memory {
namespace {

using memory_test::memory_case;
using memory_test::metric;

TEST(PageTouch, VerifiesMarksAndZeroFill) {
    const std::size_t page = page_size();
    MappedRegion r(16 * page);
    touch_pages(r.data(), r.size(), page, 7);
    EXPECT_EQ(verify_pages(r.data(), r.size(), page, 7, true), std::nullopt);
    EXPECT_TRUE(verify_pages(r.data(), r.size(), page, 8, false).has_value()) << "another pass's marks";
    static_cast<unsigned char*>(r.data())[5 * page + 1] = 9;
    const auto dirty = verify_pages(r.data(), r.size(), page, 7, true);
    ASSERT_TRUE(dirty.has_value());
    EXPECT_NE(dirty->find("page 5: fresh memory not zero-filled"), std::string::npos) << *dirty;
}

TEST(FaultsRunner, FirstTouchTakesAboutOneMinorFaultPerPage) {
    const auto o = make_faults_runner()->run(memory_case("memory_faults", {{"size_mib", 16}, {"passes", 2}}), {});
    ASSERT_EQ(o.status, status::ok) << o.reason;
    // One fault per 4 KiB page, measured 1.000 here. The margin allows for a kernel that maps
    // a few neighbours per fault (fault-around) or that counts faults of the check; with
    // transparent huge pages set to "always" it could be far less (then this test says so).
    EXPECT_GT(*metric(o, "minor_faults_per_page"), 0.5);
    EXPECT_LT(*metric(o, "minor_faults_per_page"), 1.5);
    EXPECT_EQ(*metric(o, "iterations"), 2.0 * (16 << 20) / static_cast<double>(page_size()));
    EXPECT_GT(*metric(o, "bandwidth"), 0.0);
    EXPECT_LT(*metric(o, "bandwidth"), 2000.0);
    EXPECT_GT(*metric(o, "time"), 0.0);
}

TEST(FaultsRunner, WarmTouchTakesAlmostNoFaultsAndIsCheaper) {
    const auto warm = make_faults_runner()->run(memory_case("memory_faults",
                                                            {{"size_mib", 16}, {"mode", "warm"}, {"passes", 4}}),
                                                {});
    ASSERT_EQ(warm.status, status::ok) << warm.reason;
    EXPECT_LT(*metric(warm, "minor_faults_per_page"), 0.1);
    const auto cold = make_faults_runner()->run(memory_case("memory_faults", {{"size_mib", 16}, {"passes", 2}}), {});
    ASSERT_EQ(cold.status, status::ok) << cold.reason;
    // A fault costs microseconds, a resident write nanoseconds; a factor 2 is a huge margin.
    EXPECT_LT(*metric(warm, "time") * 2, *metric(cold, "time"));
}

TEST(FaultsRunner, CalibratesAndTimesOut) {
    const auto calibrated = make_faults_runner()->run(
        memory_case("memory_faults", {{"size_mib", 1}, {"mode", "warm"}, {"min_batch_time", 0.005}}), {});
    ASSERT_EQ(calibrated.status, status::ok) << calibrated.reason;
    EXPECT_GT(*metric(calibrated, "iterations"), 256.0) << "more than one pass of 256 pages";
    const auto slow = make_faults_runner()->run(memory_case("memory_faults", {{"size_mib", 1}, {"passes", 1'000'000}},
                                                            0, 1, 0.2),
                                                {});
    EXPECT_EQ(slow.status, status::timeout) << slow.reason;
}

}  // namespace
}  // namespace perfmatrix::memory
