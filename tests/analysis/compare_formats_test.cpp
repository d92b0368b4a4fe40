// The four output formats of `perfmatrix compare`: structure, not numbers of any timing.

#include "analysis/compare/compare_formats.hpp"
#include "analysis/text/text.hpp"
#include "compare_fixtures.hpp"

#include "tests/support/text_lines.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <sstream>

namespace perfmatrix {
namespace {

using test::lines_of;

using testing::results_of;
using testing::spawn_case;

const std::string py311 = "/root/.pyenv/versions/3.11.7/bin/python3";
const std::string py312 = "/root/.pyenv/versions/3.12.1/bin/python3";

// One slower case, one faster, one unchanged (with a comma and a quote in an axis value, for
// CSV), and a failed one; the new file is partial.
struct Files {
    Results base, fresh;
    CompareReport report;
};

std::unique_ptr<Files> files() {
    auto f = std::make_unique<Files>();
    CaseRecord failed = spawn_case("start/d", {{"python", py312}, {"args", "-c pass"}}, 1.0);
    failed.status = status::nonzero_exit;
    failed.reason = "exit code 2 (expected 0); stderr: Unknown option: -I\nusage: python [option]";
    f->base = results_of({spawn_case("start/a", {{"python", py311}, {"args", "-c pass"}}, 1.0),
                          spawn_case("start/b", {{"python", py312}, {"args", "-S"}}, 1.0),
                          spawn_case("start/c", {{"python", py311}, {"args", "-c \"a, b\""}}, 1.0),
                          spawn_case("start/d", {{"python", py312}, {"args", "-c pass"}}, 1.0)});
    f->fresh = results_of({spawn_case("start/a", {{"python", py311}, {"args", "-c pass"}}, 1.2),
                           spawn_case("start/b", {{"python", py312}, {"args", "-S"}}, 0.8),
                           spawn_case("start/c", {{"python", py311}, {"args", "-c \"a, b\""}}, 1.0), failed},
                          9, "interrupted");
    f->report = compare_files({{"base.h5", &f->base, ""}, {"new.h5", &f->fresh, ""}}, CompareSettings{});
    return f;
}

std::string without_escapes(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\x1b') {
            i = text.find('m', i);
            continue;
        }
        out += text[i];
    }
    return out;
}

TEST(CompareTable, HasTheSectionsAndColoursOnlyWhenAsked) {
    const auto f = files();
    const std::string plain = render_compare_table(f->report, false);
    for (const char* part : {"perfmatrix compare", "PARTIAL: 4 of 9 planned cases, last run interrupted",
                             "new.h5 vs base.h5 (baseline): 3 compared, 1 not compared", "speed-up", "by category",
                             "largest improvements", "largest regressions", "not compared (1)",
                             "new nonzero_exit: exit code 2", "python: /root/.pyenv/versions/…/bin/python3"})
        EXPECT_NE(plain.find(part), std::string::npos) << part << "\n" << plain;
    EXPECT_EQ(plain.find('\x1b'), std::string::npos);

    const std::string coloured = render_compare_table(f->report, true);
    EXPECT_NE(coloured.find("\x1b[31m"), std::string::npos);  // the slower case
    EXPECT_NE(coloured.find("\x1b[32m"), std::string::npos);  // the faster one
    // Colour wraps whole lines, so the alignment is the plain table's.
    EXPECT_EQ(without_escapes(coloured), plain);
}

TEST(CompareTable, CaseRowsAreAligned) {
    const auto f = files();
    const std::vector<std::string> lines = lines_of(render_compare_table(f->report, false));
    const auto header = std::find_if(lines.begin(), lines.end(),
                                     [](const std::string& l) { return l.starts_with("  benchmark  case"); });
    ASSERT_NE(header, lines.end());
    const std::size_t verdict_column = display_width(header->substr(0, header->find("verdict")));
    for (auto it = header + 1; it != header + 4; ++it) {
        std::size_t at = std::string::npos;
        for (const char* verdict : {"slower", "faster", "no significant change"}) at = std::min(at, it->find(verdict));
        ASSERT_NE(at, std::string::npos) << *it;
        EXPECT_EQ(display_width(it->substr(0, at)), verdict_column) << *it;
    }
}

TEST(CompareMarkdown, TablesHaveAsManyCellsAsHeaders) {
    const auto f = files();
    const std::string md = render_compare_markdown(f->report);
    EXPECT_TRUE(md.starts_with("# perfmatrix compare\n"));
    EXPECT_NE(md.find("## new.h5 vs base.h5 (baseline)"), std::string::npos);
    EXPECT_NE(md.find("### Not compared (1)"), std::string::npos);
    // An unescaped '|' separates cells: every line of a table has as many as its header.
    auto cells = [](const std::string& line) {
        std::size_t n = 0;
        for (std::size_t i = 0; i < line.size(); ++i)
            if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
        return n;
    };
    std::size_t expected = 0, table_lines = 0;
    for (const std::string& line : lines_of(md)) {
        if (!line.starts_with("|")) {
            expected = 0;
            continue;
        }
        if (expected == 0) expected = cells(line);
        EXPECT_EQ(cells(line), expected) << line;
        ++table_lines;
    }
    EXPECT_EQ(table_lines, (2 + 3) + (2 + 2));  // cases: header, rule, 3 rows; categories: startup, overall
}

