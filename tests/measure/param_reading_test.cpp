#include "measure/param_reading.hpp"

#include <gtest/gtest.h>

#include <string>

namespace perfmatrix {
namespace {

using json = nlohmann::json;

// The problem min_batch_time_param reports, or "" when it accepts the value.
std::string min_batch_time_problem(const json& params) {
    auto parsed = parse_params([&] { return min_batch_time_param(params, kCallLoopMinBatchTime); });
    const auto* problem = std::get_if<ParamProblem>(&parsed);
    return problem ? problem->param + ": " + problem->message : "";
}

TEST(MinBatchTime, AbsentIsTheFamilysDefault) {
    EXPECT_DOUBLE_EQ(min_batch_time_param(json::object(), kThreadedMinBatchTime), 0.05);
    EXPECT_DOUBLE_EQ(min_batch_time_param(json::object(), kEventLoopMinBatchTime), 0.02);
    EXPECT_DOUBLE_EQ(min_batch_time_param(json::object(), kCallLoopMinBatchTime), 0.01);
}

// Every value some family accepted before they shared this reader is still accepted.
TEST(MinBatchTime, AcceptsMoreThanZeroUpToAnHour) {
    for (double seconds : {1e-6, 1e-4, 0.001, 10.0, 3600.0}) {
        EXPECT_EQ(min_batch_time_problem({{"min_batch_time", seconds}}), "") << seconds;
    }
    EXPECT_DOUBLE_EQ(min_batch_time_param({{"min_batch_time", 2}}, kCallLoopMinBatchTime), 2.0);
}

TEST(MinBatchTime, RejectsOthersNamingTheParameterAndTheRange) {
    for (double seconds : {0.0, -1.0, 3600.5}) {
        EXPECT_EQ(min_batch_time_problem({{"min_batch_time", seconds}}),
                  "min_batch_time: must be more than 0 and at most 3600 seconds")
            << seconds;
    }
    EXPECT_EQ(min_batch_time_problem({{"min_batch_time", "0.1"}}), "min_batch_time: expected a number (seconds)");
}

TEST(InvalidParamsOutcome, NamesTheKindAndTheParameter) {
    const CaseOutcome o = invalid_params_outcome("asio_post", ParamProblem{"threads", "must be between 1 and 64"});
    EXPECT_EQ(o.status, status::error);
    EXPECT_EQ(o.reason, "invalid asio_post parameter 'threads': must be between 1 and 64");
    EXPECT_TRUE(o.samples.empty());
}

}  // namespace
}  // namespace perfmatrix
