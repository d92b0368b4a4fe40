// A case's settings: one `settings` row in the file, read back as settings.<name> entries.

#include "results/results_reader.hpp"
#include "results/results_writer.hpp"
#include "results/settings_entry.hpp"
#include "tests/results/fixture_cases.hpp"
#include "tests/results/temp_dir.hpp"

#include <gtest/gtest.h>

#include <string>

namespace perfmatrix {
namespace {

const nlohmann::json settings = {{"warmup", 1}, {"placement", "shared"}, {"requires", {"gpu"}}, {"min_time", 0.5}};

TEST(SettingsEntry, IsOneRowOfJson) {
    const Environment entries = settings_entries(settings);
    ASSERT_EQ(entries.size(), 1u);
    EXPECT_EQ(entries[0].first, "settings");
    EXPECT_EQ(nlohmann::json::parse(entries[0].second), settings);
}

TEST(SettingsEntry, ExpandsInPlaceAsOneEntryPerSetting) {
    Environment env{{"python.version", "3.12"}, settings_entries(settings)[0], {"threads", "4"}};
    expand_settings(env);
    const Environment expected{{"python.version", "3.12"},       {"settings.min_time", "0.5"},
                               {"settings.placement", "shared"}, {"settings.requires", R"(["gpu"])"},
                               {"settings.warmup", "1"},         {"threads", "4"}};
    EXPECT_EQ(env, expected);
}

TEST(SettingsEntry, TooLongForOneRowIsARowPerSetting) {
    nlohmann::json many = settings;
    many["requires"] = std::vector<std::string>(200, "capability");
    const Environment entries = settings_entries(many);
    ASSERT_EQ(entries.size(), many.size());
    EXPECT_EQ(entries[2].first, "settings.requires");
    Environment expanded = entries;
    expand_settings(expanded);  // nothing to expand
    EXPECT_EQ(expanded, entries);
}

TEST(SettingsEntry, ARowThatIsNotAnObjectIsKept) {
    Environment env{{"settings", "fast"}};
    expand_settings(env);
    EXPECT_EQ(env, (Environment{{"settings", "fast"}}));
}

TEST(SettingsEntry, TheReaderReturnsTheEntriesAFileStoresAsOneRow) {
    test::TempDir dir;
    const auto file = dir / "r.h5";
    CaseRecord c = test::fixture_case(1, 2);
    c.environment = {{"python.version", "3.12"}};
    const Environment stored = settings_entries(settings);
    c.environment.insert(c.environment.end(), stored.begin(), stored.end());
    {
        ResultsWriter w = ResultsWriter::create(file, test::fixture_meta());
        w.begin_invocation(test::fixture_invocation());
        w.commit_case(c);
    }
    const Results r = read_results(file, nullptr);
    ASSERT_EQ(r.cases.size(), 1u);
    Environment expected = c.environment;
    expand_settings(expected);
    EXPECT_EQ(r.cases[0].environment, expected);
    EXPECT_EQ(r.cases[0].environment.size(), 5u);
}

}  // namespace
}  // namespace perfmatrix
