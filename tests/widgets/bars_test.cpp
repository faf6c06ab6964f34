// StatusBar, key hints, Tabs, Sparkline and Toasts.
#include <gtest/gtest.h>

#include <cmath>

#include "widgets/memory_canvas.hpp"
#include "widgets/sparkline.hpp"
#include "widgets/status_bar.hpp"
#include "widgets/tabs.hpp"
#include "widgets/toast.hpp"

using namespace std::chrono_literals;
using namespace vd::widgets;

TEST(StatusBarTest, LeftAndRightSegments) {
    StatusBar bar;
    bar.left = {{"payments (123456789012)", Role::Title}, {"PRODUCTION", Role::EnvProduction}};
    bar.right = {{"READ-ONLY", Role::BadgeReadOnly}, {"12 s old", Role::Dim}};
    MemoryCanvas c(60, 1);
    const Theme theme = dark_theme();
    bar.render(c, theme);
    EXPECT_EQ(c.row_text(0), "payments (123456789012) PRODUCTION        READ-ONLY 12 s old");
    EXPECT_EQ(c.cell(24, 0).style, theme.style(Role::EnvProduction));
    EXPECT_EQ(c.cell(42, 0).style, theme.style(Role::BadgeReadOnly));
    EXPECT_EQ(c.cell(59, 0).style, theme.style(Role::Dim));
}

TEST(StatusBarTest, NarrowBarKeepsRightSegmentsAndCutsLeft) {
    StatusBar bar;
    bar.left = {{"payments (123456789012)"}, {"PRODUCTION"}};
    bar.right = {{"READ-ONLY"}};
    MemoryCanvas c(30, 1);
    bar.render(c, dark_theme(ascii_glyphs()));
    EXPECT_EQ(c.row_text(0), "payments (12345678~  READ-ONLY");
}

TEST(KeyHintsTest, VisibleBindingsAsManyAsFit) {
    const std::vector<KeyBinding> keys = {
        {"?", "help", "help"},
        {"/", "filter", "filter"},
        {"enter", "restore", "restore", true, true},
        {"ctrl+r", "refresh", "refresh", false},
        {"pgdn", "page_down", "page"},
    };
    MemoryCanvas c(42, 1);
    const Theme theme = dark_theme();
    EXPECT_EQ(render_key_hints(c, theme, keys), 4);  // ctrl+r is not visible
    EXPECT_EQ(c.row_text(0), "? help  / filter  Enter restore  PgDn page");
    EXPECT_EQ(c.cell(0, 0).style, theme.style(Role::Key));
    EXPECT_EQ(c.cell(2, 0).style, theme.style(Role::Dim));
    MemoryCanvas narrow(20, 1);
    EXPECT_EQ(render_key_hints(narrow, theme, keys), 2);
    EXPECT_EQ(narrow.row_text(0), "? help  / filter");
}

TEST(TabsTest, ActiveTabAndClicks) {
    Tabs tabs({"Dashboard", "Recovery points", "Jobs"});
    tabs.set_active(1);
    MemoryCanvas c(50, 1);
    const Theme theme = dark_theme();
    tabs.render(c, theme);
    EXPECT_EQ(c.row_text(0), " Dashboard │ Recovery points │ Jobs");
    EXPECT_EQ(c.cell(13, 0).style, theme.style(Role::TabActive));
    EXPECT_EQ(c.cell(1, 0).style, theme.style(Role::TabInactive));
    EXPECT_TRUE(tabs.handle(KeyEvent::click(33, 0)));
    EXPECT_EQ(tabs.active(), 2u);
    EXPECT_TRUE(tabs.handle(KeyEvent::character(U']')));
    EXPECT_EQ(tabs.active(), 0u);
    EXPECT_TRUE(tabs.handle(KeyEvent::character(U'[')));
    EXPECT_EQ(tabs.active(), 2u);
    EXPECT_FALSE(tabs.handle(KeyEvent::click(11, 0)));  // the separator
}

TEST(TabsTest, NarrowRowKeepsTheActiveTabVisible) {
    Tabs tabs({"Dashboard", "Recovery points", "Jobs", "Timeline"});
    tabs.set_active(3);
    MemoryCanvas c(24, 1);
    tabs.render(c, dark_theme(ascii_glyphs()));
    EXPECT_EQ(c.row_text(0), "Jobs|Timeline");
}

TEST(TabsTest, NarrowRowDropsThePaddingBeforeCuttingATab) {
    Tabs tabs({"Dashboard", "Recovery points", "Jobs"});
    MemoryCanvas c(30, 1);
    tabs.render(c, dark_theme(ascii_glyphs()));
    EXPECT_EQ(c.row_text(0), "Dashboard|Recovery points|Jobs");
    EXPECT_EQ(tabs.tab_at(0), 0u);
    EXPECT_EQ(tabs.tab_at(29), 2u);
    EXPECT_FALSE(tabs.tab_at(9).has_value());  // the separator
}

TEST(SparklineTest, LevelsFromZeroToMax) {
    const std::vector<double> v = {0, 1, 2, 3, 4, 5, 6, 7};
    EXPECT_EQ(sparkline(v, utf8_glyphs()), "▁▂▃▄▅▆▇█");
    EXPECT_EQ(sparkline(v, ascii_glyphs()), ".:-=+*##");
    EXPECT_EQ(sparkline({0, 0, 0}, utf8_glyphs()), "▁▁▁");
    EXPECT_EQ(sparkline({2, 4}, utf8_glyphs(), 8.0), "▃▅");
    EXPECT_EQ(sparkline({1, NAN, 1}, utf8_glyphs()), "█ █");
}

TEST(SparklineTest, KeepsTheLastValuesThatFit) {
    const std::vector<double> v = {9, 9, 0, 7};
    EXPECT_EQ(sparkline(v, utf8_glyphs(), std::nullopt, 2), "▁█");
    EXPECT_EQ(spark_level(3.5, 0, 7), 4);
    EXPECT_EQ(spark_level(-1, 0, 7), 0);
    EXPECT_EQ(spark_level(100, 0, 7), 7);
}

TEST(ToastTest, ExpireAndStack) {
    const vd::TimePoint t0{std::chrono::seconds(1'700'000'000)};
    Toasts toasts(2);
    toasts.push("Copied the ARN", Severity::Ok, t0, 4s);
    toasts.push("Refresh failed: ThrottlingException", Severity::Error, t0 + 1s, 10s);
    toasts.push("Drill due", Severity::Warning, t0 + 2s, 4s);
    ASSERT_EQ(toasts.shown().size(), 2u);  // the oldest was dropped
    EXPECT_EQ(toasts.next_expiry(), t0 + 6s);
    MemoryCanvas c(50, 7);
    toasts.render(c, dark_theme(utf8_glyphs()));
    EXPECT_EQ(c.to_string(),
              "\n"
              "         ┌───────────────────────────────────────┐\n"
              "         │ ✗ Refresh failed: ThrottlingException │\n"
              "         └───────────────────────────────────────┘\n"
              "                                   ┌─────────────┐\n"
              "                                   │ ! Drill due │\n"
              "                                   └─────────────┘\n");
    EXPECT_FALSE(toasts.expire(t0 + 5s));
    EXPECT_TRUE(toasts.expire(t0 + 6s));
    ASSERT_EQ(toasts.shown().size(), 1u);
    EXPECT_EQ(toasts.shown()[0].severity, Severity::Error);
    EXPECT_TRUE(toasts.expire(t0 + 11s));
    EXPECT_TRUE(toasts.empty());
    EXPECT_FALSE(toasts.next_expiry().has_value());
}
