#include "analysis/text/text.hpp"
#include "analysis/text/text_table.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace perfmatrix {
namespace {

TEST(DisplayWidth, CountsCodePointsNotBytes) {
    EXPECT_EQ(display_width(""), 0u);
    EXPECT_EQ(display_width("abc"), 3u);
    EXPECT_EQ(display_width("12.35 µs"), 8u);
    EXPECT_EQ(display_width("a…b"), 3u);
}

TEST(FlattenLines, JoinsLinesAndSqueezesSpaces) {
    EXPECT_EQ(flatten_lines("  exit code 1\nTraceback:\r\n\n   line  two\t x \n"),
              "exit code 1 | Traceback: | line two x");
    EXPECT_EQ(flatten_lines(""), "");
    EXPECT_EQ(flatten_lines("\n\n"), "");
}

TEST(ElideMiddle, KeepsHeadAndTail) {
    EXPECT_EQ(elide_middle("abcdefghij", 10), "abcdefghij");
    EXPECT_EQ(elide_middle("abcdefghij", 5), "ab…ij");
    EXPECT_EQ(elide_middle("abcdefghij", 6), "abc…ij");
    EXPECT_EQ(elide_middle("µµµµµµ", 4), "µµ…µ");  // never splits a UTF-8 sequence
    EXPECT_EQ(display_width(elide_middle(std::string(300, 'x'), 100)), 100u);
}

TEST(TextTable, AlignsColumnsByDisplayWidth) {
    TextTable t;
    t.add_column("name", Align::left);
    t.add_column("time", Align::right);
    t.add_column("note", Align::left);
    t.add_row({"a", "1.000 µs", "x"});
    t.add_row({"longer", "12.35 ms"});  // missing trailing cell: blank, no trailing spaces
    EXPECT_EQ(t.render("  "),
              "  name        time  note\n"
              "  a       1.000 µs  x\n"
              "  longer  12.35 ms\n");
    EXPECT_EQ(t.rows(), 2u);
    EXPECT_THROW(t.add_row({"1", "2", "3", "4"}), std::invalid_argument);
}

}  // namespace
}  // namespace perfmatrix
