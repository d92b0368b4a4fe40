// What is kept of a helper's output stream, on fixed text: lines split across chunks, carriage
// returns dropped, the unterminated last line, the last lines and the last bytes.

#include "orchestrator/helpers/helper_output.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace perfmatrix {
namespace {

TEST(OutputCollector, LinesAcrossChunks) {
    std::vector<std::string> seen;
    OutputCollector out(1024, 10, [&](std::string_view line) { seen.emplace_back(line); });
    out.feed("one\r\ntw");
    out.feed("o\n\nthr");
    out.feed("ee");
    EXPECT_EQ(seen, (std::vector<std::string>{"one", "two", ""}));
    out.finish();
    EXPECT_EQ(seen, (std::vector<std::string>{"one", "two", "", "three"}));
    EXPECT_EQ(out.lines(), seen);
    EXPECT_EQ(out.tail(), "one\r\ntwo\n\nthree");
}

TEST(OutputCollector, KeepsTheLastLines) {
    OutputCollector out(1024, 2);
    out.feed("1\n2\n3\n4\n");
    out.finish();
    EXPECT_EQ(out.lines(), (std::vector<std::string>{"3", "4"}));
}

TEST(OutputCollector, KeepsTheLastBytes) {
    OutputCollector out(4, 0);
    for (int i = 0; i < 100; ++i) out.feed("abcdef");
    EXPECT_EQ(out.tail(), "cdef");
    EXPECT_TRUE(out.lines().empty());
}

TEST(OutputCollector, NoLinesKeptWhenNoneAsked) {
    OutputCollector out(64, 0);
    out.feed("a\nb\n");
    out.finish();
    EXPECT_TRUE(out.lines().empty());
    EXPECT_EQ(out.tail(), "a\nb\n");
}

}  // namespace
}  // namespace perfmatrix
