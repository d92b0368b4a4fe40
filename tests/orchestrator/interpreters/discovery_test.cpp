// Discovery: a fake machine in a temp dir (pyenv root, PATH dir, system dir, explicit paths)
// with fake interpreters, then this machine's real interpreters where there are any.

#include "orchestrator/interpreters/discovery.hpp"
#include "orchestrator/interpreters/probe.hpp"
#include "tests/support/interpreter_fixtures.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace perfmatrix {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

// pyenv/versions/3.12.1/bin/python; path/python3 -> python3.11 (3.11.2); path/python3.9
// printing garbage; path/python3-config and path/ruby (not interpreter names); system/python3.11
// (another 3.11.2); an explicit path that does not exist; pyenv's shims dir on PATH, first.
struct FakeMachine {
    test::TempDir dir;
    DiscoveryOptions options;
    std::string pyenv_python, path_python, system_python, garbage, missing;

    FakeMachine() {
        const auto d = dir.path().string();
        pyenv_python = d + "/pyenv/versions/3.12.1/bin/python";
        dir.script("pyenv/versions/3.12.1/bin/python",
                   test::fake_interpreter("3.12.1", pyenv_python, d + "/pyenv/versions/3.12.1"));
        dir.script("pyenv/versions/empty/bin/.keep", "");  // a version dir without bin/python
        path_python = d + "/path/python3.11";
        dir.script("path/python3.11", test::fake_interpreter("3.11.2", path_python, d + "/path-prefix"));
        fs::create_symlink("python3.11", dir.path() / "path/python3");
        garbage = dir.script("path/python3.9", "#!/bin/sh\necho garbage\n").string();
        dir.script("path/python3-config", "#!/bin/sh\necho --cflags\n");
        dir.script("path/ruby", "#!/bin/sh\nexit 1\n");
        system_python = d + "/system/python3.11";
        dir.script("system/python3.11", test::fake_interpreter("3.11.2", system_python, d + "/system-prefix"));
        missing = d + "/nowhere/python";
        dir.script("pyenv/shims/python3", "#!/bin/sh\necho 'pyenv: python3: command not found' >&2; exit 127\n");
        options.pyenv_root = d + "/pyenv";
        options.path_dirs = {d + "/pyenv/shims", d + "/path", d + "/no-such-dir"};
        options.system_dirs = {d + "/system"};
        options.explicit_paths = {missing};
        options.probe.timeout = 10;
    }
};

TEST(Candidates, SearchOrderNameFilterAndVersionOrder) {
    FakeMachine m;
    const auto candidates = list_candidates(m.options);
    Strings paths;
    std::vector<InterpreterSource> sources;
    for (const auto& c : candidates) {
        paths.push_back(c.path);
        sources.push_back(c.listed_by);
    }
    const auto d = m.dir.path().string();
    EXPECT_EQ(paths,
              (Strings{m.pyenv_python, d + "/path/python3", m.garbage, m.path_python, m.system_python, m.missing}));
    EXPECT_EQ(sources, (std::vector<InterpreterSource>{InterpreterSource::pyenv, InterpreterSource::path,
                                                       InterpreterSource::path, InterpreterSource::path,
                                                       InterpreterSource::system, InterpreterSource::explicit_path}));
}

TEST(Candidates, PyenvShimDirectories) {
    EXPECT_TRUE(is_pyenv_shim_dir("/r/.pyenv/shims", "/r/.pyenv"));
    EXPECT_TRUE(is_pyenv_shim_dir("/r/.pyenv/plugins/pyenv-virtualenv/shims", "/r/.pyenv/"));
    EXPECT_FALSE(is_pyenv_shim_dir("/r/.pyenv/bin", "/r/.pyenv"));
    EXPECT_FALSE(is_pyenv_shim_dir("/other/shims", "/r/.pyenv"));
    EXPECT_FALSE(is_pyenv_shim_dir("/r/.pyenv/shims", ""));
}

TEST(Candidates, InterpreterNames) {
    for (const char* yes :
         {"python", "python3", "python3.6", "python3.13", "python3.13t", "pypy", "pypy3", "pypy3.9"}) {
        EXPECT_TRUE(is_interpreter_name(yes)) << yes;
    }
    for (const char* no : {"python3-config", "python3.11-config", "python2.7", "python3.", "ipython", "pythonw", ""}) {
        EXPECT_FALSE(is_interpreter_name(no)) << no;
    }
}

