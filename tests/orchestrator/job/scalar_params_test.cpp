// Integer, number and boolean parameters may come from the matrix: written as a string with a
// placeholder, they are converted to the declared type per case (spawn's expect_exit and
// capture_bytes are integers).

#include "tests/support/job_test_support.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using test::parse;

TEST(ScalarParams, AnIntegerParameterTakesItsValueFromAnAxis) {
    const Job job = parse(test::spawn_benchmark("codes", R"(
argv = ["/bin/sh", "-c", "exit {code}"]
expect_exit = "{code}"
[benchmark.matrix]
code = [0, 3]
)"));
    ASSERT_EQ(job.cases.size(), 2u);
    EXPECT_EQ(job.cases[0].params.at("expect_exit"), 0);
    EXPECT_EQ(job.cases[1].params.at("expect_exit"), 3);
    EXPECT_TRUE(job.cases[1].params.at("expect_exit").is_number_integer());
}

TEST(ScalarParams, AValueThatIsNotOfTheTypeFailsAtTheString) {
    const JobError e = test::expect_job_error(test::spawn_benchmark("codes", R"(
argv = ["/bin/true"]
expect_exit = "{code}"
[benchmark.matrix]
code = [0, "three"]
)"),
                                              5, 15, "expected an integer for 'expect_exit', got \"three\"");
    EXPECT_NE(e.message.find("code=three"), std::string::npos) << e.what();
}

TEST(ScalarParams, AWrittenIntegerStillWorksAndAWrongTypeIsStillRejected) {
    EXPECT_EQ(parse(test::spawn_benchmark("x", R"(
argv = ["/bin/true"]
expect_exit = 1
)"))
                  .cases[0]
                  .params.at("expect_exit"),
              1);
    test::expect_job_error(test::spawn_benchmark("x", R"(
argv = ["/bin/true"]
expect_exit = 1.5
)"),
                           5, 15, "integer");
}

}  // namespace
}  // namespace perfmatrix
