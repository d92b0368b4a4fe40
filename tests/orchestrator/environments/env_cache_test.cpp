// Environment names, manifests and the cache's states, on directories made by the test: no
// interpreter runs here.

#include "orchestrator/environments/env_cache.hpp"
#include "orchestrator/environments/env_manifest.hpp"
#include "orchestrator/environments/env_spec.hpp"
#include "tests/support/interpreter_fixtures.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;

EnvSpec spec_312(std::vector<std::string> requirements = {"numpy"}) {
    return {"3.12.1", "/p/3.12.1/bin/python3.12", "3.12.1", std::move(requirements)};
}

EnvManifest ok_manifest(const EnvSpec& spec) {
    EnvManifest m;
    m.env = spec;
    m.ok = true;
    m.packages = {{"numpy", "2.1.3"}, {"pip", "23.2.1"}};
    m.pip_version = "23.2.1";
    m.pip_options = {"--no-index", "--find-links=/wheels"};
    m.created = "2026-11-26T20:01:02Z";
    m.seconds = 12.5;
    return m;
}

// A directory as prepare leaves it: the manifest and, when ok, an executable bin/python.
fs::path make_env(const test::TempDir& cache, const EnvManifest& m, bool with_python = true) {
    const auto dir = cache.path() / env_dir_name(m.env);
    fs::create_directories(dir);
    if (with_python) cache.script(fs::relative(dir / "bin" / "python", cache.path()).string(), "#!/bin/sh\n");
    write_manifest(dir, m);
    return dir;
}

TEST(EnvNames, ReadableAndStable) {
    // Fixed text, computed apart from perfmatrix (FNV-1a 64 of "perfmatrix-env-1\0label\0executable\0req..."
    // in Python): a name that changed between versions would orphan every prepared environment.
    EXPECT_EQ(env_dir_name(spec_312()), "3.12.1-0ddbebd9f7");
    EXPECT_EQ(env_dir_name(spec_312()), env_dir_name(spec_312()));
}

TEST(EnvNames, EachPartOfTheIdentityCounts) {
    const auto base = env_dir_name(spec_312());
    auto other_exe = spec_312();
    other_exe.interpreter = "/opt/3.12.1/bin/python3.12";
    auto other_label = spec_312();
    other_label.label = "3.12.1@/opt/bin";
    EXPECT_NE(env_dir_name(other_exe), base);
    EXPECT_NE(env_dir_name(other_label), base);
    EXPECT_NE(env_dir_name(spec_312({"numpy", "torch"})), base);
    EXPECT_NE(env_dir_name(spec_312({"numpy<2"})), base);
    // The version is recorded, not part of the name: the label already carries it.
    auto other_version = spec_312();
    other_version.version = "3.12.1+";
    EXPECT_EQ(env_dir_name(other_version), base);
}

TEST(EnvNames, LabelsBecomeSafeFileNames) {
    auto s = spec_312();
    s.label = "3.11.2@/usr/bin";
    EXPECT_EQ(env_dir_name(s).substr(0, 16), "3.11.2__usr_bin-");
    s.label = "..";
    EXPECT_EQ(env_dir_name(s).substr(0, 4), "_..-");
    EXPECT_EQ(env_title(spec_312({"numpy", "torch"})), "3.12.1 with numpy torch");
}

TEST(EnvManifests, RoundTripThroughTheFile) {
    test::TempDir dir;
    const auto m = ok_manifest(spec_312());
    write_manifest(dir.path(), m);
    EXPECT_EQ(read_manifest(dir.path()), m);
    auto failed = m;
    failed.ok = false;
    failed.packages.clear();
    failed.reason = "No matching distribution found for numpy";
    write_manifest(dir.path(), failed);
    EXPECT_EQ(read_manifest(dir.path()), failed);
    EXPECT_EQ(installed_version(m, "NumPy"), "2.1.3");
    EXPECT_EQ(installed_version(m, "torch"), "");
}

TEST(EnvManifests, TheFileSaysStatusAndInterpreter) {
    const auto j = to_json(ok_manifest(spec_312()));
    EXPECT_EQ(j["status"], "ok");
    EXPECT_EQ(j["interpreter"]["label"], "3.12.1");
    EXPECT_EQ(j["interpreter"]["executable"], "/p/3.12.1/bin/python3.12");
    EXPECT_EQ(j["interpreter"]["version"], "3.12.1");
    EXPECT_EQ(j["packages"][0]["name"], "numpy");
}

TEST(EnvManifests, BrokenOnesSayWhy) {
    test::TempDir dir;
    EXPECT_THROW(read_manifest(dir.path()), std::runtime_error);
    std::ofstream(dir.path() / kEnvManifestName) << "{not json";
    try {
        read_manifest(dir.path());
        ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("not valid JSON"), std::string::npos) << e.what();
    }
    auto j = to_json(ok_manifest(spec_312()));
    j["status"] = "maybe";
    EXPECT_THROW(manifest_from_json(j), std::runtime_error);
    j = to_json(ok_manifest(spec_312()));
    j.erase("packages");
    try {
        manifest_from_json(j);
        ADD_FAILURE() << "no error";
    } catch (const std::runtime_error& e) {
        EXPECT_NE(std::string(e.what()).find("'packages'"), std::string::npos) << e.what();
    }
    j = to_json(ok_manifest(spec_312()));
    j["format"] = 99;
    EXPECT_THROW(manifest_from_json(j), std::runtime_error);
}

