#include "measure/memory/mapped_region.hpp"
#include "measure/memory/stream_check.hpp"
#include "measure/memory/stream_runner.hpp"

#include "tests/measure/memory/memory_case.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <vector>

namespace perfmatrix::memory {
namespace {

using memory_test::memory_case;
using memory_test::metric;

struct SmallArrays {
    explicit SmallArrays(std::size_t n) : a(n), b(n), c(n) {
        x = {a.data(), b.data(), c.data(), n};
        stream_fill(x, 0, n);
    }
    std::vector<double> a, b, c;
    StreamArrays x;
};

TEST(StreamCheck, EveryKernelPassesItsOwnCheck) {
    for (const char* name : {"copy", "scale", "add", "triad"}) {
        const StreamOp op = *stream_op_from_name(name);
        SmallArrays s(1000);
        stream_poison_output(op, s.x);
        EXPECT_TRUE(verify_stream(op, s.x).has_value()) << name << ": poisoned output must fail";
        // Two slices, as two threads would do them, twice: passes are idempotent.
        for (int pass = 0; pass < 2; ++pass) {
            stream_kernel(op, s.x, 0, 400);
            stream_kernel(op, s.x, 400, 1000);
        }
        EXPECT_EQ(verify_stream(op, s.x), std::nullopt) << name;
    }
}

TEST(StreamCheck, CatchesOneWrongElementAndAMissedSlice) {
    SmallArrays s(1000);
    stream_kernel(StreamOp::triad, s.x, 0, 1000);
    s.a[777] += 1e-9;  // a tiny error still fails: results are exact
    const auto wrong = verify_stream(StreamOp::triad, s.x);
    ASSERT_TRUE(wrong.has_value());
    EXPECT_NE(wrong->find("1 of 1000 elements wrong; first at index 777"), std::string::npos) << *wrong;

    SmallArrays t(1000);
    stream_poison_output(StreamOp::add, t.x);
    stream_kernel(StreamOp::add, t.x, 0, 500);  // the second "thread" never ran
    const auto missed = verify_stream(StreamOp::add, t.x);
    ASSERT_TRUE(missed.has_value());
    EXPECT_NE(missed->find("500 of 1000 elements wrong; first at index 500"), std::string::npos) << *missed;
}

TEST(StreamCheck, CatchesAShiftedCopy) {
    SmallArrays s(64);
    for (std::size_t j = 0; j + 1 < 64; ++j) s.c[j] = s.a[j + 1];  // off by one
    s.c[63] = s.a[0];
    EXPECT_TRUE(verify_stream(StreamOp::copy, s.x).has_value());
}

TEST(StreamRunner, MeasuresEveryOpWithSaneBandwidth) {
    for (const char* op : {"copy", "scale", "add", "triad"}) {
        // 8 MiB arrays keep the test quick; iterations are calibrated (target 10 ms).
        const auto o = make_stream_runner()->run(memory_case("memory_stream",
                                                             {{"op", op}, {"size_mib", 8}, {"min_batch_time", 0.01}}),
                                                 {});
        ASSERT_EQ(o.status, status::ok) << op << ": " << o.reason;
        const double bw = *metric(o, "bandwidth");
        // Sanity bounds only, far from any real machine's figure: a loaded 2-core VM still
        // does > 0.1 GB/s, and nothing does 2000.
        EXPECT_GT(bw, 0.1) << op;
        EXPECT_LT(bw, 2000.0) << op;
        const double n = *metric(o, "iterations");
        EXPECT_GE(n, 1.0);
        EXPECT_DOUBLE_EQ(*metric(o, "time"), *metric(o, "batch_time") / n);
        const double bytes = (std::string(op) == "copy" || std::string(op) == "scale" ? 2 : 3) * 8.0 * (1 << 20);
        EXPECT_NEAR(bw, bytes * n / *metric(o, "batch_time") / 1e9, bw * 1e-9) << "STREAM's byte count";
        EXPECT_EQ(*metric(o, "array_bytes"), 8.0 * (1 << 20));
        EXPECT_GT(*metric(o, "max_rss"), 3 * 8.0 * (1 << 20)) << "the three arrays are resident";
        EXPECT_EQ(memory_test::unit_of(o, "bandwidth"), "GB/s");
    }
}

TEST(StreamRunner, TwoThreadsFixedIterations) {
    const auto o = make_stream_runner()->run(memory_case("memory_stream",
                                                         {{"size_mib", 4}, {"threads", 2}, {"iterations", 3}}, 1, 2),
                                             {});
    ASSERT_EQ(o.status, status::ok) << o.reason;
    EXPECT_EQ(*metric(o, "iterations"), 3.0);
    EXPECT_EQ(o.samples.size(), 3u * 6u);  // 1 warm-up + 2 samples, 6 metrics each
}

TEST(StreamRunner, DamagedOutputEndsTheCaseAsWrongResult) {
    const auto runner = make_stream_runner([](const StreamArrays& x) { x.a[x.n / 2] = -1.0; });  // triad writes a
    const auto o = runner->run(memory_case("memory_stream", {{"size_mib", 1}, {"iterations", 2}}), {});
    EXPECT_EQ(o.status, status::wrong_result);
    EXPECT_NE(o.reason.find("stream triad: 1 of 131072 elements wrong; first at index 65536: got -1"),
              std::string::npos)
        << o.reason;
    EXPECT_TRUE(o.samples.empty()) << "a wrong batch's time never counts";
}

TEST(StreamRunner, TimesOutBetweenPasses) {
    // A billion passes cannot finish in 0.2 s; the leader's poll ends the batch.
    const auto o = make_stream_runner()->run(memory_case("memory_stream",
                                                         {{"size_mib", 1}, {"iterations", 1'000'000'000}}, 0, 1, 0.2),
                                             {});
    EXPECT_EQ(o.status, status::timeout) << o.reason;
}

TEST(StreamRunner, StopsWhenAsked) {
    std::atomic<int> polls{0};
    RunContext ctx;
    ctx.should_stop = [&] { return ++polls > 50; };
    const auto o = make_stream_runner()->run(
        memory_case("memory_stream", {{"size_mib", 1}, {"threads", 2}, {"iterations", 1'000'000'000}}, 0, 1, 60), ctx);
    EXPECT_EQ(o.status, status::interrupted) << o.reason;
}

}  // namespace
}  // namespace perfmatrix::memory
