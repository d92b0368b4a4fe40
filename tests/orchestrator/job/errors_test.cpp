// One test per class of job file error: each asserts the exact file:line:col and a phrase of
// the message that says what was expected.

#include "orchestrator/job/job.hpp"
#include "tests/support/job_test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using test::expect_job_error;
using test::expect_job_error_at;
using test::job_error;
using test::spawn_benchmark;

// Most texts here are spawn_benchmark("a", ...): the header is lines 1 to 3, so the first line
// of the raw string is line 4.

TEST(JobErrors, TomlSyntaxErrorAtTheOffendingCharacter) {
    expect_job_error(R"(
[[benchmark]]
name = "a"
kind = "spawn" x
)",
                     3, 16, "TOML syntax error");
}

TEST(JobErrors, UnknownTopLevelKeySuggestsTheNearest) {
    const auto e = expect_job_error(R"(
[job]
name = "j"

[[benchmarks]]
name = "a"
)",
                                    4, 3, "unknown key 'benchmarks'");
    EXPECT_NE(e.message.find("did you mean 'benchmark'?"), std::string::npos) << e.what();
}

TEST(JobErrors, UnknownKeyInJobTable) {
    expect_job_error(R"(
[job]
nmae = "j"
)",
                     2, 1, "did you mean 'name'?");
}

TEST(JobErrors, UnknownKeyInDefaultsSuggestsTheNearest) {
    expect_job_error(R"(
[defaults]
warmup = 1
repetition = 5
)",
                     3, 1, "unknown key 'repetition' in [defaults]; did you mean 'repetitions'?");
}

TEST(JobErrors, UnknownKeyInBenchmarkKnowsTheKindsParameters) {
    expect_job_error(spawn_benchmark("a", R"(
argvv = ["/bin/true"]
)"),
                     4, 1, "unknown key 'argvv' in benchmark 'a'; did you mean 'argv'?");
}

TEST(JobErrors, UnknownKeyWithNothingCloseHasNoSuggestion) {
    const auto e = expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/true"]
frobnicate = 1
)"),
                                    5, 1, "unknown key 'frobnicate'");
    EXPECT_EQ(e.message.find("did you mean"), std::string::npos) << e.what();
}

TEST(JobErrors, ExcludeKeyMustBeAnAxis) {
    expect_job_error(
        spawn_benchmark("a", R"(
argv = ["/bin/echo", "{size}"]
[benchmark.matrix]
size = [1, 2]
exclude = [{ szie = 1 }]
)"),
        7, 14, "unknown key 'szie' in exclude entry: not an axis of benchmark 'a' (axes: size); did you mean 'size'?");
}

TEST(JobErrors, UnknownKeyInGlobAxis) {
    expect_job_error(spawn_benchmark("a", R"(
argv = ["{p}"]
matrix.p = { globs = ["/bin/sh"] }
)"),
                     5, 14, "unknown key 'globs' in glob axis 'p'; did you mean 'glob'?");
}

TEST(JobErrors, WrongTypeOfSetting) {
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/true"]
warmup = "2"
)"),
                     5, 10, "expected an integer for 'warmup', got string");
}

TEST(JobErrors, WrongTypeOfListElementPointsAtTheElement) {
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/echo", 3]
)"),
                     4, 22, "expected a string for element 2 of 'argv', got integer");
}

TEST(JobErrors, BenchmarkMustBeAnArrayOfTables) {
    expect_job_error(R"(
[benchmark]
name = "a"
)",
                     1, 1, "expected an array of tables for 'benchmark' (write [[benchmark]]), got table");
}

TEST(JobErrors, BenchmarkElementsMustBeTables) {
    expect_job_error(R"(
benchmark = [{ name = "a", kind = "spawn", argv = ["/bin/true"] }, "b"]
)",
                     1, 68, "expected a table for element 2 of 'benchmark', got string");
}

TEST(JobErrors, MissingNameAtTheBenchmarkTable) {
    expect_job_error(spawn_benchmark("ok", R"(
argv = ["/bin/true"]

[[benchmark]]
kind = "spawn"
argv = ["/bin/true"]
)"),
                     6, 1, "missing required key 'name'");
}

TEST(JobErrors, MissingKindAtTheBenchmarkTable) {
    expect_job_error(R"(
# comment
[[benchmark]]
name = "a"
argv = ["/bin/true"]
)",
                     2, 1, "benchmark 'a' is missing required key 'kind'");
}

TEST(JobErrors, MissingRequiredKindParameterAtTheBenchmarkTable) {
    expect_job_error(spawn_benchmark("a", R"(
)"),
                     1, 1, "benchmark 'a' is missing required key 'argv'");
}

