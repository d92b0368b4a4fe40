// `requirements` in job files, against fixed interpreters and an environment cache the test
// fills by hand: the key's checks at their place, the error naming missing environments and
// the prepare command, `{python}` pointing into ready environments, failed ones skipping their
// cases, and what a case's record gets.

#include "orchestrator/environments/env_manifest.hpp"
#include "orchestrator/interpreters/interpreter_catalog.hpp"
#include "orchestrator/interpreters/labels.hpp"
#include "orchestrator/job/job.hpp"
#include "orchestrator/job/python_environments.hpp"
#include "tests/support/interpreter_fixtures.hpp"
#include "tests/support/job_test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;
using S = InterpreterSource;
using Entries = std::vector<std::pair<std::string, std::string>>;

std::vector<Interpreter> machine() {
    std::vector<Interpreter> list{test::interpreter("3.12.1", S::pyenv, "/p/3.12.1/bin/python3.12"),
                                  test::interpreter("3.13.0", S::pyenv, "/p/3.13.0/bin/python3.13")};
    assign_labels(list);
    return list;
}

EnvSpec spec_of(const std::string& version, std::vector<std::string> requirements) {
    const auto minor = version.substr(0, version.rfind('.'));
    return {version, "/p/" + version + "/bin/python" + minor, version, std::move(requirements)};
}

class RequirementsJob : public ::testing::Test {
protected:
    Job parse(std::string_view raw, bool require_prepared = true) {
        FixedInterpreters catalog(machine());
        return parse_job(test::job_text(raw), "job.toml", catalog,
                         EnvOptions{cache_.path().string(), require_prepared});
    }
    JobError error(std::string_view raw, bool require_prepared = true) {
        return test::job_error_of([&] { parse(raw, require_prepared); }, raw);
    }
    // An environment as prepare leaves it.
    fs::path prepared(const EnvSpec& spec, bool ok, const std::string& reason = "") {
        EnvManifest m;
        m.env = spec;
        m.ok = ok;
        m.reason = reason;
        if (ok) m.packages = {{"numpy", "2.1.3"}, {"pip", "23.2.1"}};
        m.pip_version = "23.2.1";
        m.created = "2026-11-26T20:01:02Z";
        const auto dir = cache_.path() / env_dir_name(spec);
        if (ok) cache_.script(fs::relative(dir / "bin/python", cache_.path()).string(), "#!/bin/sh\n");
        fs::create_directories(dir);
        write_manifest(dir, m);
        return dir;
    }
    test::TempDir cache_;
};

constexpr std::string_view kNumpy = R"(
[[benchmark]]
name = "np"
kind = "spawn"
argv = ["{python}", "-c", "import numpy"]
requirements = ["NumPy"]
[benchmark.matrix]
python = ["3.12", "3.13"]
)";

using test::expect_job_error_at;
using test::spawn_benchmark;

TEST_F(RequirementsJob, NeedsAPythonAxisOfSpecs) {
    expect_job_error_at(error(spawn_benchmark("np", R"(
argv = ["python3"]
requirements = ["numpy"]
)")),
                        5, 16, "'requirements' needs a matrix axis 'python' of interpreter specs");
    expect_job_error_at(error(spawn_benchmark("np", R"(
argv = ["{python}"]
requirements = ["numpy"]
[benchmark.matrix]
python = { glob = ["/bin/s[h]"] }
)")),
                        5, 16, "a glob axis lists paths");
}

TEST_F(RequirementsJob, EachRequirementIsCheckedAtItsPlace) {
    // Each `requirements` line (line 5 of the job) with where and what its error says.
    const struct {
        std::string_view requirements;
        int column;
        std::string_view phrase;
    } cases[] = {
        {R"(["numpy", "--index-url https://x.org/simple"])", 26,
         "invalid value for 'requirements': '--index-url https://x.org/simple' is a pip option"},
        {R"(["numpy", 2])", 26, "expected a string for an element of 'requirements', got integer"},
        {"[]", 16, "expected at least one requirement"},
        {R"("numpy")", 16, "expected an array for 'requirements', got string"},
        {R"(["numpy", "NumPy<2"])", 26, "'NumPy<2' names package 'numpy' again (first in 'numpy')"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.requirements);
        expect_job_error_at(error(spawn_benchmark("np", fmt::format(R"(
argv = ["{{python}}"]
requirements = {}
[benchmark.matrix]
python = ["3.12"]
)",
                                                                    c.requirements))),
                            5, c.column, c.phrase);
    }
}

TEST_F(RequirementsJob, MissingEnvironmentsAreOneErrorWithThePrepareCommand) {
    const auto e = error(kNumpy);
    expect_job_error_at(e, 5, 16, "2 Python environments are not prepared in " + cache_.path().string());
    const auto dir312 = (cache_.path() / env_dir_name(spec_of("3.12.1", {"numpy"}))).string();
    EXPECT_NE(e.message.find("python 3.12 (3.12.1, /p/3.12.1/bin/python3.12) with numpy: not prepared (" + dir312 +
                             ")"),
              std::string::npos)
        << e.message;
    EXPECT_NE(e.message.find("python 3.13 (3.13.0, /p/3.13.0/bin/python3.13) with numpy"), std::string::npos);
    EXPECT_NE(e.message.find("prepare them with: perfmatrix prepare job.toml --env-cache " + cache_.path().string()),
              std::string::npos)
        << e.message;
}

TEST_F(RequirementsJob, PrepareLearnsWhatToMake) {
    // A second benchmark with the same set, spelled otherwise, needs no environment of its own.
    const auto job = parse(std::string(kNumpy) + R"(
[[benchmark]]
name = "np-again"
kind = "spawn"
argv = ["{python}"]
requirements = ["numpy"]
[benchmark.matrix]
python = ["3.13"]
)",
                           false);
    EXPECT_EQ(job.benchmarks[0].requirements, std::vector<std::string>{"numpy"});
    // The error run would give is kept for plan, which prints the plan first.
    ASSERT_TRUE(job.missing_environments);
    EXPECT_EQ(job.missing_environments->line, 5);
    EXPECT_NE(job.missing_environments->message.find("2 Python environments are not prepared"), std::string::npos);
    EXPECT_EQ(environments_needed(job),
              (std::vector<EnvSpec>{spec_of("3.12.1", {"numpy"}), spec_of("3.13.0", {"numpy"})}));
    // Not prepared: `{python}` is still the interpreter.
    EXPECT_EQ(job.cases[0].params["argv"][0], "/p/3.12.1/bin/python3.12");
}

