#include "measure/system/output_capture.hpp"

#include <gtest/gtest.h>

#include <pthread.h>

#include <string>

namespace perfmatrix {

TEST(TailBuffer, KeepsOnlyTheLastBytes) {
    TailBuffer t(5);
    for (char c = 'a'; c <= 'z'; ++c) t.append(std::string(1, c));
    EXPECT_EQ(t.tail(), "vwxyz");
    EXPECT_EQ(t.total_bytes(), 26u);
    t.append(std::string(100, '!') + "end");
    EXPECT_EQ(t.tail(), "!!end");
}

TEST(TailBuffer, ZeroKeepsNothing) {
    TailBuffer t(0);
    t.append("hello");
    EXPECT_EQ(t.tail(), "");
    EXPECT_EQ(t.total_bytes(), 5u);
}

TEST(LineMatcher, MatchesWholeLinesAcrossChunks) {
    const std::regex ready("^listening on [0-9]+$");
    LineMatcher m(ready);
    EXPECT_FALSE(m.feed("starting\nlisten"));
    EXPECT_FALSE(m.feed("ing on 80"));    // line not complete yet
    EXPECT_TRUE(m.feed("80\r\nmore\n"));  // CRLF tolerated
    EXPECT_TRUE(m.matched());
    EXPECT_FALSE(m.feed("listening on 1\n"));  // reported once
}

TEST(LineMatcher, FinalLineWithoutNewlineCountsAtEnd) {
    const std::regex ready("done");
    LineMatcher m(ready);
    EXPECT_FALSE(m.feed("all done"));
    EXPECT_TRUE(m.finish());
}

TEST(LineMatcher, HugeLinesAreTruncatedNotFatal) {
    const std::regex ready("^a*b");
    LineMatcher m(ready);
    // 1 MiB of 'a' then 'b': the 'b' lies beyond the matched prefix, so no match, and no
    // stack overflow inside std::regex.
    EXPECT_FALSE(m.feed(std::string(1 << 20, 'a') + "b\n"));
    EXPECT_TRUE(m.feed("ab\n"));
}

// The matched prefix must fit a small stack: 8192 bytes once needed 2-4 MiB (and over 8 MiB under
// ASan), which crashed here. A thread of 1 MiB (4 MiB under ASan, whose frames are larger).
void* match_huge_line(void* result) {
    const std::regex ready("^a*b");
    LineMatcher m(ready);
    const bool huge = m.feed(std::string(1 << 20, 'a') + "b\n");
    *static_cast<bool*>(result) = !huge && m.feed("ab\n");
    return nullptr;
}

TEST(LineMatcher, HugeLineFitsASmallThreadStack) {
#if defined(__SANITIZE_ADDRESS__)
    constexpr std::size_t stack = 4u << 20;
#else
    constexpr std::size_t stack = 1u << 20;
#endif
    pthread_attr_t attr;
    ASSERT_EQ(pthread_attr_init(&attr), 0);
    ASSERT_EQ(pthread_attr_setstacksize(&attr, stack), 0);
    bool ok = false;
    pthread_t thread;
    ASSERT_EQ(pthread_create(&thread, &attr, match_huge_line, &ok), 0);
    ASSERT_EQ(pthread_join(thread, nullptr), 0);
    pthread_attr_destroy(&attr);
    EXPECT_TRUE(ok);
}

}  // namespace perfmatrix
