#include "measure/python/harness_session.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <string>

namespace perfmatrix::python {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;

const char* kHello =
    R"({"event": "hello", "protocol": 1, "harness": "1", "python": {"version": "3.12.1", "flags": {"isolated": 1}, "version_info": [3, 12, 1]}, "packages": {"numpy": "1.26.4", "torch": ""}})"
    "\n";

CaseSettings two_samples(int warmup = 0) {
    CaseSettings s;
    s.warmup = warmup;
    s.repetitions = 2;
    s.max_repetitions = 3;
    s.timeout = 10;
    return s;
}

std::string sample(int index, bool warmup = false, double time = 0.5) {
    return json{{"event", "sample"},
                {"warmup", warmup},
                {"index", index},
                {"loops", 4},
                {"metrics",
                 {{{"name", "time"}, {"unit", "s"}, {"value", time}},
                  {{"name", "loops"}, {"unit", "count"}, {"value", 4}}}}}
               .dump() +
           "\n";
}

const std::string kDone = "{\"event\": \"done\"}\n";

std::string error_of(const std::string& stream, CaseSettings s = two_samples()) {
    HarnessSession session(s, Clock::now());
    session.feed(stream);
    return session.protocol_error().value_or("");
}

}  // namespace

TEST(HarnessSession, AGoodStreamBecomesSamplesAndIdentity) {
    HarnessSession session(two_samples(1), Clock::now());
    session.feed(std::string(kHello) + sample(0, true, 9.0) + sample(0) + sample(1, false, 0.25) + kDone);
    ASSERT_FALSE(session.failed()) << *session.protocol_error();
    const HarnessLog& log = session.log();
    ASSERT_TRUE(log.terminal);
    EXPECT_EQ(log.terminal->event, "done");
    EXPECT_EQ(log.warmups, 1);
    EXPECT_EQ(log.measured, 2);
    ASSERT_EQ(log.samples.size(), 6u);
    EXPECT_EQ(log.samples[0], (Sample{"time", "s", 0, true, 9.0}));
    EXPECT_EQ(log.samples[4], (Sample{"time", "s", 1, false, 0.25}));
    EXPECT_EQ(log.samples[5], (Sample{"loops", "count", 1, false, 4.0}));
    const std::vector<std::pair<std::string, std::string>> expected_env{{"harness.version", "1"},
                                                                        {"python.flags.isolated", "1"},
                                                                        {"python.version", "3.12.1"},
                                                                        {"python.version_info", "[3,12,1]"},
                                                                        {"package.numpy", "1.26.4"},
                                                                        {"package.torch", ""}};
    EXPECT_EQ(log.environment, expected_env);
}

// A workload's own environment (the BLAS numpy loaded) rides on `calibrated` and is recorded
// under workload.*, so it cannot pass for perfmatrix's own keys; anything but text is refused.
TEST(HarnessSession, CalibratedCarriesTheWorkloadsEnvironment) {
    const std::string calibrated =
        R"({"event": "calibrated", "loops": 4, "seconds": 0.1, "category": "numpy", "environment": {"blas.loaded": "openblas", "blas.verified": "yes"}})"
        "\n";
    HarnessSession session(two_samples(), Clock::now());
    session.feed(std::string(kHello) + calibrated + sample(0) + sample(1) + kDone);
    ASSERT_FALSE(session.failed()) << *session.protocol_error();
    const auto& env = session.log().environment;
    const auto has = [&](const std::string& key, const std::string& value) {
        return std::find(env.begin(), env.end(), std::pair{key, value}) != env.end();
    };
    EXPECT_TRUE(has("workload.blas.loaded", "openblas"));
    EXPECT_TRUE(has("workload.blas.verified", "yes"));
    EXPECT_TRUE(has("category", "numpy"));

    const std::string not_text = R"({"event": "calibrated", "loops": 4, "seconds": 0.1, "environment": {"x": 1}})"
                                 "\n";
    EXPECT_NE(error_of(std::string(kHello) + not_text).find("environment 'x' must be a string"), std::string::npos);
    const std::string not_object = R"({"event": "calibrated", "loops": 4, "seconds": 0.1, "environment": "x"})"
                                   "\n";
    EXPECT_NE(error_of(std::string(kHello) + not_object).find("'environment' must be an object"), std::string::npos);
}

TEST(HarnessSession, LinesMaySplitAcrossReadsAnywhere) {
    const std::string stream = std::string(kHello) + sample(0) + sample(1) + kDone;
    HarnessSession session(two_samples(), Clock::now());
    for (char c : stream) session.feed(std::string_view(&c, 1));
    EXPECT_FALSE(session.failed());
    EXPECT_EQ(session.log().measured, 2);
    EXPECT_TRUE(session.log().terminal);
}

TEST(HarnessSession, ComponentsAreKeptApart) {
    HarnessSession session(two_samples(), Clock::now());
    session.feed(
        std::string(kHello) +
        R"({"event": "component", "warmup": false, "index": 0, "component": "json.decoder", "metrics": [{"name": "import_self", "unit": "s", "value": 0.00012}]})"
        "\n");
    ASSERT_FALSE(session.failed()) << *session.protocol_error();
    ASSERT_EQ(session.log().components.size(), 1u);
    EXPECT_EQ(session.log().components[0], (ComponentSample{"json.decoder", "import_self", "s", 0, false, 0.00012}));
    EXPECT_TRUE(session.log().samples.empty());
}

