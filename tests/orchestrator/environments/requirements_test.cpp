// Requirement strings as a job's `requirements` lists them: what is accepted, its canonical
// text (part of an environment's identity), and a clear refusal of everything else pip takes.

#include "orchestrator/environments/requirements.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

Requirement parsed(std::string_view text) {
    auto r = parse_requirement(text);
    if (auto* problem = std::get_if<std::string>(&r)) {
        ADD_FAILURE() << text << ": " << *problem;
        return {};
    }
    return std::get<Requirement>(r);
}

std::string problem(std::string_view text) {
    auto r = parse_requirement(text);
    if (std::holds_alternative<Requirement>(r)) {
        ADD_FAILURE() << "accepted: " << text;
        return "";
    }
    return std::get<std::string>(r);
}

TEST(Requirements, NameAlone) {
    const auto r = parsed("numpy");
    EXPECT_EQ(r.name, "numpy");
    EXPECT_TRUE(r.extras.empty());
    EXPECT_TRUE(r.specifiers.empty());
    EXPECT_EQ(r.text(), "numpy");
}

TEST(Requirements, NamesAreNormalizedAsPipComparesThem) {
    EXPECT_EQ(parsed("Typing_Extensions").name, "typing-extensions");
    EXPECT_EQ(parsed("zope.interface").name, "zope-interface");
    EXPECT_EQ(parsed("a-_.b").name, "a-b");
    EXPECT_EQ(normalize_project_name("PyYAML"), "pyyaml");
}

TEST(Requirements, PinnedAndRanges) {
    EXPECT_EQ(parsed("torch==2.5.1").text(), "torch==2.5.1");
    EXPECT_EQ(parsed("  numpy >= 1.26 , < 2  ").text(), "numpy<2,>=1.26");
    EXPECT_EQ(parsed("numpy~=1.26.0").specifiers, (std::vector<std::string>{"~=1.26.0"}));
    EXPECT_EQ(parsed("numpy==1.26.*").text(), "numpy==1.26.*");
    EXPECT_EQ(parsed("numpy!=1.25.0,>=1.24").text(), "numpy!=1.25.0,>=1.24");
    EXPECT_EQ(parsed("numpy===1.26.4").text(), "numpy===1.26.4");
}

TEST(Requirements, ExtrasAreSortedAndNormalized) {
    const auto r = parsed("Jax[CUDA, cpu] >= 0.4, < 0.5");
    EXPECT_EQ(r.name, "jax");
    EXPECT_EQ(r.extras, (std::vector<std::string>{"cpu", "cuda"}));
    EXPECT_EQ(r.text(), "jax[cpu,cuda]<0.5,>=0.4");
}

TEST(Requirements, TwoSpellingsOfOneRequirementHaveOneText) {
    EXPECT_EQ(parsed("NumPy>=1.26,<2").text(), parsed("numpy < 2, >= 1.26").text());
}

TEST(Requirements, OptionsAreRefusedWithWhereToSayIt) {
    const auto p = problem("--index-url https://example.org/simple");
    EXPECT_NE(p.find("is a pip option"), std::string::npos) << p;
    EXPECT_NE(p.find("--find-links"), std::string::npos) << p;
    EXPECT_NE(problem("-e .").find("pip option"), std::string::npos);
}

TEST(Requirements, PathsUrlsAndMarkersAreRefused) {
    EXPECT_NE(problem("./dist/pkg-1.0.whl").find("is a path"), std::string::npos);
    EXPECT_NE(problem("/tmp/pkg").find("is a path"), std::string::npos);
    EXPECT_NE(problem("~/pkg").find("is a path"), std::string::npos);
    EXPECT_NE(problem("pkg @ https://example.org/pkg.whl").find("URL or direct reference"), std::string::npos);
    EXPECT_NE(problem("git+https://github.com/x/y").find("URL"), std::string::npos);
    EXPECT_NE(problem("numpy; python_version < \"3.12\"").find("environment marker"), std::string::npos);
}

TEST(Requirements, MalformedOnesSayWhatIsExpected) {
    for (const char* bad : {"", "   ", "numpy 1.26", "numpy>=", "numpy=1.0", "num py", "numpy[", "numpy[c pu]", "-",
                            "numpy-", "(numpy)", "numpy>=1.0;"}) {
        const auto p = problem(bad);
        EXPECT_NE(p.find("expected a package name"), std::string::npos) << bad << ": " << p;
    }
}

TEST(Requirements, SetText) { EXPECT_EQ(requirements_text({"numpy", "torch<2"}), "numpy torch<2"); }

}  // namespace
}  // namespace perfmatrix
