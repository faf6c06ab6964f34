// Display width, truncation, padding and human forms.
#include "widgets/text.hpp"

#include <gtest/gtest.h>

using namespace std::chrono_literals;
using namespace vd::widgets;

TEST(TextTest, DisplayWidthCountsWideCharactersTwice) {
    EXPECT_EQ(display_width("abc"), 3);
    EXPECT_EQ(display_width("日本"), 4);
    EXPECT_EQ(display_width("é"), 1);          // precomposed
    EXPECT_EQ(display_width("e\u0301"), 1);     // e + combining acute
    EXPECT_EQ(display_width("─│▲"), 3);
    EXPECT_EQ(display_width(""), 0);
}

TEST(TextTest, InvalidUtf8DecodesAsReplacementCharacter) {
    const auto ch = decode_utf8("\xff", 0);
    EXPECT_EQ(ch.code, 0xFFFDu);
    EXPECT_EQ(ch.bytes, 1u);
    EXPECT_EQ(display_width("a\xc3"), 2);  // truncated sequence
}

TEST(TextTest, TruncateAddsEllipsisWithinWidth) {
    EXPECT_EQ(ellipsize("production-db", 8), "product…");
    EXPECT_EQ(ellipsize("production-db", 8, "~"), "product~");
    EXPECT_EQ(ellipsize("short", 8), "short");
    EXPECT_EQ(ellipsize("abc", 0), "");
    EXPECT_EQ(ellipsize("abcdef", 1), "…");
}

TEST(TextTest, TruncateNeverSplitsWideCharacters) {
    // "日本語" is 6 columns; 4 columns leave room for one wide char + ellipsis.
    EXPECT_EQ(ellipsize("日本語", 4), "日…");
    EXPECT_EQ(display_width(ellipsize("日本語", 4)), 3);
    EXPECT_EQ(clip("日本語", 3), "日");
}

TEST(TextTest, FitPadsAndAligns) {
    EXPECT_EQ(fit("ab", 5), "ab   ");
    EXPECT_EQ(fit("ab", 5, Align::Right), "   ab");
    EXPECT_EQ(fit("ab", 5, Align::Center), " ab  ");
    EXPECT_EQ(fit("abcdef", 4), "abc…");
    EXPECT_EQ(fit("日本", 5), "日本 ");
    EXPECT_EQ(pad_left("7", 3), "  7");
    EXPECT_EQ(pad_right("7", 3), "7  ");
}

TEST(TextTest, HumanDurations) {
    EXPECT_EQ(human_duration(45s), "45 s");
    EXPECT_EQ(human_duration(12min), "12 min");
    EXPECT_EQ(human_duration(3h + 12min + 5s), "3 h 12 min");
    EXPECT_EQ(human_duration(3h), "3 h");
    EXPECT_EQ(human_duration(52h + 30min), "2 d 4 h");
    EXPECT_EQ(human_duration(48h), "2 d");
    EXPECT_EQ(human_duration(-90s), "-1 min");
}

TEST(TextTest, HumanSizes) {
    EXPECT_EQ(human_size(512), "512 B");
    EXPECT_EQ(human_size(1536), "1.5 KiB");
    EXPECT_EQ(human_size(20ull << 30), "20.0 GiB");
    EXPECT_EQ(human_size((1ull << 40) + (1ull << 38)), "1.2 TiB");
}

TEST(TextTest, RelativeTimes) {
    const std::chrono::system_clock::time_point now{std::chrono::seconds(1'700'000'000)};
    EXPECT_EQ(relative_time(now + 3h + 12min, now), "in 3 h 12 min");
    EXPECT_EQ(relative_time(now - 5min, now), "5 min ago");
    EXPECT_EQ(relative_time(now, now), "now");
}

TEST(TextTest, CaseInsensitiveContains) {
    EXPECT_TRUE(contains_folded("Production-DB", "db"));
    EXPECT_TRUE(contains_folded("anything", ""));
    EXPECT_FALSE(contains_folded("staging", "prod"));
    EXPECT_EQ(ascii_lower("AbC-é"), "abc-é");
}
