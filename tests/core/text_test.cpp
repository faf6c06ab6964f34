// one_line: C library messages as one line for the status bar and logs.
#include <gtest/gtest.h>

#include "backend/core/text.hpp"

namespace vd {
namespace {

TEST(OneLine, JoinsLinesAndDropsTheTrailingNewline) {
    EXPECT_EQ(one_line("connection refused\n\tIs the server running?\n"), "connection refused Is the server running?");
    EXPECT_EQ(one_line("ERROR:  relation \"x\" does not exist\n"), "ERROR: relation \"x\" does not exist");
    EXPECT_EQ(one_line("plain"), "plain");
    EXPECT_EQ(one_line(" \n"), "");
    EXPECT_EQ(one_line(nullptr), "");
}

}  // namespace
}  // namespace vd
