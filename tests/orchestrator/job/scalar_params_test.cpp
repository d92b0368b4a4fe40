// Integer, number and boolean parameters may come from the matrix: written as a string with a
// placeholder, they are converted to the declared type per case (spawn's expect_exit and
// capture_bytes are integers).

#include "tests/support/job_test_support.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using test::job_error;
using test::parse;

TEST(ScalarParams, AnIntegerParameterTakesItsValueFromAnAxis) {
    const Job job = parse(R"(
[[benchmark]]
name = "codes"
kind = "spawn"
argv = ["/bin/sh", "-c", "exit {code}"]
expect_exit = "{code}"
[benchmark.matrix]
code = [0, 3]
)");
    ASSERT_EQ(job.cases.size(), 2u);
    EXPECT_EQ(job.cases[0].params.at("expect_exit"), 0);
    EXPECT_EQ(job.cases[1].params.at("expect_exit"), 3);
    EXPECT_TRUE(job.cases[1].params.at("expect_exit").is_number_integer());
}

TEST(ScalarParams, AValueThatIsNotOfTheTypeFailsAtTheString) {
    const JobError e = job_error(R"(
[[benchmark]]
name = "codes"
kind = "spawn"
argv = ["/bin/true"]
expect_exit = "{code}"
[benchmark.matrix]
code = [0, "three"]
)");
    EXPECT_EQ(e.line, 5);
    EXPECT_EQ(e.column, 15);
    EXPECT_NE(e.message.find("expected an integer for 'expect_exit', got \"three\""), std::string::npos)
        << e.what();
    EXPECT_NE(e.message.find("code=three"), std::string::npos) << e.what();
}

TEST(ScalarParams, AWrittenIntegerStillWorksAndAWrongTypeIsStillRejected) {
    EXPECT_EQ(parse(R"(
[[benchmark]]
name = "x"
kind = "spawn"
argv = ["/bin/true"]
expect_exit = 1
)")
                  .cases[0]
                  .params.at("expect_exit"),
              1);
    const JobError e = job_error(R"(
[[benchmark]]
name = "x"
kind = "spawn"
argv = ["/bin/true"]
expect_exit = 1.5
)");
    EXPECT_EQ(e.line, 5);
    EXPECT_NE(e.message.find("integer"), std::string::npos) << e.what();
}

}  // namespace
}  // namespace perfmatrix
