// Reading pip's output: the reason an install failed, `pip list --format=json`, `pip --version`.
// The texts are what pip 23/24 print (seen here with pip 23.2.1 and an unknown package).

#include "orchestrator/environments/pip_output.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

using Lines = std::vector<std::string>;

TEST(PipOutput, TheReasonIsPipsErrorLines) {
    const Lines lines{"Looking in links: /wheels", "Processing /wheels/tinypkg-1.0-py3-none-any.whl",
                      "ERROR: Could not find a version that satisfies the requirement torch (from versions: none)",
                      "ERROR: No matching distribution found for torch", ""};
    EXPECT_EQ(pip_failure_reason(lines, "exited with code 1"),
              "Could not find a version that satisfies the requirement torch (from versions: none) | No matching "
              "distribution found for torch");
}

TEST(PipOutput, WithoutErrorLinesTheLastLineAndHowItEnded) {
    const Lines lines{"Collecting torch", "  Downloading torch-2.5.1-cp312-cp312-manylinux1_x86_64.whl (906 MB)", ""};
    EXPECT_EQ(pip_failure_reason(lines, "no end within 600 s (killed)"),
              "Downloading torch-2.5.1-cp312-cp312-manylinux1_x86_64.whl (906 MB) (no end within 600 s (killed))");
    EXPECT_EQ(pip_failure_reason({}, "cannot execute '/x/python': No such file or directory"),
              "cannot execute '/x/python': No such file or directory");
}

TEST(PipOutput, LongReasonsKeepTheirEnd) {
    Lines lines;
    for (int i = 0; i < 100; ++i) lines.push_back("ERROR: line " + std::to_string(i) + std::string(40, '.'));
    const auto reason = pip_failure_reason(lines, "exited with code 1");
    EXPECT_LE(reason.size(), 1010u);
    EXPECT_NE(reason.find("line 99"), std::string::npos);
    EXPECT_EQ(reason.find("line 0."), std::string::npos);
}

TEST(PipOutput, ListIsTheJsonLine) {
    const Lines lines{"WARNING: something pip wanted to say",
                      R"([{"name": "numpy", "version": "2.1.3"}, {"name": "pip", "version": "23.2.1"}])"};
    EXPECT_EQ(parse_pip_list(lines), (std::vector<InstalledPackage>{{"numpy", "2.1.3"}, {"pip", "23.2.1"}}));
    EXPECT_TRUE(parse_pip_list({"[]"}).empty());
    EXPECT_THROW(parse_pip_list({"Traceback (most recent call last):", "ImportError: x"}), std::runtime_error);
    EXPECT_THROW(parse_pip_list({R"([{"name": "numpy"}])"}), std::runtime_error);
}

TEST(PipOutput, Version) {
    EXPECT_EQ(parse_pip_version({"pip 23.2.1 from /e/lib/python3.12/site-packages/pip (python 3.12)"}), "23.2.1");
    EXPECT_EQ(parse_pip_version({"/e/bin/python: No module named pip"}), "");
}

}  // namespace
}  // namespace perfmatrix
