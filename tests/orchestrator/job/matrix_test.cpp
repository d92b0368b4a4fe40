// Matrix expansion: product order, exclude, include (extend and add new), both on the pure
// expansion and through a job file (declaration order of axes, value text forms).

#include "orchestrator/interpreters/interpreter_catalog.hpp"
#include "orchestrator/job/job.hpp"
#include "orchestrator/job/matrix.hpp"
#include "tests/support/job_test_support.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace perfmatrix {
namespace {

// "a=1,b=x" per combination, to compare whole expansions at a glance.
std::vector<std::string> texts(const std::vector<Combination>& combos) {
    std::vector<std::string> out;
    for (const auto& c : combos) {
        std::string s;
        for (const auto& v : c.values) s += (s.empty() ? "" : ",") + v.axis + "=" + v.value;
        out.push_back(s);
    }
    return out;
}

std::vector<std::string> texts(const std::vector<Case>& cases) {
    std::vector<std::string> out;
    for (const auto& c : cases) {
        std::string s;
        for (const auto& v : c.axes) s += (s.empty() ? "" : ",") + v.axis + "=" + v.value;
        out.push_back(s);
    }
    return out;
}

using Strings = std::vector<std::string>;

TEST(Matrix, ProductVariesTheFirstAxisSlowest) {
    const MatrixSpec spec{{{"a", {"1", "2"}}, {"b", {"x", "y", "z"}}}, {}, {}};
    EXPECT_EQ(texts(expand_matrix(spec)), (Strings{"a=1,b=x", "a=1,b=y", "a=1,b=z", "a=2,b=x", "a=2,b=y", "a=2,b=z"}));
}

TEST(Matrix, NoAxesIsOneEmptyCombination) {
    const auto combos = expand_matrix(MatrixSpec{});
    ASSERT_EQ(combos.size(), 1u);
    EXPECT_TRUE(combos[0].values.empty());
}

TEST(Matrix, WithoutAxesEachIncludeIsACase) {
    const MatrixSpec spec{{}, {}, {{{"x", "1"}}, {{"x", "2"}, {"y", "q"}}}};
    const auto combos = expand_matrix(spec);
    EXPECT_EQ(texts(combos), (Strings{"x=1", "x=2,y=q"}));
    EXPECT_EQ(combos[1].added_by_include, 1u);
}

TEST(Matrix, ExcludeRemovesEveryCombinationMatchingAllItsKeys) {
    const MatrixSpec spec{{{"a", {"1", "2"}}, {"b", {"x", "y"}}, {"c", {"p", "q"}}},
                          {{{"a", "1"}, {"b", "y"}}, {{"c", "q"}}},
                          {}};
    EXPECT_EQ(texts(expand_matrix(spec)), (Strings{"a=1,b=x,c=p", "a=2,b=x,c=p", "a=2,b=y,c=p"}));
}

TEST(Matrix, IncludeExtendsMatchingCombinationsAndAddsTheRest) {
    // The example of GitHub Actions' documentation, which these semantics follow.
    const MatrixSpec spec{{{"fruit", {"apple", "pear"}}, {"animal", {"cat", "dog"}}},
                          {},
                          {{{"color", "green"}},
                           {{"color", "pink"}, {"animal", "cat"}},
                           {{"fruit", "apple"}, {"shape", "circle"}},
                           {{"fruit", "banana"}},
                           {{"fruit", "banana"}, {"animal", "cat"}}}};
    const auto combos = expand_matrix(spec);
    EXPECT_EQ(texts(combos),
              (Strings{"fruit=apple,animal=cat,color=pink,shape=circle",
                       "fruit=apple,animal=dog,color=green,shape=circle", "fruit=pear,animal=cat,color=pink",
                       "fruit=pear,animal=dog,color=green", "fruit=banana", "fruit=banana,animal=cat"}));
    ASSERT_EQ(combos.size(), 6u);
    EXPECT_FALSE(combos[0].added_by_include);
    EXPECT_EQ(combos[4].added_by_include, 3u);
    EXPECT_EQ(combos[5].added_by_include, 4u);
}

TEST(Matrix, IncludeNeverExtendsExcludedCombinations) {
    const MatrixSpec spec{{{"a", {"1", "2"}}}, {{{"a", "2"}}}, {{{"a", "2"}, {"tag", "t"}}}};
    const auto combos = expand_matrix(spec);
    EXPECT_EQ(texts(combos), (Strings{"a=1", "a=2,tag=t"}));
    EXPECT_EQ(combos[1].added_by_include, 0u);
}

TEST(Matrix, NewCaseFromIncludeOrdersDeclaredAxesFirst) {
    const MatrixSpec spec{{{"a", {"1"}}, {"b", {"x"}}}, {}, {{{"label", "l"}, {"b", "new"}, {"a", "9"}}}};
    EXPECT_EQ(texts(expand_matrix(spec)), (Strings{"a=1,b=x", "a=9,b=new,label=l"}));
}

TEST(Matrix, JobFileAxesKeepDeclarationOrderAndValueText) {
    // toml++ keeps table keys sorted; the cases must follow the file (zeta before alpha).
    const auto job = test::parse(test::spawn_benchmark("b", R"(
argv = ["/bin/echo", "{zeta}", "{alpha}"]
[benchmark.matrix]
zeta = [true, false]
alpha = [1, 2.5, 1e100, -0.0, "s p a c e", 3.0]
)"));
    ASSERT_EQ(job.cases.size(), 12u);
    EXPECT_EQ(texts(job.cases)[0], "zeta=true,alpha=1");
    EXPECT_EQ(texts(job.cases)[1], "zeta=true,alpha=2.5");
    EXPECT_EQ(texts(job.cases)[2], "zeta=true,alpha=1e+100");
    EXPECT_EQ(texts(job.cases)[3], "zeta=true,alpha=-0.0");
    EXPECT_EQ(texts(job.cases)[4], "zeta=true,alpha=s p a c e");
    EXPECT_EQ(texts(job.cases)[5], "zeta=true,alpha=3.0");
    EXPECT_EQ(texts(job.cases)[6], "zeta=false,alpha=1");
    ASSERT_EQ(job.benchmarks.size(), 1u);
    EXPECT_EQ(job.benchmarks[0].axes, (Strings{"zeta", "alpha"}));
    EXPECT_EQ(job.benchmarks[0].cases, 12u);
}

TEST(Matrix, JobFileExcludeAndInclude) {
    const auto job = test::parse(test::spawn_benchmark("b", R"(
argv = ["/bin/echo", "{py}", "{n}"]
[benchmark.matrix]
include = [
  { n = 2, label = "two" },
  { n = 8, py = "pypy", label = "big" },
]
py = ["3.11", "3.12"]
n = [1, 2, 4]
exclude = [{ py = "3.11", n = 4 }]
)"));
    EXPECT_EQ(texts(job.cases), (Strings{"py=3.11,n=1", "py=3.11,n=2,label=two", "py=3.12,n=1", "py=3.12,n=2,label=two",
                                         "py=3.12,n=4", "py=pypy,n=8,label=big"}));
    EXPECT_EQ(job.benchmarks[0].axes, (Strings{"py", "n", "label"}));
    EXPECT_EQ(job.cases.back().params["argv"], nlohmann::json({"/bin/echo", "pypy", "8"}));
}

TEST(Matrix, CasesFollowBenchmarkOrderThenMatrixOrder) {
    const auto job = test::parse(R"(
[[benchmark]]
name = "second-in-alphabet-first-in-file"
kind = "spawn"
argv = ["/bin/echo", "{n}"]
matrix.n = [3, 1, 2]

[[benchmark]]
name = "a-last"
kind = "spawn"
argv = ["/bin/true"]
)");
    ASSERT_EQ(job.cases.size(), 4u);
    EXPECT_EQ(texts(job.cases), (Strings{"n=3", "n=1", "n=2", ""}));
    EXPECT_EQ(job.cases[0].benchmark, "second-in-alphabet-first-in-file");
    EXPECT_EQ(job.cases[3].benchmark, "a-last");
    EXPECT_EQ(job.cases[3].kind, "spawn");
    ASSERT_EQ(job.benchmarks.size(), 2u);
    EXPECT_EQ(job.benchmarks[1].name, "a-last");
    EXPECT_TRUE(job.benchmarks[1].axes.empty());
    EXPECT_EQ(job.benchmarks[1].cases, 1u);
}

// `plan` takes the cases through a sink, one at a time: they must be the cases load_job keeps.
TEST(Matrix, ASinkTakesTheCasesLoadJobKeepsInTheirOrder) {
    const auto text = test::job_text(R"(
[[benchmark]]
name = "grid"
kind = "spawn"
argv = ["/bin/echo", "{n}", "{mode}"]
[benchmark.matrix]
n = [1, 2, 3]
mode = ["a", "b"]
exclude = [{ n = 2, mode = "b" }]
include = [{ mode = "a", label = "x" }, { n = 9, mode = "c" }]

[[benchmark]]
name = "one"
kind = "spawn"
argv = ["/bin/true"]
)");
    const Job kept = parse_job(text, "job.toml");
    std::vector<Case> taken;
    std::vector<std::string> benchmarks;
    MachineInterpreters interpreters;
    const Job sunk = parse_job(text, "job.toml", interpreters, EnvOptions{}, [&](const BenchmarkInfo& b, Case&& c) {
        benchmarks.push_back(b.name + "/" + std::to_string(b.cases));
        taken.push_back(std::move(c));
    });
    EXPECT_TRUE(sunk.cases.empty());
    ASSERT_EQ(kept.cases.size(), 7u);
    EXPECT_EQ(taken, kept.cases);
    EXPECT_EQ(benchmarks, (Strings{"grid/6", "grid/6", "grid/6", "grid/6", "grid/6", "grid/6", "one/1"}));
    ASSERT_EQ(sunk.benchmarks.size(), 2u);
    EXPECT_EQ(sunk.benchmarks[0].axes, (Strings{"n", "mode", "label"}));
    EXPECT_EQ(find_benchmark(sunk, "one"), &sunk.benchmarks[1]);

    // Parsed once, loaded twice (plan's two passes): the same cases both times.
    const JobText parsed(text, "job.toml");
    for (int pass = 0; pass < 2; ++pass) {
        std::vector<Case> again;
        const Job loaded = parsed.load(interpreters, EnvOptions{},
                                       [&](const BenchmarkInfo&, Case&& c) { again.push_back(std::move(c)); });
        EXPECT_EQ(again, kept.cases);
        EXPECT_EQ(loaded.hash, kept.hash);
    }
    EXPECT_THROW(JobText("[[benchmark]\n", "job.toml"), JobError);
}

}  // namespace
}  // namespace perfmatrix
