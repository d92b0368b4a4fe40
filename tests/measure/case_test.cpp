#include "measure/model/case.hpp"
#include "measure/model/case_json.hpp"

#include <gtest/gtest.h>

#include <string>

namespace perfmatrix {
namespace {

TEST(Placement, NamesMatchJobFileSpelling) {
    EXPECT_EQ(std::string(to_string(Placement::exclusive)), "exclusive");
    EXPECT_EQ(std::string(to_string(Placement::shared)), "shared");
}

CaseOutcome full_outcome() {
    CaseOutcome o;
    o.status = status::nonzero_exit;
    o.reason = "exit code 3; stderr: ünïcödé";
    o.samples = {{"wall_time", "s", 0, true, 0.25}, {"wall_time", "s", 0, false, 1e-300}};
    // Deliberately not in key order: the order a runner records must survive.
    o.environment = {{"python.version", "3.12.1"}, {"numpy", "1.26.4"}, {"PYTHONHASHSEED", ""}, {"a", "x"}};
    o.components = {{"json.decoder", "import_self", "s", 0, true, 1.5e-4},
                    {"json", "import_cumulative", "s", 0, false, 2.5e-3},
                    {"encodings.utf_8", "import_self", "s", 1, false, 7e-6}};
    return o;
}

void expect_same(const CaseOutcome& want, const CaseOutcome& got) {
    EXPECT_EQ(want.status, got.status);
    EXPECT_EQ(want.reason, got.reason);
    EXPECT_EQ(want.samples, got.samples);
    EXPECT_EQ(want.environment, got.environment);
    EXPECT_EQ(want.components, got.components);
}

TEST(OutcomeJson, EnvironmentAndComponentsRoundTripInOrder) {
    const CaseOutcome o = full_outcome();
    // Through text, as it crosses the process and MPI boundaries.
    const CaseOutcome back = outcome_from_json(nlohmann::json::parse(outcome_to_json(o).dump()));
    expect_same(o, back);
}

TEST(OutcomeJson, EnvironmentIsAnArrayOfPairsAndComponentsAreColumns) {
    const nlohmann::json j = outcome_to_json(full_outcome());
    ASSERT_TRUE(j.at("environment").is_array());
    EXPECT_EQ(j.at("environment").at(1), nlohmann::json::array({"numpy", "1.26.4"}));
    EXPECT_EQ(j.at("components").at("component").size(), 3u);
    EXPECT_EQ(j.at("components").at("component").at(2), "encodings.utf_8");
}

TEST(OutcomeJson, AnOutcomeWithoutTheNewMembersStillParses) {
    // What a perfmatrix-measure built before environment/components writes.
    const auto old = nlohmann::json::parse(R"({"status": "ok", "reason": "",
        "samples": {"metric": ["wall_time"], "unit": ["s"], "repetition": [0], "warmup": [false], "value": [0.5]}})");
    const CaseOutcome o = outcome_from_json(old);
    EXPECT_EQ(o.status, "ok");
    ASSERT_EQ(o.samples.size(), 1u);
    EXPECT_EQ(o.samples[0], (Sample{"wall_time", "s", 0, false, 0.5}));
    EXPECT_TRUE(o.environment.empty());
    EXPECT_TRUE(o.components.empty());
}

TEST(OutcomeJson, EmptyEnvironmentAndComponentsStayEmpty) {
    const CaseOutcome back = outcome_from_json(outcome_to_json(CaseOutcome{}));
    EXPECT_TRUE(back.environment.empty());
    EXPECT_TRUE(back.components.empty());
    EXPECT_TRUE(back.samples.empty());
}

// The message names the column, so a broken runner is easy to find.
void expect_rejected(const nlohmann::json& j, const std::string& words) {
    try {
        outcome_from_json(j);
        FAIL() << "accepted " << j.dump();
    } catch (const nlohmann::json::exception& e) {
        EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
}

TEST(OutcomeJson, ColumnsOfDifferentLengthsAreRefusedNamingTheColumn) {
    nlohmann::json j = outcome_to_json(full_outcome());
    j["components"]["unit"].erase(0);
    expect_rejected(j, "components.unit");
    j = outcome_to_json(full_outcome());
    j["samples"]["value"].push_back(1.0);
    expect_rejected(j, "samples.value");
}

TEST(OutcomeJson, AnEnvironmentEntryMustBeAPair) {
    nlohmann::json j = outcome_to_json(full_outcome());
    j["environment"].push_back(nlohmann::json::array({"lonely"}));
    expect_rejected(j, "[key, value] pair");
    j = outcome_to_json(full_outcome());
    j["environment"][0][1] = 3;  // a value must be text
    EXPECT_THROW(outcome_from_json(j), nlohmann::json::type_error);
}

}  // namespace
}  // namespace perfmatrix
