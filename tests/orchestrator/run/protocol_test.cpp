#include "orchestrator/run/protocol.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

TEST(Protocol, CaseRoundTrips) {
    Case c;
    c.id = "python-pass/0123456789";
    c.benchmark = "python-pass";
    c.kind = "spawn";
    c.axes = {{"python", "/usr/bin/python3"}, {"n", "4"}};
    c.params = {{"argv", {"/usr/bin/python3", "-c", "print('a b; $x')"}}, {"env", {{"A", "1"}}}};
    c.settings.warmup = 3;
    c.settings.repetitions = 7;
    c.settings.min_time = 0.25;
    c.settings.max_repetitions = 99;
    c.settings.timeout = 1.5;
    c.settings.requires_ = {"gpu"};
    c.settings.placement = Placement::shared;
    EXPECT_EQ(protocol::decode_case(protocol::encode(c)), c);
}

TEST(Protocol, ResultRoundTripsWithSamples) {
    protocol::Result r;
    r.case_id = "true/abc";
    r.host = "node7";
    r.started = 1.7e9 + 0.125;
    r.ended = 1.7e9 + 0.5;
    r.outcome.status = status::nonzero_exit;
    r.outcome.reason = "exit code 3 (expected 0); stderr: \"boom\"\n";
    r.outcome.samples = {{"wall_time", "s", 0, true, 0.001},
                         {"wall_time", "s", 0, false, 0.00125},
                         {"max_rss", "bytes", 0, false, 1048576}};
    const auto back = protocol::decode_result(protocol::encode(r));
    EXPECT_EQ(back.case_id, r.case_id);
    EXPECT_EQ(back.host, r.host);
    EXPECT_DOUBLE_EQ(back.started, r.started);
    EXPECT_DOUBLE_EQ(back.ended, r.ended);
    EXPECT_EQ(back.outcome.status, r.outcome.status);
    EXPECT_EQ(back.outcome.reason, r.outcome.reason);
    EXPECT_EQ(back.outcome.samples, r.outcome.samples);
}

TEST(Protocol, ResultRoundTripsWithEnvironmentAndComponents) {
    protocol::Result r;
    r.case_id = "py/1";
    r.host = "n2";
    r.started = 1;
    r.ended = 2;
    r.outcome.samples = {{"time", "s", 1, false, 3}};  // an integral value
    r.outcome.environment = {{"python.version", "3.12.1"}, {"threads", "1"}};
    r.outcome.components = {{"json.decoder", "import_self", "s", 0, true, 1e-5},
                            {"re", "import_cumulative", "s", 2, false, 2.5e-4}};
    const auto back = protocol::decode_result(protocol::encode(r));
    EXPECT_EQ(back.outcome.samples, r.outcome.samples);
    EXPECT_EQ(back.outcome.environment, r.outcome.environment);
    EXPECT_EQ(back.outcome.components, r.outcome.components);
}

TEST(Protocol, ResultDecodingSkipsUnknownKeysAndNeedsNoEnvironmentOrComponents) {
    const auto r = protocol::decode_result(
        R"({"case_id":"a","extra":{"x":[1,{"y":null}]},"host":"h","started":1,"ended":2.5,)"
        R"("outcome":{"status":"ok","reason":"","later":[[1]],"samples":{"metric":["t"],"unit":["s"],)"
        R"("repetition":[0],"warmup":[false],"value":[0.5],"note":"x"}}})");
    EXPECT_EQ(r.case_id, "a");
    EXPECT_DOUBLE_EQ(r.ended, 2.5);
    ASSERT_EQ(r.outcome.samples.size(), 1u);
    EXPECT_EQ(r.outcome.samples[0], (Sample{"t", "s", 0, false, 0.5}));
    EXPECT_TRUE(r.outcome.environment.empty());
    EXPECT_TRUE(r.outcome.components.empty());
}

