// Timeline: axis ticks per zoom, segments, gaps, markers, the now line,
// zoom and pan, lane selection.
#include "widgets/timeline.hpp"

#include <gtest/gtest.h>

#include "backend/core/time_format.hpp"
#include "widgets/memory_canvas.hpp"

using namespace std::chrono_literals;
using namespace vd::widgets;

namespace {

// A UTC time from ISO 8601 text.
vd::TimePoint at(const char* iso) { return *vd::parse_time(iso); }

// Labels of the ticks.
std::vector<std::string> labels(const std::vector<AxisTick>& ticks) {
    std::vector<std::string> out;
    for (const auto& t : ticks) out.push_back(t.label);
    return out;
}

}  // namespace

TEST(TimelineAxisTest, DayZoomTicksEverySixHoursWithDateAtMidnight) {
    const auto ticks = axis_ticks(at("2026-03-10T18:00:00Z"), at("2026-03-11T18:00:00Z"), 48);
    EXPECT_EQ(labels(ticks), (std::vector<std::string>{"18:00", "Mar 11", "06:00", "12:00"}));
    EXPECT_EQ(ticks[1].at, at("2026-03-11T00:00:00Z"));
}

TEST(TimelineAxisTest, WeekZoomTicksDaily) {
    const auto ticks = axis_ticks(at("2026-03-09T12:00:00Z"), at("2026-03-16T12:00:00Z"), 70);
    EXPECT_EQ(labels(ticks), (std::vector<std::string>{"Mar 10", "Mar 11", "Mar 12", "Mar 13",
                                                       "Mar 14", "Mar 15", "Mar 16"}));
}

TEST(TimelineAxisTest, MonthZoomTicksOnMondays) {
    const auto ticks = axis_ticks(at("2026-03-01T00:00:00Z"), at("2026-03-31T00:00:00Z"), 60);
    // 2026-03-02 is a Monday.
    EXPECT_EQ(labels(ticks), (std::vector<std::string>{"Mar 02", "Mar 09", "Mar 16", "Mar 23", "Mar 30"}));
}

TEST(TimelineAxisTest, YearZoomTicksMonthlyWithTheYearInJanuary) {
    const auto ticks = axis_ticks(at("2025-11-15T00:00:00Z"), at("2026-11-15T00:00:00Z"), 80);
    ASSERT_GE(ticks.size(), 3u);
    EXPECT_EQ(ticks[0].label, "Dec");
    EXPECT_EQ(ticks[1].label, "2026");
    EXPECT_EQ(ticks[1].at, at("2026-01-01T00:00:00Z"));
    EXPECT_EQ(ticks[2].label, "Feb");
    // Narrower: every three months.
    const auto coarse = axis_ticks(at("2025-11-15T00:00:00Z"), at("2026-11-15T00:00:00Z"), 30);
    EXPECT_EQ(labels(coarse), (std::vector<std::string>{"2026", "Apr", "Jul", "Oct"}));
}

TEST(TimelineRenderTest, SegmentsGapsMarkersAndNowLineInUtf8) {
    Timeline tl;
    tl.set_zoom(Zoom::Day);
    tl.set_now(at("2026-03-11T12:00:00Z"));
    tl.set_start(at("2026-03-11T00:00:00Z"));
    tl.set_lanes({
        {"orders", {{at("2026-03-11T01:00:00Z"), at("2026-03-11T05:00:00Z"), SegmentKind::Warm},
                    {at("2026-03-11T05:00:00Z"), at("2026-03-11T08:00:00Z"), SegmentKind::Cold},
                    // a gap from 08:00 to 14:00: a missed backup
                    {at("2026-03-11T14:00:00Z"), at("2026-03-11T16:00:00Z"), SegmentKind::Deleted},
                    {at("2026-03-11T17:00:00Z"), at("2026-03-11T18:00:00Z"), SegmentKind::Failed}},
         {{at("2026-03-11T20:00:00Z"), Role::Info, ""}}},
        {"pitr", {{at("2026-03-10T00:00:00Z"), at("2026-03-11T12:00:00Z"), SegmentKind::Pitr}}, {}},
    });
    tl.select_lane(1);
    // Labels take 6 columns plus the rule; 48 columns of track: 30 min each.
    MemoryCanvas c(55, 5);
    const Theme theme = dark_theme(utf8_glyphs());
    tl.render(c, theme);
    EXPECT_EQ(c.to_string(),
              "day    Mar 11      06:00       12:00       18:00\n"
              "       ┬───────────┬───────────▼───────────┬───────────\n"
              "orders│  ████████░░░░░░        │   ┄┄┄┄  ✗✗    ●\n"
              "pitr  │════════════════════════│\n"
              "\n");
    EXPECT_EQ(c.cell(9, 2).style, theme.style(Role::Warm));
    EXPECT_EQ(c.cell(17, 2).style, theme.style(Role::Cold));
    EXPECT_EQ(c.cell(35, 2).style, theme.style(Role::Deleted));
    EXPECT_EQ(c.cell(41, 2).style, theme.style(Role::Failed));
    EXPECT_EQ(c.cell(31, 3).style, theme.style(Role::NowLine));
    EXPECT_EQ(c.cell(47, 2).style, theme.style(Role::Info));
    EXPECT_EQ(c.cell(7, 3).style, theme.style(Role::Pitr));
    EXPECT_EQ(c.cell(0, 3).style, theme.style(Role::Selected));
    EXPECT_EQ(c.cell(0, 2).style, theme.style(Role::Normal));
}

