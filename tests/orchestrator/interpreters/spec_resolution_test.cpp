// Interpreter specs against a fixed set of interpreters: nothing is probed.

#include "orchestrator/interpreters/discovery.hpp"
#include "orchestrator/interpreters/labels.hpp"
#include "orchestrator/interpreters/spec_resolution.hpp"
#include "tests/support/interpreter_fixtures.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using test::interpreter;
using S = InterpreterSource;
using Strings = std::vector<std::string>;

std::vector<Interpreter> machine() {
    Interpreter broken;
    broken.found_as = {"/x/bin/python3"};
    broken.source = S::path;
    broken.problem = "exited with code 1";
    std::vector<Interpreter> list{interpreter("2.7.18", S::pyenv, "/p/2.7.18/bin/python2.7"),
                                  interpreter("3.11.7", S::pyenv, "/p/3.11.7/bin/python3.11"),
                                  interpreter("3.11.5", S::pyenv, "/p/3.11.5/bin/python3.11"),
                                  interpreter("3.11.9", S::path, "/opt/bin/python3.11"),
                                  interpreter("3.11.2", S::system, "/usr/bin/python3.11"),
                                  interpreter("3.11.2", S::explicit_path, "/srv/py/bin/python3.11"),
                                  interpreter("3.12.1", S::pyenv, "/p/3.12.1/bin/python3.12"),
                                  interpreter("3.13.0", S::pyenv, "/p/3.13.0t/bin/python3.13t", "t"),
                                  interpreter("3.13.0", S::pyenv, "/p/3.13.0/bin/python3.13"),
                                  interpreter("pypy3.9-7.3.11", S::path, "/opt/pypy/bin/pypy3.9"),
                                  broken};
    list[3].found_as.push_back("/opt/bin/python3");
    sort_interpreters(list);
    assign_labels(list);
    return list;
}

struct Resolved {
    Strings values, executables;
    std::string error;
};

Resolved resolve(const std::string& spec) {
    FixedInterpreters catalog(machine());
    const auto r = resolve_python_spec(spec, catalog);
    Resolved out{{}, {}, r.error};
    for (const auto& m : r.matches) {
        out.values.push_back(m.value);
        out.executables.push_back(m.interpreter->executable);
    }
    return out;
}

TEST(Specs, MinorVersionPrefersPyenvThenTheNewestPatch) {
    const auto r = resolve("3.11");
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.values, Strings{"3.11"});  // the spec as written: ids survive a patch upgrade
    EXPECT_EQ(r.executables, Strings{"/p/3.11.7/bin/python3.11"});
}

TEST(Specs, ExactVersionPrefersTheSourceOrder) {
    EXPECT_EQ(resolve("3.11.9").executables, Strings{"/opt/bin/python3.11"});
    EXPECT_EQ(resolve("3.11.2").executables, Strings{"/usr/bin/python3.11"});                 // system before explicit
    EXPECT_EQ(resolve("3.11.2@/srv/py/bin").executables, Strings{"/srv/py/bin/python3.11"});  // a label
}

TEST(Specs, BuildLettersSelectTheBuild) {
    EXPECT_EQ(resolve("3.13").executables, Strings{"/p/3.13.0/bin/python3.13"});
    EXPECT_EQ(resolve("3.13t").executables, Strings{"/p/3.13.0t/bin/python3.13t"});
    EXPECT_EQ(resolve("3.13.0t").values, Strings{"3.13.0t"});
    EXPECT_NE(resolve("3.12t").error.find("python '3.12t' not found"), std::string::npos);
}

TEST(Specs, PyPy) {
    EXPECT_EQ(resolve("pypy3").executables, Strings{"/opt/pypy/bin/pypy3.9"});
    EXPECT_EQ(resolve("pypy3.9").executables, Strings{"/opt/pypy/bin/pypy3.9"});
    EXPECT_EQ(resolve("pypy3.9-7.3.11").values, Strings{"pypy3.9-7.3.11"});
    EXPECT_NE(resolve("pypy3.10").error.find("not found"), std::string::npos);
}

TEST(Specs, AllIsEverySupportedInterpreterByLabel) {
    const auto r = resolve("all");
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.values, (Strings{"3.11.2", "3.11.2@/srv/py/bin", "3.11.5", "3.11.7", "3.11.9", "3.12.1", "3.13.0",
                                 "3.13.0t", "pypy3.9-7.3.11"}));
}

TEST(Specs, NotFoundListsWhatWasFound) {
    EXPECT_EQ(resolve("3.14").error,
              "python '3.14' not found; found: 2.7.18 (unsupported), 3.11.2, 3.11.2@/srv/py/bin, 3.11.5, 3.11.7, "
              "3.11.9, 3.12.1, 3.13.0, 3.13.0t, pypy3.9-7.3.11");
    FixedInterpreters none({});
    EXPECT_EQ(resolve_python_spec("3.12", none).error,
              "python '3.12' not found; found no interpreter (searched the given interpreters)");
    EXPECT_NE(resolve_python_spec("all", none).error.find("python 'all': no supported interpreter"), std::string::npos);
}

TEST(Specs, UnsupportedIsAnErrorWhenNamed) {
    EXPECT_EQ(resolve("2.7").error,
              "python '2.7' is 2.7.18 (/p/2.7.18/bin/python2.7): unsupported (harness needs 3.6+)");
    EXPECT_NE(resolve("2.7.18").error.find("unsupported"), std::string::npos);
}

TEST(Specs, PathsAreLookedUpAndBrokenOnesSayWhy) {
    EXPECT_EQ(resolve("/opt/bin/python3").values, Strings{"/opt/bin/python3"});
    EXPECT_EQ(resolve("/opt/bin/python3").executables, Strings{"/opt/bin/python3.11"});
    EXPECT_EQ(resolve("/x/bin/python3").error,
              "python '/x/bin/python3' is not a usable interpreter: exited with code 1");
    EXPECT_EQ(resolve("/nope/python").error,
              "python '/nope/python' is not a usable interpreter: not among the given interpreters");
}

TEST(Specs, WhatIsNoSpecSaysWhatIsExpected) {
    for (const char* spec : {"python3", "3", "latest", "./venv/bin/python", ""}) {
        EXPECT_NE(resolve(spec).error.find("is not an interpreter spec: expected a version"), std::string::npos)
            << spec;
    }
}

}  // namespace
}  // namespace perfmatrix