TEST_F(RequirementsJob, ReadyEnvironmentsRunAndFailedOnesSkip) {
    const auto ready = prepared(spec_of("3.12.1", {"numpy"}), true);
    prepared(spec_of("3.13.0", {"numpy"}), false, "No matching distribution found for numpy");
    const auto job = parse(kNumpy);
    ASSERT_EQ(job.cases.size(), 2u);

    EXPECT_EQ(job.cases[0].params["argv"][0], (ready / "bin/python").string());
    const auto ok = case_environment(job, job.cases[0]);
    EXPECT_EQ(ok.skip_reason, "");
    EXPECT_EQ(ok.entries, (Entries{{"python_env.dir", ready.string()},
                                   {"python_env.state", "ok"},
                                   {"python_env.interpreter", "/p/3.12.1/bin/python3.12"},
                                   {"python_env.requirements", "numpy"},
                                   {"python_env.pip", "23.2.1"},
                                   {"python_env.created", "2026-11-26T20:01:02Z"},
                                   {"python_env.package.numpy", "2.1.3"},
                                   {"python_env.package.pip", "23.2.1"}}));

    EXPECT_EQ(job.cases[1].params["argv"][0], "/p/3.13.0/bin/python3.13");
    const auto skipped = case_environment(job, job.cases[1]);
    EXPECT_NE(skipped.skip_reason.find("failed to install: No matching distribution found for numpy"),
              std::string::npos)
        << skipped.skip_reason;
    EXPECT_EQ(skipped.entries[1], (std::pair<std::string, std::string>{"python_env.state", "failed"}));

    // What plan prints comes from here.
    const auto& python = job.benchmarks[0].python;
    ASSERT_EQ(python.size(), 2u);
    EXPECT_EQ(python[0].env->state, EnvState::ok);
    EXPECT_EQ(python[0].interpreter, "/p/3.12.1/bin/python3.12");
    EXPECT_EQ(python[1].env->state, EnvState::failed);
}

TEST_F(RequirementsJob, CasesWithoutRequirementsRecordNothing) {
    const auto job = parse(R"(
[[benchmark]]
name = "plain"
kind = "spawn"
argv = ["{python}"]
[benchmark.matrix]
python = ["3.12"]
)");
    EXPECT_TRUE(case_environment(job, job.cases[0]).entries.empty());
    EXPECT_FALSE(job.benchmarks[0].python[0].env);
}

TEST_F(RequirementsJob, TheJobCanNameItsCache) {
    test::ScopedEnv no_variable(kEnvCacheVariable, "");
    FixedInterpreters catalog(machine());
    const auto job = parse_job(test::job_text(R"(
[job]
env_cache = "/shared/envs"
[[benchmark]]
name = "np"
kind = "spawn"
argv = ["{python}"]
requirements = ["numpy"]
[benchmark.matrix]
python = ["3.12"]
)"),
                               "job.toml", catalog, EnvOptions{"", false});
    EXPECT_EQ(job.env_cache.dir, "/shared/envs");
    EXPECT_EQ(job.env_cache.source, EnvCacheSource::job);
    EXPECT_EQ(fs::path(job.benchmarks[0].python[0].env->dir).parent_path(), "/shared/envs");
    // The job's own cache needs no --env-cache in the prepare command.
    EXPECT_TRUE(missing_environments_message(job).ends_with("perfmatrix prepare job.toml"));
}

}  // namespace
}  // namespace perfmatrix