TEST(JobErrors, NegativeRepetitions) {
    expect_job_error(R"(
[defaults]
repetitions = -3
)",
                     2, 15, "invalid value for 'repetitions': expected an integer from 1");
}

TEST(JobErrors, NegativeMinTime) {
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/true"]
min_time = -0.5
)"),
                     5, 12,
                     "invalid value for 'min_time': expected a number of seconds >= 0 and at most 1e+06, got -0.5");
}

// 1e12 s used to end every sample at once ("timeout: no exit after 1000000000000.0 s"): the
// duration overflowed the clock's integer nanoseconds.
TEST(JobErrors, HugeDurationsAreRefused) {
    for (const char* value : {"1e12", "1e18", "1e19", "1e300", "1000001"}) {
        expect_job_error(fmt::format(R"(
[defaults]
timeout = {}
)",
                                     value),
                         2, 11, "invalid value for 'timeout': expected a number of seconds > 0 and at most 1e+06, got");
        expect_job_error(fmt::format(R"(
[defaults]
min_time = {}
)",
                                     value),
                         2, 12, "invalid value for 'min_time'");
    }
}

TEST(JobErrors, ZeroTimeout) {
    expect_job_error(R"(
[defaults]
timeout = 0
)",
                     2, 11, "invalid value for 'timeout'");
}

TEST(JobErrors, MaxRepetitionsBelowRepetitions) {
    expect_job_error(R"(
[defaults]
max_repetitions = 5

[[benchmark]]
name = "a"
kind = "spawn"
argv = ["/bin/true"]
repetitions = 8
)",
                     2, 19, "invalid value for 'max_repetitions': expected at least repetitions (8), got 5");
}

TEST(JobErrors, BadPlacement) {
    expect_job_error(R"(
[defaults]
placement = "alone"
)",
                     2, 13, "invalid value for 'placement': expected \"exclusive\" or \"shared\", got \"alone\"");
}

TEST(JobErrors, UnknownCapabilityInRequires) {
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/true"]
requires = ["cpu", "gpus"]
)"),
                     5, 20, "unknown capability 'gpus' (known: cpu, gpu); did you mean 'gpu'?");
}

TEST(JobErrors, BadBenchmarkName) {
    expect_job_error(R"(
[[benchmark]]
name = "my bench"
kind = "spawn"
argv = ["/bin/true"]
)",
                     2, 8, "'my bench' is not a valid benchmark name");
}

TEST(JobErrors, BenchmarkNameTooLong) {
    constexpr std::string_view rest = R"(
argv = ["/bin/true"]
)";
    expect_job_error(spawn_benchmark(std::string(49, 'x'), rest), 2, 8, "at most 48 characters");
    // 48 characters are fine.
    EXPECT_NO_THROW(test::parse(spawn_benchmark(std::string(48, 'x'), rest)));
}

TEST(JobErrors, EmptyAxis) {
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/echo", "{n}"]
matrix.n = []
)"),
                     5, 12, "axis 'n' is empty");
}

TEST(JobErrors, GlobAxisMatchingNothing) {
    test::TempDir dir;
    const auto e = job_error(spawn_benchmark("a", fmt::format(R"(
argv = ["{{python}}"]
[benchmark.matrix]
python = {{ glob = ["{0}/nothing-*", "{0}/also-not"] }}
)",
                                                              dir.path().string())));
    expect_job_error_at(e, 6, 19,
                        fmt::format("axis 'python': no file matches any of '{0}/nothing-*', '{0}/also-not'",
                                    dir.path().string()));
}

TEST(JobErrors, AxisValueOfWrongType) {
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/echo", "{n}"]
matrix.n = [1, [2]]
)"),
                     5, 16, "expected a string, integer, float or boolean for a value of axis 'n', got array");
}

TEST(JobErrors, NulInAxisValue) {
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/echo", "{s}"]
matrix.s = ["ok", "a\u0000b"]
)"),
                     5, 19, "invalid value for a value of axis 's': a NUL character");
}

// docs/job-files.md lists NUL as invalid; it used to reach argv and be cut there silently.
TEST(JobErrors, NulInAKindParameterString) {
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/echo", "a\u0000b"]
)"),
                     4, 22, "invalid value for element 2 of 'argv': a NUL character");
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/true"]
env = { X = "1\u0000" }
)"),
                     5, 13, "invalid value for 'X' in 'env': a NUL character");
}