// RFC 4180 fields of one line (quotes doubled inside quoted fields; no line breaks in ours).
std::vector<std::string> csv_fields(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char ch = line[i];
        if (quoted && ch == '"' && i + 1 < line.size() && line[i + 1] == '"')
            out.back() += line[++i];
        else if (ch == '"')
            quoted = !quoted;
        else if (ch == ',' && !quoted)
            out.emplace_back();
        else
            out.back() += ch;
    }
    return out;
}

TEST(CompareCsv, OneLinePerPairWithEveryColumn) {
    const auto f = files();
    const std::vector<std::string> lines = lines_of(render_compare_csv(f->report));
    ASSERT_EQ(lines.size(), 1u + 4u);
    const std::vector<std::string> header = csv_fields(lines[0]);
    const auto col = [&](const char* name) {
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    };
    for (const char* name : {"case_id", "axes", "metric", "speedup", "p_value", "verdict", "reason", "new_status"})
        ASSERT_LT(col(name), header.size()) << name;
    std::map<std::string, std::vector<std::string>> by_id;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        std::vector<std::string> fields = csv_fields(lines[i]);
        ASSERT_EQ(fields.size(), header.size()) << lines[i];
        by_id[fields[col("case_id")]] = fields;
    }
    EXPECT_EQ(by_id["start/a"][col("verdict")], "slower");
    EXPECT_EQ(by_id["start/b"][col("verdict")], "faster");
    EXPECT_EQ(by_id["start/c"][col("verdict")], "no significant change");
    EXPECT_EQ(by_id["start/c"][col("axes")], "python=" + py311 + ";args=-c \"a, b\"");  // full values
    EXPECT_EQ(by_id["start/d"][col("verdict")], "not compared");
    EXPECT_EQ(by_id["start/d"][col("new_status")], "nonzero_exit");
    EXPECT_NEAR(std::stod(by_id["start/a"][col("speedup")]), 1 / 1.2, 1e-9);
}

TEST(CompareJson, DocumentedFields) {
    const auto f = files();
    const nlohmann::json doc = nlohmann::json::parse(render_compare_json(f->report));
    EXPECT_EQ(doc["format"], "perfmatrix-compare");
    EXPECT_EQ(doc["format_version"], 1);
    EXPECT_EQ(doc["mode"], "files");
    EXPECT_EQ(doc["settings"]["alpha"], 0.05);
    EXPECT_TRUE(doc["settings"]["metric"].is_null());
    ASSERT_EQ(doc["files"].size(), 2u);
    EXPECT_EQ(doc["files"][1]["partial"], true);
    EXPECT_EQ(doc["files"][1]["last_run_status"], "interrupted");
    const nlohmann::json& set = doc["comparisons"][0];
    EXPECT_EQ(set["baseline"], "base.h5");
    ASSERT_EQ(set["cases"].size(), 3u);
    const nlohmann::json& a = set["cases"][0];
    for (const char* key :
         {"benchmark", "case_id",         "axes",       "category", "metric",   "unit",    "better",     "n_baseline",
          "n_new",     "median_baseline", "median_new", "ratio",    "ratio_ci", "speedup", "speedup_ci", "p_value",
          "test",      "verdict",         "reason",     "noise",    "baseline", "new"})
        EXPECT_TRUE(a.contains(key)) << key;
    EXPECT_EQ(a["case_id"], "start/a");
    EXPECT_EQ(a["axes"]["python"], py311);
    EXPECT_EQ(a["verdict"], "slower");
    EXPECT_EQ(a["better"], "lower");
    EXPECT_NEAR(a["speedup"].get<double>(), 1 / 1.2, 1e-9);
    EXPECT_EQ(a["new"]["status"], "ok");
    ASSERT_EQ(set["not_compared"].size(), 1u);
    EXPECT_EQ(set["not_compared"][0]["new"]["status"], "nonzero_exit");
    EXPECT_EQ(set["categories"][0]["category"], "startup");
    EXPECT_EQ(set["overall"]["cases"], 3);
    EXPECT_EQ(set["top_regressions"], nlohmann::json::array({"start/a"}));
    EXPECT_EQ(set["top_improvements"], nlohmann::json::array({"start/b"}));
}

TEST(CompareFormats, ParseNames) {
    EXPECT_EQ(parse_compare_format("markdown"), CompareFormat::markdown);
    EXPECT_FALSE(parse_compare_format("html").has_value());
}

}  // namespace
}  // namespace perfmatrix
