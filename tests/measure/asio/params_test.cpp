// The asio kinds' parameters, through the same Kind::check that job loading uses.
#include "measure/asio/coroutine_params.hpp"
#include "measure/asio/post_params.hpp"
#include "measure/asio/tcp_echo_params.hpp"
#include "measure/asio/timer_params.hpp"
#include "measure/kind_registry.hpp"
#include "measure/model/kind.hpp"
#include "measure/model/runner.hpp"

#include <gtest/gtest.h>

#include <string>

namespace perfmatrix {
namespace {

using json = nlohmann::json;

// The parameter a check points at, or "<ok>" when it accepts.
std::string rejected(const std::string& kind, const json& params) {
    const Kind* spec = find_kind(kind);
    if (!spec || !spec->check) return "<no check>";
    const auto problem = spec->check(params);
    return problem ? problem->param : "<ok>";
}

TEST(AsioParams, EveryKindIsKnownAndHasARunner) {
    for (const char* kind : {"asio_post", "asio_timer", "asio_coroutine", "asio_tcp_echo"}) {
        const Kind* spec = find_kind(kind);
        ASSERT_NE(spec, nullptr) << kind;
        EXPECT_FALSE(spec->summary.empty());
        EXPECT_NE(spec->find_param("min_batch_time"), nullptr) << kind;
        EXPECT_NE(make_runner(kind), nullptr) << kind;
        EXPECT_EQ(rejected(kind, json::object()), "<ok>") << kind << ": every parameter has a default";
    }
}

TEST(AsioParams, DefaultsAreFilledIn) {
    const auto post = std::get<asio_bench::PostParams>(asio_bench::parse_post_params(json::object()));
    EXPECT_EQ(post.mode, asio_bench::PostMode::post);
    EXPECT_EQ(post.threads, 1);
    EXPECT_EQ(post.handlers, 0u);
    EXPECT_DOUBLE_EQ(post.min_batch_time, 0.02);
    const auto echo = std::get<asio_bench::TcpEchoParams>(asio_bench::parse_tcp_echo_params(json::object()));
    EXPECT_EQ(echo.connections, 4);
    EXPECT_EQ(echo.message_bytes, 64u);
    const auto timer = std::get<asio_bench::TimerParams>(asio_bench::parse_timer_params({{"delay", 0.001}}));
    EXPECT_DOUBLE_EQ(timer.delay, 0.001);
    const auto co = std::get<asio_bench::CoroutineParams>(asio_bench::parse_coroutine_params({{"mode", "ready"}}));
    EXPECT_EQ(co.mode, asio_bench::CoroutineMode::ready);
}

TEST(AsioParams, BadValuesPointAtTheirParameter) {
    EXPECT_EQ(rejected("asio_post", {{"mode", "defer"}}), "mode");
    EXPECT_EQ(rejected("asio_post", {{"mode", 1}}), "mode");
    EXPECT_EQ(rejected("asio_post", {{"threads", 0}}), "threads");
    EXPECT_EQ(rejected("asio_post", {{"threads", 2.5}}), "threads");
    EXPECT_EQ(rejected("asio_post", {{"handlers", -1}}), "handlers");
    EXPECT_EQ(rejected("asio_post", {{"min_batch_time", 0}}), "min_batch_time");
    EXPECT_EQ(rejected("asio_post", {{"threds", 2}}), "threds");
    EXPECT_EQ(rejected("asio_timer", {{"delay", -0.1}}), "delay");
    EXPECT_EQ(rejected("asio_timer", {{"timers", 0}}), "timers");
    EXPECT_EQ(rejected("asio_coroutine", {{"mode", "post"}}), "mode");
    EXPECT_EQ(rejected("asio_tcp_echo", {{"connections", 257}}), "connections");
    EXPECT_EQ(rejected("asio_tcp_echo", {{"message_bytes", 0}}), "message_bytes");
    EXPECT_EQ(rejected("asio_tcp_echo", {{"host", "10.0.0.1"}}), "host");
    EXPECT_EQ(rejected("asio_tcp_echo", json::array()), "");  // the table itself is wrong: no parameter to point at
}

TEST(AsioParams, CrossFieldLimitsDependOnOtherParameters) {
    // timers x waves and connections x messages bound the per-batch tables.
    EXPECT_EQ(rejected("asio_timer", {{"timers", 100000}, {"waves", 41}}), "<ok>");
    EXPECT_EQ(rejected("asio_timer", {{"timers", 100000}, {"waves", 42}}), "waves");
    EXPECT_EQ(rejected("asio_tcp_echo", {{"connections", 256}, {"messages", 16384}}), "<ok>");
    EXPECT_EQ(rejected("asio_tcp_echo", {{"connections", 256}, {"messages", 16385}}), "messages");
}

TEST(AsioParams, RunnerReportsBadParametersAsError) {
    Case c;
    c.kind = "asio_post";
    c.params = {{"mode", "sideways"}};
    const CaseOutcome o = make_runner("asio_post")->run(c, {});
    EXPECT_EQ(o.status, status::error);
    EXPECT_NE(o.reason.find("mode"), std::string::npos) << o.reason;
}

}  // namespace
}  // namespace perfmatrix