TEST(Discovery, FakeMachineMergesSortsLabelsAndListsTheBroken) {
    FakeMachine m;
    const auto found = discover_interpreters(m.options);
    ASSERT_EQ(found.size(), 5u);  // 3 interpreters, then 2 broken

    EXPECT_EQ(found[0].label, "3.11.2");  // on PATH: preferred over the system copy
    EXPECT_EQ(found[0].source, InterpreterSource::path);
    EXPECT_EQ(found[0].executable, m.path_python);
    // python3 (a symlink) and python3.11 are one interpreter.
    EXPECT_EQ(found[0].found_as, (Strings{m.dir.path().string() + "/path/python3", m.path_python}));

    EXPECT_EQ(found[1].label, "3.11.2@" + m.dir.path().string() + "/system");
    EXPECT_EQ(found[1].source, InterpreterSource::system);

    EXPECT_EQ(found[2].label, "3.12.1");
    EXPECT_EQ(found[2].source, InterpreterSource::pyenv);

    EXPECT_FALSE(found[3].ok());
    EXPECT_EQ(found[3].found_as.front(), m.garbage);
    EXPECT_NE(found[3].problem.find("garbage"), std::string::npos) << found[3].problem;
    EXPECT_TRUE(found[3].label.empty());
    EXPECT_FALSE(found[4].ok());
    EXPECT_EQ(found[4].found_as.front(), m.missing);
    EXPECT_EQ(found[4].source, InterpreterSource::explicit_path);
    for (const auto& in : found) EXPECT_EQ(in.numpy.state, ModuleCheck::State::not_checked);
}

TEST(Discovery, SamePrefixAndVersionIsOneInterpreter) {
    // A venv's python and python3 report different sys.executable paths but one prefix.
    test::TempDir dir;
    const auto d = dir.path().string();
    dir.script("bin/python", test::fake_interpreter("3.12.1", d + "/bin/python", d));
    dir.script("bin/python3", test::fake_interpreter("3.12.1", d + "/bin/python3", d));
    DiscoveryOptions o;
    o.path_dirs = {d + "/bin"};
    const auto found = discover_interpreters(o);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].found_as, (Strings{d + "/bin/python", d + "/bin/python3"}));
}

TEST(Discovery, ImportChecksRunInEachInterpreter) {
    test::TempDir dir;
    const auto d = dir.path().string();
    // Answers the probe, and the import checks as an interpreter with numpy and without torch would.
    dir.script("bin/python3", fmt::format("#!/bin/sh\ncase \"$3\" in\n"
                                          "  *'import numpy'*) echo 'perfmatrix-import present 1.26.4' ;;\n"
                                          "  *'import torch'*) echo 'perfmatrix-import absent' ;;\n"
                                          "  *) printf '%s\\n' '{}' ;;\nesac\n",
                                          test::probe_line("3.12.1", d + "/bin/python3", d)));
    DiscoveryOptions o;
    o.path_dirs = {d + "/bin"};
    o.check_imports = true;
    o.import_timeout = 10;
    const auto found = discover_interpreters(o);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].numpy.state, ModuleCheck::State::present);
    EXPECT_EQ(found[0].numpy.version, "1.26.4");
    EXPECT_EQ(found[0].torch.state, ModuleCheck::State::absent);
}

TEST(Discovery, SourceIsWhereTheExecutableLives) {
    DiscoveryOptions o;
    o.pyenv_root = "/home/u/.pyenv";
    o.system_dirs = {"/usr/bin", "/usr/local/bin"};
    // A pyenv shim on PATH resolves into pyenv's versions; Debian's python3 found on PATH is the system's.
    EXPECT_EQ(classify_source("/home/u/.pyenv/versions/3.12.1/bin/python3.12", InterpreterSource::path, o),
              InterpreterSource::pyenv);
    EXPECT_EQ(classify_source("/usr/bin/python3.11", InterpreterSource::path, o), InterpreterSource::system);
    EXPECT_EQ(classify_source("/opt/py/bin/python3", InterpreterSource::path, o), InterpreterSource::path);
    EXPECT_EQ(classify_source("/opt/py/bin/python3", InterpreterSource::explicit_path, o),
              InterpreterSource::explicit_path);
    EXPECT_EQ(classify_source("/home/u/.pyenv/shims/python3", InterpreterSource::path, o), InterpreterSource::path);
}

// This machine: at least one pyenv interpreter when ~/.pyenv (or $PYENV_ROOT) has versions;
// none of what is kept is a shim; labels are unique.
TEST(Discovery, ThisMachine) {
    const auto options = DiscoveryOptions::from_environment();
    std::error_code ec;
    if (options.pyenv_root.empty() || fs::is_empty(fs::path(options.pyenv_root) / "versions", ec) || ec) {
        GTEST_SKIP() << "no pyenv versions here (" << options.pyenv_root << "/versions)";
    }
    const auto found = discover_interpreters(options);
    std::set<std::string> labels;
    int from_pyenv = 0;
    for (const auto& in : found) {
        if (!in.ok()) continue;
        EXPECT_TRUE(labels.insert(in.label).second) << "label twice: " << in.label;
        EXPECT_FALSE(is_script(in.executable)) << in.label << " kept a script: " << in.executable;
        EXPECT_FALSE(in.build->venv && in.executable.find("/shims/") != std::string::npos);
        if (in.source == InterpreterSource::pyenv) ++from_pyenv;
    }
    EXPECT_GE(from_pyenv, 1) << "nothing found under " << options.pyenv_root;
}

}  // namespace
}  // namespace perfmatrix
