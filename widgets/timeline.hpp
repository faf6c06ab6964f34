// Timeline: lanes of time segments against a time axis, for the lifecycle
// screen (each recovery point from creation through warm and cold to its
// deletion, the RDS PITR window as a continuous bar, missed backups as gaps).
//
//   zoom: week  Mar 10   Mar 11   Mar 12   Mar 13   ...
//               ┬────────┬────────┬───────▼┬────────
//   orders-db  │████████░░░░░░░░       │  ┄┄┄┄
//   pitr       │═══════════════════════│
//
// Usage:
//   Timeline tl;
//   tl.set_lanes({{"orders-db", {{created, cold_at, SegmentKind::Warm},
//                                {cold_at, delete_at, SegmentKind::Cold}},
//                  {{next_run, Role::Info, ""}}}});
//   tl.set_now(clock.now());
//   tl.set_zoom(Zoom::Week);            // Day, Week, Month, Quarter, Year
//   tl.handle(ev);                      // h/l or Left/Right pan, +/- zoom,
//                                       // j/k lanes, n back to now, clicks
//   tl.render(canvas, theme, focused);
// Until the user pans, "now" sits three quarters of the way across. Times
// are shown in UTC.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/clock.hpp"
#include "widgets/canvas.hpp"
#include "widgets/input.hpp"
#include "widgets/theme.hpp"

namespace vd::widgets {

// What a stretch of time on a lane means; decides glyph and colour:
// warm █, cold ░, deleted/expired ┄, failed ✗, PITR ═.
enum class SegmentKind { Warm, Cold, Deleted, Failed, Pitr };

// A stretch of time [start, end) on a lane.
struct TimelineSegment {
    TimePoint start;
    TimePoint end;
    SegmentKind kind = SegmentKind::Warm;
};

// A point in time on a lane (a backup, a scheduled run).
struct TimelineMarker {
    TimePoint at;
    Role role = Role::Marker;
    std::string glyph;  // empty: the theme's filled dot
};

// One row of the timeline.
struct TimelineLane {
    std::string label;
    std::vector<TimelineSegment> segments;
    std::vector<TimelineMarker> markers;
    Role label_role = Role::Normal;
};

// How much time the axis spans.
enum class Zoom { Day, Week, Month, Quarter, Year };

// The span of a zoom level (1, 7, 30, 91, 365 days).
std::chrono::seconds zoom_span(Zoom zoom);
// "day", "week", "month", "quarter", "year".
std::string_view zoom_name(Zoom zoom);

// A labelled tick on the time axis.
struct AxisTick {
    TimePoint at;
    std::string label;
};

// The ticks between start and end for an axis `columns` wide: the finest
// spacing (hours, days, weeks, months, years) whose labels fit.
std::vector<AxisTick> axis_ticks(TimePoint start, TimePoint end, int columns);

// How the timeline is laid out.
struct TimelineOptions {
    int label_width = 0;  // 0: the longest label, at most a third of the width
};

// Lanes of segments and markers on a zoomable, pannable time axis.
class Timeline {
public:
    explicit Timeline(TimelineOptions options = {});

    // Replaces the lanes (the selection is kept by index, clamped).
    void set_lanes(std::vector<TimelineLane> lanes);
    const std::vector<TimelineLane>& lanes() const { return lanes_; }
    // Sets the time of the "now" line.
    void set_now(TimePoint now) { now_ = now; }

    Zoom zoom() const { return zoom_; }
    // Changes the zoom, keeping the centre of the view where it is.
    void set_zoom(Zoom zoom);
    void zoom_in();
    void zoom_out();

    // The left edge of the view.
    TimePoint start() const;
    // The right edge of the view.
    TimePoint end() const { return start() + zoom_span(zoom_); }
    // Puts the left edge of the view at t (stops following now).
    void set_start(TimePoint t);
    // Moves the view by a quarter of its span per step (negative: back in time).
    void pan(int steps);
    // Centres the view on t.
    void center_on(TimePoint t);
    // Goes back to following now (now at three quarters across).
    void follow_now() { start_.reset(); }

    // The selected lane, if there are lanes.
    std::optional<std::size_t> selected_lane() const;
    void select_lane(std::size_t index);

    // Handles pan, zoom, lane keys and mouse (relative to the timeline).
    bool handle(const KeyEvent& event);
    // The time at column x of the last render, if x is on the axis.
    std::optional<TimePoint> time_at(int x) const;

    // Draws the axis and the visible lanes.
    void render(Canvas& canvas, const Theme& theme, bool focused = true);

private:
    // The track column of a time (may fall outside the track).
    int column_of(TimePoint t) const;
    // Draws tick labels, the axis rule and the now mark on rows 0 and 1.
    void render_axis(Canvas& canvas, const Theme& theme);
    // Draws one lane's segments, the now line and its markers on row y.
    void render_lane(Canvas& canvas, const Theme& theme, const TimelineLane& lane, int y);

    TimelineOptions options_;
    std::vector<TimelineLane> lanes_;
    TimePoint now_{};
    Zoom zoom_ = Zoom::Week;
    std::optional<TimePoint> start_;
    std::size_t selected_ = 0;
    std::size_t lane_scroll_ = 0;
    int track_x_ = 0;       // where the track starts, at the last render
    int track_w_ = 60;      // its width
    int lane_rows_ = 10;
};

}  // namespace vd::widgets