TEST(TimelineRenderTest, AsciiGlyphsAndZoomLabel) {
    Timeline tl;
    tl.set_zoom(Zoom::Day);
    tl.set_now(at("2026-03-11T12:00:00Z"));
    tl.set_start(at("2026-03-11T00:00:00Z"));
    tl.set_lanes({{"orders-db", {{at("2026-03-11T01:00:00Z"), at("2026-03-11T03:00:00Z"), SegmentKind::Warm},
                                 {at("2026-03-11T03:00:00Z"), at("2026-03-11T05:00:00Z"), SegmentKind::Cold},
                                 {at("2026-03-11T05:00:00Z"), at("2026-03-11T07:00:00Z"), SegmentKind::Deleted},
                                 {at("2026-03-11T13:00:00Z"), at("2026-03-11T15:00:00Z"), SegmentKind::Pitr}},
                   {{at("2026-03-11T16:00:00Z"), Role::Marker, ""}}}});
    // Labels 9 columns, 24 columns of track: one hour each, ticks every 12 h.
    MemoryCanvas c(34, 3);
    tl.render(c, mono_theme(ascii_glyphs()));
    EXPECT_EQ(c.to_string(),
              "zoom: day Mar 11      12:00\n"
              "          +-----------v-----------\n"
              "orders-db| ##::..     |== *\n");
}

TEST(TimelineRenderTest, EmptyTimelineSaysSo) {
    Timeline tl;
    tl.set_now(at("2026-03-11T12:00:00Z"));
    MemoryCanvas c(40, 4);
    tl.render(c, dark_theme());
    EXPECT_EQ(c.row_text(2), " nothing to show in this range");
}

TEST(TimelineViewTest, FollowsNowUntilPannedThenPansAndZooms) {
    Timeline tl;
    const auto now = at("2026-03-11T12:00:00Z");
    tl.set_now(now);
    tl.set_zoom(Zoom::Week);
    EXPECT_EQ(tl.start(), now - 126h);  // now three quarters across
    EXPECT_TRUE(tl.handle(KeyEvent::character(U'h')));
    EXPECT_EQ(tl.start(), now - 126h - 42h);
    EXPECT_TRUE(tl.handle(KeyEvent::named(Key::Right)));
    EXPECT_TRUE(tl.handle(KeyEvent::named(Key::Right)));
    EXPECT_EQ(tl.start(), now - 126h + 42h);
    const auto centre = tl.start() + 84h;
    EXPECT_TRUE(tl.handle(KeyEvent::character(U'+')));  // zoom in keeps the centre
    EXPECT_EQ(tl.zoom(), Zoom::Day);
    EXPECT_EQ(tl.start() + 12h, centre);
    EXPECT_TRUE(tl.handle(KeyEvent::character(U'+')));  // no finer zoom
    EXPECT_EQ(tl.zoom(), Zoom::Day);
    tl.handle(KeyEvent::character(U'-'));
    tl.handle(KeyEvent::character(U'-'));
    EXPECT_EQ(tl.zoom(), Zoom::Month);
    EXPECT_EQ(zoom_name(tl.zoom()), "month");
    EXPECT_TRUE(tl.handle(KeyEvent::character(U'n')));
    EXPECT_EQ(tl.start(), now - 540h);
    tl.center_on(now);
    EXPECT_EQ(tl.start(), now - 360h);
}

TEST(TimelineViewTest, LaneSelectionScrollsAndMouse) {
    Timeline tl;
    tl.set_now(at("2026-03-11T12:00:00Z"));
    std::vector<TimelineLane> lanes;
    for (int i = 0; i < 10; ++i) lanes.push_back({"lane" + std::to_string(i), {}, {}});
    tl.set_lanes(lanes);
    MemoryCanvas c(40, 5);  // axis + 3 lanes
    tl.render(c, dark_theme());
    EXPECT_TRUE(tl.handle(KeyEvent::character(U'G')));
    EXPECT_EQ(tl.selected_lane(), 9u);
    tl.render(c, dark_theme());
    EXPECT_EQ(c.row_text(2).substr(0, 6), "lane7 ");
    EXPECT_EQ(c.row_text(4).substr(0, 6), "lane9 ");
    EXPECT_TRUE(tl.handle(KeyEvent::click(3, 2)));
    EXPECT_EQ(tl.selected_lane(), 7u);
    EXPECT_TRUE(tl.handle(KeyEvent::character(U'k')));
    EXPECT_EQ(tl.selected_lane(), 6u);
    EXPECT_TRUE(tl.handle(KeyEvent::wheel(3, 3, false)));
    EXPECT_EQ(tl.selected_lane(), 7u);
    EXPECT_FALSE(tl.handle(KeyEvent::click(3, 9)));
    EXPECT_EQ(tl.time_at(7), tl.start());
    EXPECT_FALSE(tl.time_at(2).has_value());
}
