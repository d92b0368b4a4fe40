// The `python` axis of interpreter specs in job files, against a fixed set of interpreters:
// values, `{python}` substitution, stable ids, errors at their place, and that jobs without
// such an axis never look for interpreters.

#include "orchestrator/interpreters/interpreter_catalog.hpp"
#include "orchestrator/interpreters/labels.hpp"
#include "orchestrator/job/job.hpp"
#include "tests/support/interpreter_fixtures.hpp"
#include "tests/support/job_test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using test::interpreter;
using S = InterpreterSource;
using Strings = std::vector<std::string>;

std::vector<Interpreter> machine(const std::string& v312 = "3.12.1") {
    std::vector<Interpreter> list{interpreter("2.7.18", S::pyenv, "/p/2.7.18/bin/python2.7"),
                                  interpreter("3.11.7", S::pyenv, "/p/3.11.7/bin/python3.11"),
                                  interpreter(v312, S::pyenv, "/p/" + v312 + "/bin/python3.12"),
                                  interpreter("3.13.0", S::pyenv, "/p/3.13.0/bin/python3.13")};
    assign_labels(list);
    return list;
}

// Counts what a job asks of its catalog.
class CountingCatalog final : public InterpreterCatalog {
public:
    explicit CountingCatalog(std::vector<Interpreter> list) : fixed_(std::move(list)) {}
    const std::vector<Interpreter>& found() override {
        ++calls;
        return fixed_.found();
    }
    const Interpreter& at_path(const std::string& path) override {
        ++calls;
        return fixed_.at_path(path);
    }
    std::string searched() const override { return fixed_.searched(); }
    int calls = 0;

private:
    FixedInterpreters fixed_;
};

Job parse_with(std::string_view raw, InterpreterCatalog& catalog) {
    return parse_job(test::job_text(raw), "job.toml", catalog);
}

JobError error_with(std::string_view raw, InterpreterCatalog& catalog) {
    return test::job_error_of([&] { parse_with(raw, catalog); }, raw);
}

// The whole message, not just a phrase of it.
void expect_at(const JobError& e, int line, int column, std::string_view message) {
    test::expect_job_error_at(e, line, column, message);
    EXPECT_EQ(e.message, message);
}

constexpr std::string_view kVersions = R"(
[[benchmark]]
name = "start"
kind = "spawn"
argv = ["{python}", "-c", "pass"]
env = { WHICH = "python {python}" }
[benchmark.matrix]
python = ["3.12", "3.11"]
)";

TEST(PythonAxis, TheValueIsTheSpecAndThePlaceholderThePath) {
    FixedInterpreters catalog(machine());
    const auto job = parse_with(kVersions, catalog);
    ASSERT_EQ(job.cases.size(), 2u);
    EXPECT_EQ(job.cases[0].axes, (std::vector<AxisValue>{{"python", "3.12"}}));
    EXPECT_EQ(job.cases[0].params["argv"][0], "/p/3.12.1/bin/python3.12");
    EXPECT_EQ(job.cases[0].params["env"]["WHICH"], "python /p/3.12.1/bin/python3.12");
    EXPECT_EQ(job.cases[1].axes, (std::vector<AxisValue>{{"python", "3.11"}}));
    EXPECT_EQ(job.cases[1].params["argv"][0], "/p/3.11.7/bin/python3.11");
    // What plan prints: each value and what it resolved to.
    ASSERT_EQ(job.benchmarks[0].python.size(), 2u);
    EXPECT_EQ(job.benchmarks[0].python[0].value, "3.12");
    EXPECT_EQ(job.benchmarks[0].python[0].label, "3.12.1");
    EXPECT_EQ(job.benchmarks[0].python[0].executable, "/p/3.12.1/bin/python3.12");
}

TEST(PythonAxis, IdsStayWhenThePatchVersionChanges) {
    FixedInterpreters before(machine("3.12.1")), after(machine("3.12.2"));
    const auto a = parse_with(kVersions, before);
    const auto b = parse_with(kVersions, after);
    EXPECT_EQ(a.cases[0].id, b.cases[0].id);
    EXPECT_NE(a.cases[0].params["argv"][0], b.cases[0].params["argv"][0]);
}

TEST(PythonAxis, AllExpandsToLabelsOfSupportedInterpreters) {
    FixedInterpreters catalog(machine());
    const auto job = parse_with(test::spawn_benchmark("start", R"(
argv = ["{python}", "-c", "pass"]
[benchmark.matrix]
python = ["all"]
n = [1, 2]
exclude = [{ python = "3.11.7", n = 2 }]
)"),
                                catalog);
    Strings cases;
    for (const auto& c : job.cases) {
        cases.push_back(
            fmt::format("{}={} {}", c.axes[0].value, c.axes[1].value, c.params["argv"][0].get<std::string>()));
    }
    EXPECT_EQ(cases, (Strings{"3.11.7=1 /p/3.11.7/bin/python3.11", "3.12.1=1 /p/3.12.1/bin/python3.12",
                              "3.12.1=2 /p/3.12.1/bin/python3.12", "3.13.0=1 /p/3.13.0/bin/python3.13",
                              "3.13.0=2 /p/3.13.0/bin/python3.13"}));
}