TEST(HarnessSession, ProtocolErrorsNameTheLine) {
    EXPECT_EQ(error_of(std::string(kHello) + "not json\n"), "line 2: not JSON: 'not json'");
    EXPECT_EQ(error_of(sample(0)), "line 1: 'sample' before 'hello'");
    EXPECT_EQ(error_of(std::string(kHello) + kHello), "line 2: a second 'hello'");
    EXPECT_EQ(error_of(std::string(kHello) + "{\"event\": \"dance\"}\n"), "line 2: unknown event 'dance'");
    EXPECT_EQ(error_of(std::string(kHello) + "[1, 2]\n"),
              "line 2: not an event (a JSON object with an \"event\" string)");
    EXPECT_EQ(error_of(std::string(kHello) + "{\"event\": \"skip\"}\n"), "line 2: 'reason' is missing");
    EXPECT_EQ(error_of(R"({"event": "hello", "protocol": 2, "harness": "1", "python": {}, "packages": {}})"
                       "\n"),
              "line 1: protocol 2 is not the one this perfmatrix speaks (1)");
    // Binary garbage is quoted escaped, so the reason stays valid UTF-8.
    EXPECT_EQ(error_of(std::string(kHello) + "\xff\x01" + "\n"), "line 2: not JSON: '\\xff\\x01'");
}

TEST(HarnessSession, SamplesMustComeInOrderAndWithinTheCase) {
    const std::string h = kHello;
    EXPECT_EQ(error_of(h + sample(1)), "line 2: sample index 1 where 0 was next");
    EXPECT_EQ(error_of(h + sample(0) + sample(0)), "line 3: sample index 0 where 1 was next");
    EXPECT_EQ(error_of(h + sample(0) + sample(0, true), two_samples(1)),
              "line 3: a warm-up sample after measured ones");
    EXPECT_EQ(error_of(h + sample(0, true)), "line 2: warm-up index 0, but the case asks for 0 warm-ups");
    EXPECT_EQ(error_of(h + sample(0) + sample(1) + sample(2) + sample(3)),
              "line 5: sample index 3, but the case allows at most 3 samples");
    EXPECT_EQ(error_of(h + sample(0) + kDone),
              "line 3: 'done' after 0 warm-ups and 1 samples; the case asks for 0 warm-ups and at least 2 samples");
    EXPECT_EQ(error_of(h + sample(0) + sample(1) + kDone + sample(2)),
              "line 5: 'sample' after the terminal event 'done'");
}

TEST(HarnessSession, SampleFieldsAreChecked) {
    const std::string h = kHello;
    EXPECT_EQ(error_of(h + R"({"event": "sample", "warmup": false, "index": 0, "loops": 1, "metrics": []})"
                           "\n"),
              "line 2: a sample without the 'time' metric");
    EXPECT_EQ(error_of(h + R"({"event": "sample", "warmup": 0, "index": 0, "loops": 1, "metrics": []})"
                           "\n"),
              "line 2: 'warmup' must be true or false");
    EXPECT_EQ(error_of(h + R"({"event": "sample", "warmup": false, "index": 0, "loops": 0, "metrics": []})"
                           "\n"),
              "line 2: 'loops' must be an integer >= 1");
    EXPECT_EQ(
        error_of(
            h +
            R"({"event": "sample", "warmup": false, "index": 0, "loops": 1, "metrics": [{"name": "time", "unit": "s", "value": "1"}]})"
            "\n"),
        "line 2: metric 'time' needs a finite number as its value");
    EXPECT_EQ(
        error_of(
            h +
            R"({"event": "sample", "warmup": false, "index": 0, "loops": 1, "metrics": [{"name": "time", "unit": "s", "value": 1}, {"name": "time", "unit": "s", "value": 2}]})"
            "\n"),
        "line 2: metric 'time' appears twice");
}

TEST(HarnessSession, AnOverlongLineIsAnErrorBeforeItEnds) {
    HarnessSession session(two_samples(), Clock::now());
    session.feed(kHello);
    const std::string chunk(64 * 1024, 'x');
    for (std::size_t sent = 0; sent <= ProtocolLines::kMaxLineBytes && !session.failed(); sent += chunk.size()) {
        session.feed(chunk);
    }
    EXPECT_EQ(session.protocol_error().value_or(""), "line 2: line longer than 1048576 bytes");
}

TEST(HarnessSession, NothingAfterAnErrorCounts) {
    HarnessSession session(two_samples(), Clock::now());
    session.feed(std::string(kHello) + "garbage\n" + sample(0));
    session.feed(sample(1) + kDone);
    EXPECT_TRUE(session.failed());
    EXPECT_TRUE(session.log().samples.empty());
    EXPECT_FALSE(session.log().terminal);
}

TEST(HarnessSession, EachEventMovesTheDeadlineAndTheFirstSampleGetsDouble) {
    const auto t0 = Clock::now();
    HarnessSession session(two_samples(), t0);
    EXPECT_EQ(session.deadline(), t0 + 20s);
    session.feed(kHello, t0 + 3s);
    EXPECT_EQ(session.deadline(), t0 + 23s);
    session.feed(sample(0), t0 + 5s);
    EXPECT_EQ(session.deadline(), t0 + 15s);
    session.feed("{\"event\": ", t0 + 7s);  // half a line is not an event
    EXPECT_EQ(session.deadline(), t0 + 15s);
    EXPECT_TRUE(session.cut_mid_line());
}

TEST(HarnessSession, AwaitedSaysWhatWasMissing) {
    HarnessSession session(two_samples(), Clock::now());
    EXPECT_EQ(session.awaited(), "its 'hello'");
    session.feed(kHello);
    EXPECT_EQ(session.awaited(), "its first sample");
    session.feed(sample(0));
    EXPECT_EQ(session.awaited(), "the sample after 0 warm-ups and 1 samples");
    session.feed(sample(1) + kDone);
    EXPECT_EQ(session.awaited(), "its exit after 'done'");
}

}  // namespace perfmatrix::python
