#include "measure/python/reason_text.hpp"

#include <gtest/gtest.h>

namespace perfmatrix::python {

TEST(ReasonText, ValidUtf8PassesUntouched) {
    EXPECT_EQ(valid_utf8("plain"), "plain");
    EXPECT_EQ(valid_utf8("µs \xe2\x86\x92 \xf0\x9f\x90\x8d"), "µs \xe2\x86\x92 \xf0\x9f\x90\x8d");
}

TEST(ReasonText, BrokenSequencesBecomeQuestionMarks) {
    EXPECT_EQ(valid_utf8("\x8f"
                         "abc"),
              "?abc");                                  // a tail cut inside a character
    EXPECT_EQ(valid_utf8("ab\xe2\x86"), "ab??");        // ... or at its end
    EXPECT_EQ(valid_utf8("\xc0\xaf"), "??");            // overlong '/'
    EXPECT_EQ(valid_utf8("\xed\xa0\x80"), "???");       // a surrogate
    EXPECT_EQ(valid_utf8("\xf4\x90\x80\x80"), "????");  // past U+10FFFF
    EXPECT_EQ(valid_utf8("\xff"), "?");
}

TEST(ReasonText, OutputNoteTrimsAndSkipsBlankTails) {
    EXPECT_EQ(output_note("stderr", "  boom\n\n"), "; stderr: boom");
    EXPECT_EQ(output_note("stderr", " \n\t"), "");
}

}  // namespace perfmatrix::python