TEST(PythonAxis, AnIncludeAddingAnInterpreterIsResolvedToo) {
    FixedInterpreters catalog(machine());
    const auto job = parse_with(test::spawn_benchmark("start", R"(
argv = ["{python}", "{flag}", "-c", "pass"]
[benchmark.matrix]
python = ["3.12"]
flag = ["-S"]
include = [{ python = "3.13", flag = "-E" }]
)"),
                                catalog);
    ASSERT_EQ(job.cases.size(), 2u);
    EXPECT_EQ(job.cases[1].axes, (std::vector<AxisValue>{{"python", "3.13"}, {"flag", "-E"}}));
    EXPECT_EQ(job.cases[1].params["argv"][0], "/p/3.13.0/bin/python3.13");
}

TEST(PythonAxis, JobsWithoutOneNeverLookForInterpreters) {
    test::TempDir dir;
    dir.touch("bin/python3.12");
    CountingCatalog catalog(machine());
    const auto job = parse_with(fmt::format(R"(
[[benchmark]]
name = "glob"
kind = "spawn"
argv = ["{{python}}", "-c", "pass"]
[benchmark.matrix]
python = {{ glob = ["{}/bin/python*"] }}
[[benchmark]]
name = "list"
kind = "spawn"
argv = ["{{py}}"]
[benchmark.matrix]
py = ["3.12"]
)",
                                            dir.path().string()),
                                catalog);
    EXPECT_EQ(catalog.calls, 0);
    // A glob axis named python keeps its paths as values, unchanged.
    EXPECT_EQ(job.cases[0].axes[0].value, dir.path().string() + "/bin/python3.12");
    EXPECT_EQ(job.cases[0].params["argv"][0], dir.path().string() + "/bin/python3.12");
    EXPECT_TRUE(job.benchmarks[0].python.empty());
    EXPECT_EQ(job.cases[1].params["argv"][0], "3.12");
}

constexpr std::string_view kHead = R"(
[[benchmark]]
name = "b"
kind = "spawn"
argv = ["{python}"]
[benchmark.matrix]
)";

JobError axis_error(std::string_view axis_line) {
    FixedInterpreters catalog(machine());
    return error_with(std::string(kHead) + std::string(axis_line) + "\n", catalog);
}

TEST(PythonAxisErrors, NotFoundAtTheSpecListingWhatWasFound) {
    expect_at(axis_error(R"(python = ["3.12", "3.14"])"), 6, 19,
              "python '3.14' not found; found: 2.7.18 (unsupported), 3.11.7, 3.12.1, 3.13.0");
}

TEST(PythonAxisErrors, UnsupportedWhenNamed) {
    expect_at(axis_error(R"(python = ["2.7"])"), 6, 11,
              "python '2.7' is 2.7.18 (/p/2.7.18/bin/python2.7): unsupported (harness needs 3.6+)");
}

TEST(PythonAxisErrors, SpecsAreStrings) {
    // 3.10 as a TOML float is 3.1: the spec must be a string.
    expect_at(axis_error(R"(python = [3.10])"), 6, 11,
              "expected a string for a value of axis 'python' (an interpreter spec such as \"3.12\"), got float");
}

TEST(PythonAxisErrors, OneInterpreterOnce) {
    expect_at(axis_error(R"(python = ["3.12", "3.12.1"])"), 6, 19,
              "python '3.12.1' is 3.12.1 (/p/3.12.1/bin/python3.12), already in the axis as '3.12': list each "
              "interpreter once");
    expect_at(axis_error(R"(python = ["3.13", "all"])"), 6, 19,
              "python 'all' is 3.13.0 (/p/3.13.0/bin/python3.13), already in the axis as '3.13': list each "
              "interpreter once");
}

TEST(PythonAxisErrors, TheSameSpecTwice) {
    expect_at(axis_error(R"(python = ["3.12", "3.12"])"), 6, 19,
              "axis 'python' lists the value '3.12' twice: its cases would have the same id (duplicate case)");
}

TEST(PythonAxisErrors, EmptyAndNoSpec) {
    expect_at(axis_error(R"(python = [])"), 6, 10, "axis 'python' is empty: give it at least one value");
    test::expect_job_error_at(axis_error(R"(python = ["python3"])"), 6, 11,
                              "python 'python3' is not an interpreter spec");
}

TEST(PythonAxisErrors, AnIncludeNamingNothingFound) {
    expect_at(axis_error(R"(python = ["3.12"]
include = [{ python = "3.9" }])"),
              7, 23, "python '3.9' not found; found: 2.7.18 (unsupported), 3.11.7, 3.12.1, 3.13.0");
}

}  // namespace
}  // namespace perfmatrix
