#include "results/fixed_string.hpp"

#include <gtest/gtest.h>

#include <string>

namespace perfmatrix {
namespace {

// True when no multi-byte UTF-8 character was cut: every lead byte has all its continuations.
bool is_whole_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += len;
    }
    return true;
}

TEST(FixedString, ValueOfExactlyTheWidthKeepsEveryByte) {
    char field[8];
    put_fixed(field, "abcdefgh");
    EXPECT_EQ(get_fixed(field), "abcdefgh");
}

TEST(FixedString, ShortValueIsPaddedWithNuls) {
    char field[8];
    put_fixed(field, "ab");
    EXPECT_EQ(get_fixed(field), "ab");
    for (std::size_t i = 2; i < sizeof field; ++i) EXPECT_EQ(field[i], '\0');
}

TEST(FixedString, LongValueKeepsItsHeadAndIsMarked) {
    char field[8];
    put_fixed(field, "0123456789");
    EXPECT_EQ(get_fixed(field), "01234...");
}

TEST(FixedString, LongReasonKeepsItsTail) {
    char field[8];
    put_fixed(field, "0123456789", Keep::tail);
    EXPECT_EQ(get_fixed(field), "...56789");
}

TEST(FixedString, CutsNeverSplitAUtf8Character) {
    // "é" is two bytes: with 5 bytes of room an odd cut would fall inside one.
    const std::string text = "éééééééé";
    for (std::size_t width = 4; width < 12; ++width) {
        std::string field(width, 'x');
        put_fixed(field.data(), width, text, Keep::head);
        const std::string head = get_fixed(field.data(), width);
        EXPECT_TRUE(is_whole_utf8(head)) << width << ": " << head;
        EXPECT_LE(head.size(), width);
        put_fixed(field.data(), width, text, Keep::tail);
        const std::string tail = get_fixed(field.data(), width);
        EXPECT_TRUE(is_whole_utf8(tail)) << width << ": " << tail;
        EXPECT_LE(tail.size(), width);
    }
}

}  // namespace
}  // namespace perfmatrix
