// Parsing what the probe and the import checks print: fixed text, no processes.

#include "orchestrator/interpreters/probe_script.hpp"
#include "tests/support/interpreter_fixtures.hpp"

#include <gtest/gtest.h>

namespace perfmatrix {
namespace {

std::string problem_of(std::string_view text) {
    auto parsed = parse_probe_output(text);
    if (const auto* p = std::get_if<std::string>(&parsed)) return *p;
    ADD_FAILURE() << "expected a problem for: " << text;
    return "";
}

TEST(ProbeScript, ReadsTheResultLineAmidOtherOutput) {
    const auto text = "a sitecustomize said hello\n" + test::probe_line("3.11.2", "/usr/bin/python3.11", "/usr") +
                      "\r\nand goodbye\n";
    auto parsed = parse_probe_output(text);
    ASSERT_TRUE(std::holds_alternative<InterpreterBuild>(parsed)) << std::get<std::string>(parsed);
    const auto& b = std::get<InterpreterBuild>(parsed);
    EXPECT_EQ(b.implementation, "CPython");
    EXPECT_EQ(b.version, "3.11.2");
    EXPECT_EQ(b.version_info, (std::array<int, 3>{3, 11, 2}));
    EXPECT_EQ(b.executable, "/usr/bin/python3.11");
    EXPECT_EQ(b.prefix, "/usr");
    EXPECT_EQ(b.cache_tag, "cpython-311");
    EXPECT_FALSE(b.venv);
}

TEST(ProbeScript, NoResultLineQuotesTheOutput) {
    EXPECT_EQ(problem_of(""), "printed nothing (expected the probe's result line)");
    const auto p = problem_of("Welcome to \x01garbage\n");
    EXPECT_NE(p.find("printed no probe result"), std::string::npos) << p;
    EXPECT_NE(p.find("Welcome to \\x01garbage"), std::string::npos) << p;
    EXPECT_EQ(p.find("\\x0a"), std::string::npos) << "the final newline is no garbage: " << p;
}

TEST(ProbeScript, MalformedResultSaysWhatWasWrong) {
    EXPECT_NE(problem_of("perfmatrix-probe {not json\n").find("not what the probe prints"), std::string::npos);
    EXPECT_NE(problem_of("perfmatrix-probe [1, 2]\n").find("not a JSON object"), std::string::npos);
    EXPECT_NE(problem_of(R"(perfmatrix-probe {"implementation": "CPython"})").find("not what the probe prints"),
              std::string::npos);
    auto line = test::probe_line("3.11.2", "/x", "/y");
    line.replace(line.find("\"venv\":false"), 12, "\"venv\":\"no\"");
    EXPECT_NE(problem_of(line).find("'venv' is not a boolean"), std::string::npos) << problem_of(line);
}

TEST(ProbeScript, ProbeSourceIsPython2Compatible) {
    // No f-strings and no print statement/function: the same text runs on 2.7 and 3.x.
    const auto& src = probe_source();
    EXPECT_EQ(src.find("f\""), std::string::npos);
    EXPECT_EQ(src.find("print"), std::string::npos);
    EXPECT_NE(src.find("perfmatrix-probe"), std::string::npos);
}

TEST(ImportCheck, ResultLines) {
    auto c = parse_import_output("noise\nperfmatrix-import present 1.26.4\n");
    EXPECT_EQ(c.state, ModuleCheck::State::present);
    EXPECT_EQ(c.version, "1.26.4");
    EXPECT_EQ(parse_import_output("perfmatrix-import absent\n").state, ModuleCheck::State::absent);
    c = parse_import_output("perfmatrix-import failed ImportError: libopenblas.so.0: cannot open\n");
    EXPECT_EQ(c.state, ModuleCheck::State::failed);
    EXPECT_EQ(c.reason, "ImportError: libopenblas.so.0: cannot open");
    c = parse_import_output("Segmentation fault\n");
    EXPECT_EQ(c.state, ModuleCheck::State::failed);
    EXPECT_NE(c.reason.find("Segmentation fault"), std::string::npos);
}

TEST(ImportCheck, SourceNamesTheModule) {
    const auto src = import_check_source("torch");
    EXPECT_NE(src.find("import torch as m"), std::string::npos);
    EXPECT_NE(src.find("No module named torch"), std::string::npos);
}

}  // namespace
}  // namespace perfmatrix
