// Label rules: version, build letters, PyPy, and suffixes for copies of one version.

#include "orchestrator/interpreters/labels.hpp"
#include "tests/support/interpreter_fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace perfmatrix {
namespace {

using test::interpreter;
using S = InterpreterSource;
using Strings = std::vector<std::string>;

Strings labels(std::vector<Interpreter> list) {
    assign_labels(list);
    Strings out;
    for (const auto& in : list) out.push_back(in.label);
    return out;
}

TEST(Labels, VersionAndBuildLetters) {
    EXPECT_EQ(labels({interpreter("3.12.1", S::pyenv, "/a/bin/python3.12"),
                      interpreter("3.13.0", S::pyenv, "/b/bin/python3.13t", "t"),
                      interpreter("3.13.0", S::pyenv, "/c/bin/python3.13d", "d"),
                      interpreter("3.13.0", S::pyenv, "/d/bin/python3.13td", "td"),
                      interpreter("3.13.0", S::pyenv, "/e/bin/python3.13")}),
              (Strings{"3.12.1", "3.13.0t", "3.13.0d", "3.13.0td", "3.13.0"}));
}

TEST(Labels, PyPyNamesLanguageAndPyPyVersion) {
    EXPECT_EQ(labels({interpreter("pypy3.9-7.3.11", S::path, "/opt/pypy/bin/pypy3.9")}), (Strings{"pypy3.9-7.3.11"}));
}

TEST(Labels, DifferentPatchVersionsNeedNoSuffix) {
    EXPECT_EQ(labels({interpreter("3.11.7", S::pyenv, "/p/bin/python3.11"),
                      interpreter("3.11.2", S::system, "/usr/bin/python3.11")}),
              (Strings{"3.11.7", "3.11.2"}));
}

TEST(Labels, ACopyOfTheSameVersionIsNamedByItsDirectory) {
    const Strings expected{"3.11.2", "3.11.2@/usr/bin"};
    EXPECT_EQ(labels({interpreter("3.11.2", S::pyenv, "/p/bin/python3.11"),
                      interpreter("3.11.2", S::system, "/usr/bin/python3.11")}),
              expected);
    // Whatever order they are listed in, the preferred source keeps the plain label.
    EXPECT_EQ(labels({interpreter("3.11.2", S::system, "/usr/bin/python3.11"),
                      interpreter("3.11.2", S::pyenv, "/p/bin/python3.11")}),
              (Strings{"3.11.2@/usr/bin", "3.11.2"}));
}

TEST(Labels, AVenvComesAfterItsBaseAndOneDirectoryTwiceUsesTheFullPath) {
    EXPECT_EQ(labels({interpreter("3.12.1", S::explicit_path, "/v/bin/python", "v"),
                      interpreter("3.12.1", S::explicit_path, "/u/bin/python3.12"),
                      interpreter("3.12.1", S::explicit_path, "/v/bin/python3", "v")}),
              (Strings{"3.12.1@/v/bin", "3.12.1", "3.12.1@/v/bin/python3"}));
}

TEST(Labels, BrokenOnesGetNone) {
    Interpreter broken;
    broken.found_as = {"/x/python3"};
    broken.problem = "exited with code 1";
    EXPECT_EQ(labels({broken, interpreter("3.10.13", S::pyenv, "/p/bin/python3.10")}), (Strings{"", "3.10.13"}));
}

}  // namespace
}  // namespace perfmatrix