TEST(EnvLookups, MissingWithoutADirectory) {
    test::TempDir cache;
    const auto env = lookup_env(cache.path().string(), spec_312());
    EXPECT_EQ(env.state, EnvState::missing);
    EXPECT_EQ(env.problem, "not prepared");
    EXPECT_EQ(env.dir, (cache.path() / env_dir_name(spec_312())).string());
    EXPECT_EQ(env.python, env.dir + "/bin/python");
}

TEST(EnvLookups, ReadyWhenTheManifestMatchesAndPythonIsThere) {
    test::TempDir cache;
    const auto m = ok_manifest(spec_312());
    make_env(cache, m);
    const auto env = lookup_env(cache.path().string(), spec_312());
    EXPECT_EQ(env.state, EnvState::ok) << env.problem;
    ASSERT_TRUE(env.manifest);
    EXPECT_EQ(*env.manifest, m);
}

TEST(EnvLookups, FailedCarriesPipsReason) {
    test::TempDir cache;
    auto m = ok_manifest(spec_312());
    m.ok = false;
    m.reason = "No matching distribution found for numpy";
    make_env(cache, m, false);
    const auto env = lookup_env(cache.path().string(), spec_312());
    EXPECT_EQ(env.state, EnvState::failed);
    EXPECT_EQ(env.problem, "No matching distribution found for numpy");
}

TEST(EnvLookups, AHalfMadeOrForeignDirectoryIsNotReady) {
    test::TempDir cache;
    const auto dir = cache.path() / env_dir_name(spec_312());
    fs::create_directories(dir / "bin");
    auto env = lookup_env(cache.path().string(), spec_312());
    EXPECT_EQ(env.state, EnvState::missing);
    EXPECT_NE(env.problem.find("cannot read"), std::string::npos) << env.problem;

    // A manifest written for another interpreter (a hash collision, or a copied directory).
    auto foreign = ok_manifest(spec_312());
    foreign.env.interpreter = "/elsewhere/python3.12";
    write_manifest(dir, foreign);
    env = lookup_env(cache.path().string(), spec_312());
    EXPECT_EQ(env.state, EnvState::missing);
    EXPECT_NE(env.problem.find("/elsewhere/python3.12"), std::string::npos) << env.problem;

    // "ok" but bin/python gone.
    write_manifest(dir, ok_manifest(spec_312()));
    env = lookup_env(cache.path().string(), spec_312());
    EXPECT_EQ(env.state, EnvState::missing);
    EXPECT_NE(env.problem.find("not executable"), std::string::npos) << env.problem;
}

class CacheVariable {
public:
    explicit CacheVariable(const char* value) {
        if (const char* old = std::getenv(kEnvCacheVariable)) old_ = old;
        if (value)
            ::setenv(kEnvCacheVariable, value, 1);
        else
            ::unsetenv(kEnvCacheVariable);
    }
    ~CacheVariable() {
        if (old_)
            ::setenv(kEnvCacheVariable, old_->c_str(), 1);
        else
            ::unsetenv(kEnvCacheVariable);
    }

private:
    std::optional<std::string> old_;
};

TEST(EnvCacheChoice, CommandLineThenVariableThenJobThenDefault) {
    {
        CacheVariable v("/from/variable");
        EXPECT_EQ(choose_env_cache("/from/cli", "/from/job").dir, "/from/cli");
        EXPECT_EQ(choose_env_cache("/from/cli", "/from/job").source, EnvCacheSource::command_line);
        EXPECT_EQ(choose_env_cache("", "/from/job").dir, "/from/variable");
        EXPECT_EQ(choose_env_cache("", "/from/job").source, EnvCacheSource::environment);
    }
    CacheVariable none(nullptr);
    EXPECT_EQ(choose_env_cache("", "/from/job").dir, "/from/job");
    EXPECT_EQ(choose_env_cache("", "/from/job").source, EnvCacheSource::job);
    const auto fallback = choose_env_cache("", "");
    EXPECT_EQ(fallback.source, EnvCacheSource::fallback);
    EXPECT_EQ(fallback.dir, fs::path(std::getenv("HOME")) / ".cache/perfmatrix/envs");
}

TEST(EnvCacheChoice, PathsBecomeAbsolute) {
    CacheVariable none(nullptr);
    EXPECT_EQ(choose_env_cache("rel/envs", "").dir, (fs::current_path() / "rel/envs").string());
    EXPECT_EQ(choose_env_cache("~/envs", "").dir, std::string(std::getenv("HOME")) + "/envs");
    EXPECT_EQ(choose_env_cache("/a/./b/../envs", "").dir, "/a/envs");
}

}  // namespace
}  // namespace perfmatrix
