#include "analysis/view/axis_labels.hpp"

#include <gtest/gtest.h>

#include <set>

namespace perfmatrix {
namespace {

TEST(AxisLabels, ShortValuesStayAsTheyAre) {
    const AxisLabels l = make_axis_labels("n", {"1", "10", "100", "1"});
    EXPECT_TRUE(l.legend.empty());
    EXPECT_EQ(l.label("10"), "10");
}

TEST(AxisLabels, InterpreterPathsKeepOnlyTheVersion) {
    const AxisLabels l = make_axis_labels("python", {"/root/.pyenv/versions/3.12.1/bin/python3",
                                                     "/root/.pyenv/versions/3.11.7/bin/python3",
                                                     "/root/.pyenv/versions/3.12.1/bin/python3"});
    // The cut stops at "/": "3.12.1" and "3.11.7" stay whole although they share "3.1".
    EXPECT_EQ(l.label("/root/.pyenv/versions/3.12.1/bin/python3"), "3.12.1");
    EXPECT_EQ(l.label("/root/.pyenv/versions/3.11.7/bin/python3"), "3.11.7");
    ASSERT_EQ(l.legend.size(), 1u);
    EXPECT_EQ(l.legend[0], "python: /root/.pyenv/versions/…/bin/python3");
}

TEST(AxisLabels, MixedInterpretersUseTheirUniqueComponent) {
    const std::string a = "/root/.pyenv/versions/3.12.1/bin/python3", b = "/root/.pyenv/versions/3.11.7/bin/python3",
                      c = "/usr/bin/python3.11";
    const AxisLabels l = make_axis_labels("python", {a, b, c});
    EXPECT_EQ(l.label(a), "3.12.1");
    EXPECT_EQ(l.label(b), "3.11.7");
    EXPECT_EQ(l.label(c), "python3.11");
    // The two pyenv paths share their surroundings: one pattern line for both.
    EXPECT_EQ(l.legend,
              (std::vector<std::string>{"python: /root/.pyenv/versions/…/bin/python3", "python: python3.11 = " + c}));
}

TEST(AxisLabels, UniqueComponentsWithDifferentSurroundingsAreListedOneByOne) {
    // "bin" and "python" are in both: each value's last component of its own is the label.
    const std::string a = "/opt/conda/envs/torch-gpu/bin/python", b = "/srv/tools/bin/python";
    const AxisLabels l = make_axis_labels("python", {a, b}, 16);
    EXPECT_EQ(l.label(a), "torch-gpu");
    EXPECT_EQ(l.label(b), "tools");
    EXPECT_EQ(l.legend, (std::vector<std::string>{"python: torch-gpu = " + a, "python: tools = " + b}));
}

TEST(AxisLabels, PrefixOnlyWhenSuffixesDiffer) {
    const AxisLabels l = make_axis_labels("cmd", {"/usr/local/bin/tool-alpha", "/usr/local/bin/other"}, 12);
    EXPECT_EQ(l.label("/usr/local/bin/tool-alpha"), "tool-alpha");
    EXPECT_EQ(l.label("/usr/local/bin/other"), "other");
    ASSERT_EQ(l.legend.size(), 1u);
    EXPECT_EQ(l.legend[0], "cmd: /usr/local/bin/…");
}

TEST(AxisLabels, SingleLongValueIsElidedAndListedInFull) {
    const std::string v = "/opt/a/rather/long/path/to/some/interpreter/python3";
    const AxisLabels l = make_axis_labels("python", {v}, 16);
    EXPECT_EQ(l.label(v), "/opt/a/r…python3");
    ASSERT_EQ(l.legend.size(), 1u);
    EXPECT_EQ(l.legend[0], "python: /opt/a/r…python3 = " + v);
}

TEST(AxisLabels, KeepsFullValuesWhenShorteningWouldMergeThem) {
    // No separators to cut at, and middle elision would make both "aaaaa…aaaa".
    const std::string a = "aaaaaaaaaaXaaaaaaaaaa", b = "aaaaaaaaaaYaaaaaaaaaa";
    const AxisLabels l = make_axis_labels("x", {a, b}, 10);
    EXPECT_EQ(l.label(a), a);
    EXPECT_EQ(l.label(b), b);
    EXPECT_TRUE(l.legend.empty());
}

TEST(AxisLabels, NoEmptyLabelWhenOneValueIsThePrefix) {
    const std::string a = "/data/sets/", b = "/data/sets/imagenet/", c = "/data/sets/coco/";
    const AxisLabels l = make_axis_labels("set", {a, b, c}, 8);
    std::set<std::string> labels;
    for (const std::string& v : {a, b, c}) {
        EXPECT_FALSE(l.label(v).empty());
        labels.insert(l.label(v));
    }
    EXPECT_EQ(labels.size(), 3u);
}

}  // namespace
}  // namespace perfmatrix