TEST(JobErrors, UnknownKindListsTheKnownOnes) {
    const auto e = expect_job_error(R"(
[[benchmark]]
name = "a"
kind = "spwan"
argv = ["/bin/true"]
)",
                                    3, 8, "unknown kind 'spwan' (known kinds: ");
    // The list grows as kinds are added; spawn is always in it.
    EXPECT_NE(e.message.find("spawn"), std::string::npos) << e.what();
    EXPECT_NE(e.message.find("; did you mean 'spawn'?"), std::string::npos) << e.what();
}

TEST(JobErrors, PlaceholderNamingNoAxis) {
    expect_job_error(spawn_benchmark("x", R"(
argv = ["{python}", "-c", "{foo}"]
[benchmark.matrix]
python = ["/usr/bin/python3"]
n = [1, 2]
)"),
                     4, 27, "placeholder {foo} names no axis of benchmark 'x' (axes: python, n)");
}

TEST(JobErrors, PlaceholderForAnIncludeOnlyKeyMissingFromSomeCase) {
    expect_job_error(spawn_benchmark("x", R"(
argv = ["/bin/echo", "{label}"]
[benchmark.matrix]
n = [1, 2]
include = [{ n = 2, label = "two" }]
)"),
                     4, 22, "placeholder {label} names no axis of the case (n=1) of benchmark 'x' (axes: n)");
}

TEST(JobErrors, PlaceholderWithALoneBrace) {
    expect_job_error(spawn_benchmark("x", R"(
argv = ["/bin/sh", "-c", "f() { :; }"]
)"),
                     4, 26, "in 'argv': '{ :; }' is not a placeholder");
}

TEST(JobErrors, DuplicateAxisValuesAtTheSecondOccurrence) {
    expect_job_error(spawn_benchmark("x", R"(
argv = ["/bin/echo", "{n}"]
matrix.n = [1, 2, 1]
)"),
                     5, 19, "axis 'n' lists the value '1' twice");
}

TEST(JobErrors, ValuesEqualAsTextAreDuplicates) {
    // The case id sees text, so 1 and "1" are the same value.
    expect_job_error(spawn_benchmark("x", R"(
argv = ["/bin/echo", "{n}"]
matrix.n = [1, "1"]
)"),
                     5, 16, "duplicate case");
}

TEST(JobErrors, IncludeDuplicatingAnAddedCase) {
    expect_job_error(spawn_benchmark("x", R"(
argv = ["/bin/echo", "{n}"]
[benchmark.matrix]
n = [1, 2]
include = [
  { n = 8, label = "big" },
  { n = 8, label = "big" },
]
)"),
                     9, 3, "duplicate case: (n=8, label=big) of benchmark 'x' already exists");
}

TEST(JobErrors, ExcludeRemovingEverything) {
    expect_job_error(spawn_benchmark("x", R"(
argv = ["/bin/echo", "{n}"]
[benchmark.matrix]
n = [1]
exclude = [{ n = 1 }]
)"),
                     5, 1, "benchmark 'x' has no cases");
}

TEST(JobErrors, NoBenchmarks) {
    expect_job_error(R"(
[job]
name = "empty"
)",
                     1, 1, "the job has no benchmarks");
    expect_job_error("", 1, 1, "the job has no benchmarks");
    expect_job_error("benchmark = []", 1, 13, "the job has no benchmarks");
}

TEST(JobErrors, DuplicateBenchmarkNamesAtTheSecond) {
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/true"]

[[benchmark]]
name = "a"
kind = "spawn"
argv = ["/bin/false"]
)"),
                     7, 8, "duplicate benchmark name 'a' (first declared on line 1)");
}

TEST(JobErrors, KindCheckPointsAtTheParameter) {
    // spawn's own check: a teardown signal needs a ready pattern.
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/sleep", "1"]
teardown_signal = "TERM"
)"),
                     5, 19, "invalid value for 'teardown_signal' of benchmark 'a'");
}

TEST(JobErrors, KindCheckSeesSubstitutedValues) {
    // The regex is only invalid once the axis value is in it, so the check must run per case.
    expect_job_error(spawn_benchmark("a", R"(
argv = ["/bin/echo", "ready"]
ready_pattern = "{re}"
matrix.re = ["^ready$", "(unclosed"]
)"),
                     5, 17, "(case re=(unclosed)");
}

TEST(JobErrors, UnreadableFileHasNoPosition) {
    test::TempDir dir;
    const auto missing = dir.path() / "missing.toml";
    try {
        load_job(missing);
        FAIL() << "no JobError";
    } catch (const JobError& e) {
        EXPECT_EQ(e.file, missing.string());
        EXPECT_EQ(e.line, 0);
        EXPECT_EQ(e.column, 0);
        EXPECT_EQ(std::string(e.what()), missing.string() + ":0:0: cannot read job file: No such file or directory");
    }
}

}  // namespace
}  // namespace perfmatrix
