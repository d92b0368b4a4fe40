// Making environments, with a fake interpreter (a shell script) whose `-m venv` makes a fake
// bin/python whose `-m pip` answers as the requirement names say: fast, offline and exact about
// what pip was asked. tests/e2e/test_prepare.py makes real ones with a real pip.

#include "orchestrator/environments/env_cache.hpp"
#include "orchestrator/environments/venv_builder.hpp"
#include "tests/support/interpreter_fixtures.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <fstream>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

// bin/python of a fake environment: `pip --version`, `pip install` (requirement "missing"
// fails as pip does for a package no index has, "slow" hangs), `pip list`.
constexpr const char* kFakeVenvPython = R"SH(#!/bin/sh
env_dir=$(dirname "$(dirname "$0")")
shift 4  # -I -u -m pip
case "$1" in
  --version) echo "pip 99.1 from $env_dir/lib/pip (python 3.99)" ;;
  install)
    echo "ARGS: $*"
    for a in "$@"; do
      case "$a" in
        -*|install|off) ;;
        missing)
          echo "ERROR: Could not find a version that satisfies the requirement missing (from versions: none)"
          echo "ERROR: No matching distribution found for missing"
          exit 1 ;;
        slow) echo "Collecting slow"; sleep 30 ;;
        *) echo "Collecting $a"; echo "$a" >> "$env_dir/installed" ;;
      esac
    done
    echo "Successfully installed" ;;
  list)
    printf '['
    sep=''
    while read -r name; do printf '%s{"name": "%s", "version": "1.0"}' "$sep" "$name"; sep=', '; done < "$env_dir/installed"
    printf ', {"name": "pip", "version": "99.1"}]\n' ;;
esac
)SH";

class FakeInterpreter {
public:
    // `venv_error`: what `-m venv` prints before failing; empty: it succeeds.
    explicit FakeInterpreter(const std::string& venv_error = "") {
        scratch_.script("venv-python", kFakeVenvPython);
        const auto venv = venv_error.empty() ? fmt_venv_ok() : "echo '" + venv_error + "' >&2; exit 1\n";
        path_ = scratch_.script("bin/python3.99", "#!/bin/sh\n# -I -m venv DIR\n" + venv).string();
    }
    const std::string& path() const { return path_; }
    fs::path cache() const { return scratch_.path() / "cache"; }
    EnvSpec spec(std::vector<std::string> requirements) const {
        return {"3.99.0", path_, "3.99.0", std::move(requirements)};
    }

private:
    std::string fmt_venv_ok() const {
        return "mkdir -p \"$4/bin\" && : > \"$4/installed\" && cp '" + (scratch_.path() / "venv-python").string() +
               "' \"$4/bin/python\" && echo made \"$4\"\n";
    }
    test::TempDir scratch_;
    std::string path_;
};

struct Built {
    std::optional<EnvManifest> manifest;
    std::vector<std::string> lines;
};

Built build(const FakeInterpreter& fake, const EnvSpec& spec, PipOptions options = {},
            std::function<bool(const std::vector<std::string>&)> stop = {}) {
    Built b;
    BuildHooks hooks;
    hooks.on_line = [&](std::string_view line) { b.lines.emplace_back(line); };
    if (stop) hooks.should_stop = [&] { return stop(b.lines); };
    b.manifest = build_env(fake.cache().string(), spec, options, hooks);
    return b;
}

std::vector<std::string> cache_entries(const fs::path& cache) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(cache)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

bool has_line(const std::vector<std::string>& lines, const std::string& needle) {
    return std::any_of(lines.begin(), lines.end(), [&](const auto& l) { return l.find(needle) != std::string::npos; });
}

TEST(VenvBuilder, MakesAReadyEnvironment) {
    FakeInterpreter fake;
    const auto spec = fake.spec({"alpha", "beta"});
    const auto b = build(fake, spec);
    ASSERT_TRUE(b.manifest);
    EXPECT_TRUE(b.manifest->ok) << b.manifest->reason;
    EXPECT_EQ(b.manifest->env, spec);
    EXPECT_EQ(b.manifest->pip_version, "99.1");
    EXPECT_EQ(b.manifest->packages,
              (std::vector<InstalledPackage>{{"alpha", "1.0"}, {"beta", "1.0"}, {"pip", "99.1"}}));
    EXPECT_FALSE(b.manifest->created.empty());
    // What ran, shown as it ran; only the final directory is left in the cache.
    EXPECT_TRUE(has_line(b.lines, "$ " + fake.path() + " -I -m venv "));
    EXPECT_TRUE(has_line(b.lines, "Collecting beta"));
    EXPECT_EQ(cache_entries(fake.cache()), std::vector<std::string>{env_dir_name(spec)});
    const auto env = lookup_env(fake.cache().string(), spec);
    EXPECT_EQ(env.state, EnvState::ok) << env.problem;
    EXPECT_EQ(env.manifest, b.manifest);
}

