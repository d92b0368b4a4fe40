// Probing real processes: fake interpreters (scripts) that misbehave, a fake shim in front of
// a real interpreter, and this machine's interpreters where they exist.

#include "orchestrator/helpers/helper_command.hpp"
#include "orchestrator/interpreters/probe.hpp"
#include "tests/support/interpreter_fixtures.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <optional>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

const ProbeOptions kQuick{5.0};

std::string real(const fs::path& p) { return fs::canonical(p).string(); }

// Some real interpreter of 3.6+ on this machine, or nothing.
std::optional<std::string> some_real_python3() {
    for (const char* p : {"/usr/bin/python3"}) {
        if (fs::exists(p)) return p;
    }
    const char* home = ::getenv("HOME");
    if (!home) return std::nullopt;
    std::error_code ec;
    for (fs::directory_iterator it(fs::path(home) / ".pyenv/versions", ec), end; !ec && it != end; it.increment(ec)) {
        const auto name = it->path().filename().string();
        if (name.rfind("3.", 0) == 0 && fs::exists(it->path() / "bin/python"))
            return (it->path() / "bin/python").string();
    }
    return std::nullopt;
}

TEST(Probe, GarbageOutputIsBrokenWithTheOutputQuoted) {
    test::TempDir dir;
    const auto fake = dir.script("python3", "#!/bin/sh\necho 'hello, I am not python'\n");
    const auto in = probe_interpreter(fake.string(), kQuick);
    EXPECT_FALSE(in.ok());
    EXPECT_NE(in.problem.find("printed no probe result"), std::string::npos) << in.problem;
    EXPECT_NE(in.problem.find("hello, I am not python"), std::string::npos) << in.problem;
    EXPECT_EQ(in.found_as, std::vector<std::string>{fake.string()});
}

TEST(Probe, AHangIsKilledAtTheTimeout) {
    test::TempDir dir;
    const auto fake = dir.script("python3", "#!/bin/sh\nsleep 60\n");
    const auto start = std::chrono::steady_clock::now();
    const auto in = probe_interpreter(fake.string(), ProbeOptions{0.3});
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_FALSE(in.ok());
    EXPECT_NE(in.problem.find("no answer within 0.3 s"), std::string::npos) << in.problem;
    // Bounded by the timeout, not by the child's 60 s (a generous margin for a loaded machine).
    EXPECT_LT(took, std::chrono::seconds(30));
}

TEST(Probe, NonzeroExitGivesTheErrorLines) {
    test::TempDir dir;
    const auto fake = dir.script("python3",
                                 "#!/bin/sh\necho 'pyenv: python3.6: command not found' >&2\n"
                                 "echo '' >&2\necho 'Note: see pyenv help global' >&2\nexit 127\n");
    const auto in = probe_interpreter(fake.string(), kQuick);
    EXPECT_FALSE(in.ok());
    EXPECT_EQ(in.problem, "exited with code 127: pyenv: python3.6: command not found | Note: see pyenv help global");
    EXPECT_TRUE(in.shim);
}

TEST(Probe, AMissingFileIsBroken) {
    test::TempDir dir;
    const auto in = probe_interpreter((dir.path() / "no-such-python").string(), kQuick);
    EXPECT_FALSE(in.ok());
    EXPECT_NE(in.problem.find("No such file"), std::string::npos) << in.problem;
}

TEST(Probe, WithoutDashIItRetriesWithDashEDashS) {
    // What Python 2.7 does with -I.
    test::TempDir dir;
    const auto exe = dir.path() / "python2.7";
    const auto fake = dir.script(
        "python2.7",
        fmt::format("#!/bin/sh\nif [ \"$1\" = -I ]; then\n"
                    "  echo 'Unknown option: -I' >&2; exit 2\nfi\n"
                    "[ \"$1 $2\" = '-E -s' ] || exit 9\n{}",
                    test::fake_interpreter("2.7.18", exe.string(), "/p").substr(std::string("#!/bin/sh\n").size())));
    const auto in = probe_interpreter(fake.string(), kQuick);
    ASSERT_TRUE(in.ok()) << in.problem;
    EXPECT_EQ(in.isolation_flags, (std::vector<std::string>{"-E", "-s"}));
    EXPECT_EQ(in.build->version, "2.7.18");
    EXPECT_FALSE(in.supported());
    EXPECT_EQ(in.support_text(), "no (harness needs 3.6+)");
}

TEST(Probe, AShimResolvesToTheRealExecutable) {
    const auto python = some_real_python3();
    if (!python) GTEST_SKIP() << "no Python 3 interpreter on this machine (/usr/bin/python3 or ~/.pyenv/versions/3.*)";
    test::TempDir dir;
    // What a pyenv shim does: a shell script that execs the interpreter.
    const auto shim = dir.script("python3", fmt::format("#!/bin/sh\nexec '{}' \"$@\"\n", *python));
    const auto in = probe_interpreter(shim.string(), ProbeOptions{30});
    ASSERT_TRUE(in.ok()) << in.problem;
    EXPECT_TRUE(in.shim);
    EXPECT_EQ(in.found_as, std::vector<std::string>{shim.string()});
    EXPECT_EQ(in.executable, real(*python));
    EXPECT_FALSE(is_script(in.executable));
    EXPECT_EQ(in.isolation_flags, std::vector<std::string>{"-I"});
    EXPECT_TRUE(in.supported());
}

TEST(Probe, AVenvKeepsItsOwnExecutable) {
    // Resolving a venv's python symlink would run the base interpreter without the venv.
    const auto python = some_real_python3();
    if (!python) GTEST_SKIP() << "no Python 3 interpreter on this machine";
    test::TempDir dir;
    const auto venv = dir.path() / "venv";
    HelperCommand make_venv;
    make_venv.argv = {*python, "-I", "-m", "venv", "--without-pip", venv.string()};
    make_venv.timeout = 120;
    const auto made = run_helper(make_venv);
    if (!made.ok()) GTEST_SKIP() << *python << " cannot make a venv: " << made.failure(120) << " " << made.stderr_tail;
    const auto in = probe_interpreter((venv / "bin/python").string(), ProbeOptions{30});
    ASSERT_TRUE(in.ok()) << in.problem;
    EXPECT_TRUE(in.build->venv);
    EXPECT_EQ(in.executable, (venv / "bin/python").string());
    EXPECT_NE(real(in.executable), in.executable);  // it is a symlink, kept as is
}

TEST(Probe, Python27WhereInstalled) {
    const char* home = ::getenv("HOME");
    const auto python = fs::path(home ? home : "/") / ".pyenv/versions/2.7.18/bin/python";
    if (!fs::exists(python)) GTEST_SKIP() << "no pyenv 2.7.18 here (" << python << ")";
    const auto in = probe_interpreter(python.string(), ProbeOptions{30});
    ASSERT_TRUE(in.ok()) << in.problem;
    EXPECT_EQ(in.build->version, "2.7.18");
    EXPECT_EQ(in.isolation_flags, (std::vector<std::string>{"-E", "-s"}));
    EXPECT_FALSE(in.supported());
}

}  // namespace
}  // namespace perfmatrix
