// Case ids and the job hash: stable across parses and independent of where a case sits.

#include "orchestrator/job/case_id.hpp"
#include "orchestrator/job/job.hpp"
#include "orchestrator/job/sha256.hpp"
#include "tests/support/job_test_support.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

namespace perfmatrix {
namespace {

TEST(Sha256, KnownAnswer) {
    // FIPS 180-2 test vector.
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(CaseId, IsBenchmarkSlashTenHexOfTheKey) {
    const auto id = make_case_id("bench", {{"n", "1"}, {"mode", "fast"}});
    // Pairs are hashed sorted by axis name, each after a NUL.
    const std::string key("bench\0mode=fast\0n=1", 19);
    EXPECT_EQ(id, "bench/" + sha256_hex(key).substr(0, 10));
    EXPECT_TRUE(std::regex_match(id, std::regex("bench/[0-9a-f]{10}")));
}

TEST(CaseId, DependsOnEveryPart) {
    const auto base = make_case_id("b", {{"n", "1"}});
    EXPECT_NE(base, make_case_id("c", {{"n", "1"}}));
    EXPECT_NE(base, make_case_id("b", {{"n", "2"}}));
    EXPECT_NE(base, make_case_id("b", {{"m", "1"}}));
    EXPECT_NE(base, make_case_id("b", {}));
    // Joining with NUL is unambiguous because axis names cannot hold '=' or NUL and values
    // cannot hold NUL (JobErrors.NulInAxisValue).
    EXPECT_NE(make_case_id("b", {{"a", "1"}, {"b", "2"}}), make_case_id("b", {{"a", "1b=2"}}));
}

std::map<std::string, std::string> ids_by_case(const Job& job) {
    std::map<std::string, std::string> out;
    for (const auto& c : job.cases) {
        std::map<std::string, std::string> sorted;
        for (const auto& a : c.axes) sorted[a.axis] = a.value;
        std::string key;
        for (const auto& [axis, value] : sorted) key += axis + "=" + value + ";";
        out[key] = c.id;
    }
    return out;
}

constexpr const char* kJob = R"(
[[benchmark]]
name = "b"
kind = "spawn"
argv = ["/bin/echo", "{{n}}", "{{mode}}"]
[benchmark.matrix]
{}
{}
)";

TEST(CaseId, SameFileGivesSameIds) {
    const auto text = fmt::format(kJob, "n = [1, 2, 4]", "mode = [\"a\", \"b\"]");
    const auto first = test::parse(text);
    const auto second = test::parse(text);
    ASSERT_EQ(first.cases.size(), 6u);
    for (std::size_t i = 0; i < first.cases.size(); ++i) EXPECT_EQ(first.cases[i].id, second.cases[i].id);
}

TEST(CaseId, ReorderingValuesOrAxesKeepsEachCombinationsId) {
    const auto original = test::parse(fmt::format(kJob, "n = [1, 2, 4]", "mode = [\"a\", \"b\"]"));
    const auto values_reordered = test::parse(fmt::format(kJob, "n = [4, 1, 2]", "mode = [\"b\", \"a\"]"));
    const auto axes_reordered = test::parse(fmt::format(kJob, "mode = [\"a\", \"b\"]", "n = [2, 4, 1]"));
    EXPECT_NE(original.cases.front().id, values_reordered.cases.front().id);  // the order did change
    EXPECT_EQ(ids_by_case(original), ids_by_case(values_reordered));
    EXPECT_EQ(ids_by_case(original), ids_by_case(axes_reordered));
    EXPECT_EQ(ids_by_case(original).size(), 6u);  // and all ids differ
}

// Hostile testing found this pair: two different cases of benchmark "t" whose 40-bit ids are equal.
TEST(CaseId, CasesWhoseShortIdsCollideBothTakeTheLongIdInAnyOrder) {
    const std::vector<AxisValue> x{{"a", "529"}, {"b", "950"}}, y{{"a", "819"}, {"b", "687"}};
    ASSERT_EQ(make_case_id("t", x), make_case_id("t", y));  // the collision is real
    const std::vector<AxisValue> z{{"a", "1"}, {"b", "2"}};
    const auto ids = unique_case_ids("t", {x, z, y});
    EXPECT_EQ(ids[0], make_long_case_id("t", x));
    EXPECT_EQ(ids[2], make_long_case_id("t", y));
    EXPECT_NE(ids[0], ids[2]);
    EXPECT_EQ(ids[1], make_case_id("t", z));  // the others keep their short ids
    EXPECT_TRUE(std::regex_match(ids[0], std::regex("t/[0-9a-f]{64}")));
    const auto reordered = unique_case_ids("t", {y, x, z});
    EXPECT_EQ(reordered[0], ids[2]);
    EXPECT_EQ(reordered[1], ids[0]);
    EXPECT_EQ(reordered[2], ids[1]);
}

TEST(CaseId, AJobWhoseShortIdsCollideLoads) {
    const auto job = test::parse(test::spawn_benchmark("t", R"(
argv = ["/bin/echo", "{a}", "{b}"]
[benchmark.matrix]
a = [529, 819]
b = [950, 687]
)"));
    ASSERT_EQ(job.cases.size(), 4u);
    std::set<std::string> ids;
    for (const auto& c : job.cases) ids.insert(c.id);
    EXPECT_EQ(ids.size(), 4u);
}

TEST(CaseId, EqualAxesSetsStillShareOneId) {
    const std::vector<AxisValue> x{{"a", "1"}};
    const auto ids = unique_case_ids("t", {x, x});
    EXPECT_EQ(ids[0], ids[1]);
    EXPECT_EQ(ids[0], make_case_id("t", x));
}

// Results files and --resume name cases by these ids, and plan_index by this order: both must
// stay exactly as they are whatever the loader does to be fast. Printed by `perfmatrix plan` of
// the loader before it was made linear (main 159a9f1).
TEST(CaseId, IdsAndPlanOrderArePinned) {
    const auto job = test::parse(R"(
[[benchmark]]
name = "t"
kind = "spawn"
argv = ["/bin/echo", "{a}", "{b}"]
[benchmark.matrix]
a = [529, 819]
b = [950, 687]

[[benchmark]]
name = "grid"
kind = "spawn"
argv = ["/bin/echo", "{mode}", "{n}"]
[benchmark.matrix]
n = [1, 2]
mode = ["fast", "slow"]
exclude = [{ n = 2, mode = "slow" }]
include = [{ mode = "fast", extra = "x" }, { n = 3, mode = "odd" }]
)");
    std::vector<std::string> ids;
    for (const auto& c : job.cases) ids.push_back(c.id);
    EXPECT_EQ(ids, (std::vector<std::string>{
                       "t/de43658b1074d3f71ab0f8549889d12f09023c69f0d20ab6c4a61fc0ba1478c8",
                       "t/5b82cf9f45",
                       "t/36ec561d06",
                       "t/de43658b10e5099bc0a9cc49c95295f74a01409818c7ef388cf674fde3505ed8",
                       "grid/ece3aada33",
                       "grid/481a9fd2fd",
                       "grid/0b05838b9a",
                       "grid/e830e5f0ca",
                   }));
    ASSERT_EQ(job.cases.size(), 8u);
    EXPECT_EQ(job.cases[0].axes, (std::vector<AxisValue>{{"a", "529"}, {"b", "950"}}));
    EXPECT_EQ(job.cases[3].axes, (std::vector<AxisValue>{{"a", "819"}, {"b", "687"}}));
    EXPECT_EQ(job.cases[4].axes, (std::vector<AxisValue>{{"n", "1"}, {"mode", "fast"}, {"extra", "x"}}));
    EXPECT_EQ(job.cases[7].axes, (std::vector<AxisValue>{{"n", "3"}, {"mode", "odd"}}));
}

TEST(CaseIdSet, NamesTheCasesThatRepeatAnEarlierOne) {
    const std::vector<AxisValue> x{{"a", "1"}}, y{{"a", "2"}};
    CaseIdSet set("t");
    for (const auto& axes : {x, y, x, x}) set.add(axes);
    set.finish();
    ASSERT_EQ(set.size(), 4u);
    EXPECT_FALSE(set.repeats(0));
    EXPECT_FALSE(set.repeats(1));
    EXPECT_EQ(set.repeats(2), 0u);
    EXPECT_EQ(set.repeats(3), 0u);
    EXPECT_TRUE(set.repeated_later(0));
    EXPECT_FALSE(set.repeated_later(1));
    EXPECT_EQ(set.id(2), make_case_id("t", x));
    EXPECT_EQ(set.id(1), make_case_id("t", y));
}

TEST(CaseId, JobHashIsSha256OfTheText) {
    const auto text = test::job_text(fmt::format(kJob, "n = [1]", "mode = [\"a\"]"));
    const auto job = parse_job(text, "dir/quick.start.toml");
    EXPECT_EQ(job.hash, sha256_hex(text));
    EXPECT_EQ(job.text, text);
    EXPECT_EQ(job.path, "dir/quick.start.toml");
    EXPECT_EQ(job.name, "quick.start");  // no [job] name: the file name without extension
}

}  // namespace
}  // namespace perfmatrix