TEST(VenvBuilder, PipIsToldWherePackagesComeFrom) {
    FakeInterpreter fake;
    PipOptions options;
    options.no_index = true;
    options.find_links = {"wheels"};
    const auto b = build(fake, fake.spec({"alpha"}), options);
    const auto wheels = (fs::current_path() / "wheels").string();
    EXPECT_TRUE(has_line(b.lines,
                         "ARGS: install --disable-pip-version-check --no-input --progress-bar off --no-index "
                         "--find-links=" +
                             wheels + " alpha"));
    ASSERT_TRUE(b.manifest);
    EXPECT_EQ(b.manifest->pip_options, (std::vector<std::string>{"--no-index", "--find-links=" + wheels}));
}

TEST(VenvBuilder, ARequirementPipCannotInstallFailsWithPipsReason) {
    FakeInterpreter fake;
    const auto spec = fake.spec({"alpha", "missing"});
    const auto b = build(fake, spec);
    ASSERT_TRUE(b.manifest);
    EXPECT_FALSE(b.manifest->ok);
    EXPECT_EQ(b.manifest->reason,
              "Could not find a version that satisfies the requirement missing (from versions: none) | No matching "
              "distribution found for missing");
    EXPECT_TRUE(b.manifest->packages.empty());
    EXPECT_EQ(b.manifest->pip_version, "99.1");
    // Only the manifest is kept: nothing will run a failed environment.
    const auto dir = fake.cache() / env_dir_name(spec);
    EXPECT_EQ(cache_entries(dir), std::vector<std::string>{kEnvManifestName});
    const auto env = lookup_env(fake.cache().string(), spec);
    EXPECT_EQ(env.state, EnvState::failed);
    EXPECT_EQ(env.problem, b.manifest->reason);
}

TEST(VenvBuilder, AVenvThatCannotBeMadeSaysWhy) {
    FakeInterpreter fake("Error: ensurepip is not available");
    const auto b = build(fake, fake.spec({"alpha"}));
    ASSERT_TRUE(b.manifest);
    EXPECT_FALSE(b.manifest->ok);
    EXPECT_EQ(b.manifest->reason, "python -m venv failed: Error: ensurepip is not available");
}

TEST(VenvBuilder, StoppedLeavesNothingBehind) {
    FakeInterpreter fake;
    const auto spec = fake.spec({"slow"});
    const auto b = build(fake, spec, {}, [](const auto& lines) { return has_line(lines, "Collecting slow"); });
    EXPECT_FALSE(b.manifest);
    EXPECT_TRUE(cache_entries(fake.cache()).empty());
    EXPECT_EQ(lookup_env(fake.cache().string(), spec).state, EnvState::missing);
}

TEST(VenvBuilder, TimeoutFailsTheEnvironment) {
    FakeInterpreter fake;
    PipOptions options;
    options.timeout = 1;
    const auto b = build(fake, fake.spec({"slow"}), options);
    ASSERT_TRUE(b.manifest);
    EXPECT_FALSE(b.manifest->ok);
    EXPECT_NE(b.manifest->reason.find("(no end within"), std::string::npos) << b.manifest->reason;
}

TEST(VenvBuilder, ReplacesAnEnvironmentAndClearsWhatDeadBuildsLeft) {
    FakeInterpreter fake;
    const auto spec = fake.spec({"alpha"});
    ASSERT_TRUE(build(fake, spec).manifest);
    const auto name = env_dir_name(spec);
    std::ofstream(fake.cache() / name / "left-from-before") << "x";
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    // A prepare killed on this host (pid 999999999 cannot exist), and one still running (pid 1).
    const auto dead = ".building-" + name + "-" + host + "-999999999";
    const auto running = ".building-" + name + "-" + host + "-1";
    fs::create_directories(fake.cache() / dead);
    fs::create_directories(fake.cache() / running);

    const auto b = build(fake, spec);
    ASSERT_TRUE(b.manifest);
    EXPECT_TRUE(b.manifest->ok);
    EXPECT_FALSE(fs::exists(fake.cache() / name / "left-from-before"));
    EXPECT_EQ(cache_entries(fake.cache()), (std::vector<std::string>{running, name}));
}

}  // namespace
}  // namespace perfmatrix