TEST(Protocol, MalformedResultsAreRejectedNamingWhat) {
    const std::string samples =
        R"("samples":{"metric":["t"],"unit":["s"],"repetition":[0],"warmup":[false],"value":[1]})";
    const auto message = [&](const std::string& outcome_rest,
                             const std::string& top_rest = R"("started":1,"ended":2)") {
        return R"({"case_id":"a","host":"h",)" + top_rest + R"(,"outcome":{"status":"ok","reason":"")" + outcome_rest +
               "}}";
    };
    const auto error_of = [](const std::string& text) -> std::string {
        try {
            protocol::decode_result(text);
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "no error";
    };
    EXPECT_EQ(error_of(message("," + samples)), "no error");
    EXPECT_NE(error_of(message("")).find("no 'outcome.samples'"), std::string::npos);
    EXPECT_NE(error_of(message("," + samples, R"("started":1)")).find("no 'ended'"), std::string::npos);
    EXPECT_NE(error_of(message("," + samples, R"("started":"1","ended":2)")).find("'started' must be a number"),
              std::string::npos);
    EXPECT_NE(error_of(message(R"(,"samples":{"metric":["t","u"],"unit":["s"],"repetition":[0],"warmup":[false],)"
                               R"("value":[1]})"))
                  .find("column 'samples.unit' must be an array of 2 values"),
              std::string::npos);
    EXPECT_NE(error_of(message(R"(,"samples":{"metric":["t"],"unit":["s"],"repetition":[0],"warmup":[1],"value":[1]})"))
                  .find("column 'warmup' holds a number"),
              std::string::npos);
    EXPECT_NE(error_of(message("," + samples + R"(,"environment":[["k"]])")).find("[key, value] pair"),
              std::string::npos);
    EXPECT_NE(error_of(message("," + samples + R"(,"components":{"metric":[]})")).find("components.unit"),
              std::string::npos);
    EXPECT_NE(error_of(message("," + samples).substr(0, 40)).find("malformed result message"), std::string::npos);
}

TEST(Protocol, RelayFramesRoundTripInOrder) {
    const std::vector<protocol::Frame> frames{{3, protocol::result, R"({"case_id":"a"})"},
                                              {5, protocol::assign, std::string("x\0y", 3)},
                                              {3, protocol::stop, ""}};
    const auto back = protocol::decode_frames(protocol::encode_frames(frames));
    ASSERT_EQ(back.size(), 3u);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        EXPECT_EQ(back[i].rank, frames[i].rank);
        EXPECT_EQ(back[i].tag, frames[i].tag);
        EXPECT_EQ(back[i].payload, frames[i].payload);
    }
    EXPECT_TRUE(protocol::decode_frames("").empty());
}

TEST(Protocol, CutRelayIsRejected) {
    const std::string bytes = protocol::encode_frames({{1, protocol::result, "0123456789"}});
    EXPECT_THROW(protocol::decode_frames(bytes.substr(0, bytes.size() - 1)), std::runtime_error);
    EXPECT_THROW(protocol::decode_frames(bytes.substr(0, 5)), std::runtime_error);
}

TEST(Protocol, HelloRoundTrips) {
    protocol::Hello h;
    h.rank = 3;
    h.node = 1;
    h.host.host = "n1";
    h.host.cpu_model = "AMD EPYC";
    h.host.cores = 2;
    h.host.cpuset = "0-1";
    h.host.cpuset_size = 2;
    h.host.kernel = "Linux 4.4.0 x86_64";
    h.host.load1 = 0.5;
    h.host.gpus = 1;
    h.host.gpu_source = "CUDA_VISIBLE_DEVICES";
    h.host.environment = {{"OPENBLAS_CORETYPE", "Haswell"}};
    h.capabilities = {"cpu", "gpu"};
    const auto back = protocol::decode_hello(protocol::encode(h));
    EXPECT_EQ(back.rank, 3);
    EXPECT_EQ(back.node, 1);
    EXPECT_EQ(back.host.cpu_model, "AMD EPYC");
    EXPECT_EQ(back.host.gpus, 1);
    EXPECT_EQ(back.host.environment, h.host.environment);
    EXPECT_EQ(back.capabilities, h.capabilities);
}

TEST(Protocol, MalformedMessageIsAClearError) {
    try {
        protocol::decode_result("{not json");
        FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("malformed result message"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace perfmatrix
