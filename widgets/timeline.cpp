// The timeline: view state, keys and drawing.
#include "widgets/timeline.hpp"

#include <algorithm>
#include <cmath>

#include "widgets/text.hpp"

namespace vd::widgets {
namespace {

constexpr Zoom kZooms[] = {Zoom::Day, Zoom::Week, Zoom::Month, Zoom::Quarter, Zoom::Year};

// The glyph and role a segment kind is drawn with.
std::pair<std::string_view, Role> segment_look(SegmentKind kind, const Glyphs& g) {
    switch (kind) {
    case SegmentKind::Warm: return {g.full_block, Role::Warm};
    case SegmentKind::Cold: return {g.shade, Role::Cold};
    case SegmentKind::Deleted: return {g.dotted, Role::Deleted};
    case SegmentKind::Failed: return {g.cross, Role::Failed};
    case SegmentKind::Pitr: break;
    }
    return {g.double_hline, Role::Pitr};
}

}  // namespace

std::chrono::seconds zoom_span(Zoom zoom) {
    using std::chrono::hours;
    switch (zoom) {
    case Zoom::Day: return hours(24);
    case Zoom::Week: return hours(24 * 7);
    case Zoom::Month: return hours(24 * 30);
    case Zoom::Quarter: return hours(24 * 91);
    case Zoom::Year: break;
    }
    return hours(24 * 365);
}

std::string_view zoom_name(Zoom zoom) {
    switch (zoom) {
    case Zoom::Day: return "day";
    case Zoom::Week: return "week";
    case Zoom::Month: return "month";
    case Zoom::Quarter: return "quarter";
    case Zoom::Year: break;
    }
    return "year";
}

Timeline::Timeline(TimelineOptions options) : options_(options) {}

void Timeline::set_lanes(std::vector<TimelineLane> lanes) {
    lanes_ = std::move(lanes);
    selected_ = lanes_.empty() ? 0 : std::min(selected_, lanes_.size() - 1);
}

TimePoint Timeline::start() const {
    if (start_) {
        return *start_;
    }
    return now_ - zoom_span(zoom_) * 3 / 4;
}

void Timeline::set_start(TimePoint t) { start_ = t; }

void Timeline::set_zoom(Zoom zoom) {
    const TimePoint centre = start() + zoom_span(zoom_) / 2;
    const bool following = !start_;
    zoom_ = zoom;
    if (!following) {
        start_ = centre - zoom_span(zoom_) / 2;
    }
}

void Timeline::zoom_in() {
    const auto i = static_cast<std::size_t>(zoom_);
    if (i > 0) set_zoom(kZooms[i - 1]);
}

void Timeline::zoom_out() {
    const auto i = static_cast<std::size_t>(zoom_);
    if (i + 1 < std::size(kZooms)) set_zoom(kZooms[i + 1]);
}

void Timeline::pan(int steps) {
    start_ = start() + zoom_span(zoom_) / 4 * steps;
}

void Timeline::center_on(TimePoint t) {
    start_ = t - zoom_span(zoom_) / 2;
}

std::optional<std::size_t> Timeline::selected_lane() const {
    if (lanes_.empty()) {
        return std::nullopt;
    }
    return selected_;
}

void Timeline::select_lane(std::size_t index) {
    if (lanes_.empty()) {
        return;
    }
    selected_ = std::min(index, lanes_.size() - 1);
    const std::size_t rows = static_cast<std::size_t>(std::max(1, lane_rows_));
    if (selected_ < lane_scroll_) {
        lane_scroll_ = selected_;
    } else if (selected_ >= lane_scroll_ + rows) {
        lane_scroll_ = selected_ - rows + 1;
    }
}

bool Timeline::handle(const KeyEvent& ev) {
    if (ev.key == Key::Mouse) {
        const MouseEvent& m = ev.mouse;
        if (m.y < 0 || m.y >= 2 + lane_rows_) {
            return false;
        }
        if (m.button == MouseButton::WheelUp || m.button == MouseButton::WheelDown) {
            const long delta = m.button == MouseButton::WheelUp ? -1 : 1;
            select_lane(static_cast<std::size_t>(std::max(0L, static_cast<long>(selected_) + delta)));
            return true;
        }
        if (m.button == MouseButton::Left && m.y >= 2) {
            const std::size_t lane = lane_scroll_ + static_cast<std::size_t>(m.y - 2);
            if (lane < lanes_.size()) {
                select_lane(lane);
            }
            return true;
        }
        return false;
    }
    if (ev.is(U'h') || ev.is(Key::Left)) { pan(-1); return true; }
    if (ev.is(U'l') || ev.is(Key::Right)) { pan(1); return true; }
    if (ev.is(U'H')) { pan(-4); return true; }
    if (ev.is(U'L')) { pan(4); return true; }
    if (ev.is(U'+') || ev.is(U'=')) { zoom_in(); return true; }
    if (ev.is(U'-')) { zoom_out(); return true; }
    if (ev.is(U'n')) { follow_now(); return true; }
    if (ev.is(U'j') || ev.is(Key::Down)) { select_lane(selected_ + 1); return true; }
    if (ev.is(U'k') || ev.is(Key::Up)) { select_lane(selected_ > 0 ? selected_ - 1 : 0); return true; }
    if (ev.is(U'g') || ev.is(Key::Home)) { select_lane(0); return true; }
    if (ev.is(U'G') || ev.is(Key::End)) { select_lane(lanes_.empty() ? 0 : lanes_.size() - 1); return true; }
    return false;
}

// The track column of a time (may be outside [0, track width)).
int Timeline::column_of(TimePoint t) const {
    const double per_column =
        std::chrono::duration<double>(zoom_span(zoom_)).count() / std::max(1, track_w_);
    const double offset = std::chrono::duration<double>(t - start()).count();
    return static_cast<int>(std::floor(offset / per_column));
}

std::optional<TimePoint> Timeline::time_at(int x) const {
    const int col = x - track_x_;
    if (col < 0 || col >= track_w_) {
        return std::nullopt;
    }
    const auto per_column = zoom_span(zoom_) / std::max(1, track_w_);
    return start() + per_column * col;
}

void Timeline::render_axis(Canvas& canvas, const Theme& theme) {
    const Glyphs& g = theme.glyphs();
    const Style& border = theme.style(Role::Border);
    const std::string zoom_label = "zoom: " + std::string(zoom_name(zoom_));
    canvas.put_fit(0, 0, display_width(zoom_label) < track_x_ ? zoom_label : std::string(zoom_name(zoom_)),
                   track_x_ - 1, theme.style(Role::Dim), Align::Left, g.ellipsis);
    std::string line;
    for (int i = 0; i < track_w_; ++i) line += g.hline;
    canvas.put(track_x_, 1, line, border);
    int label_end = track_x_;
    for (const auto& tick : axis_ticks(start(), end(), track_w_)) {
        const int x = track_x_ + column_of(tick.at);
        if (x < track_x_ || x >= track_x_ + track_w_) {
            continue;
        }
        canvas.put(x, 1, g.tee_down, border);
        if (x >= label_end) {
            label_end = canvas.put(x, 0, tick.label, theme.style(Role::Header)) + 1;
        }
    }
    const int now_x = track_x_ + column_of(now_);
    if (now_x >= track_x_ && now_x < track_x_ + track_w_) {
        canvas.put(now_x, 1, g.arrow_down, theme.style(Role::NowLine));
    }
}

void Timeline::render_lane(Canvas& canvas, const Theme& theme, const TimelineLane& lane, int y) {
    const Glyphs& g = theme.glyphs();
    const TimePoint from = start();
    const TimePoint to = end();
    for (const auto& seg : lane.segments) {
        if (seg.end <= from || seg.start >= to || seg.end <= seg.start) {
            continue;
        }
        const int c0 = std::max(0, column_of(seg.start));
        const double per_column =
            std::chrono::duration<double>(zoom_span(zoom_)).count() / std::max(1, track_w_);
        const double end_offset = std::chrono::duration<double>(seg.end - from).count();
        const int c1 = std::min(track_w_ - 1,
                                std::max(c0, static_cast<int>(std::ceil(end_offset / per_column)) - 1));
        const auto [glyph, role] = segment_look(seg.kind, g);
        std::string run;
        for (int c = c0; c <= c1; ++c) run += glyph;
        canvas.put(track_x_ + c0, y, run, theme.style(role));
    }
    const int now_col = column_of(now_);
    if (now_col >= 0 && now_col < track_w_) {
        canvas.put(track_x_ + now_col, y, g.vline, theme.style(Role::NowLine));
    }
    for (const auto& m : lane.markers) {
        const int c = column_of(m.at);
        if (c >= 0 && c < track_w_) {
            canvas.put(track_x_ + c, y, m.glyph.empty() ? g.dot_full : std::string_view(m.glyph),
                       theme.style(m.role));
        }
    }
}

void Timeline::render(Canvas& canvas, const Theme& theme, bool focused) {
    const int width = canvas.width();
    const int height = canvas.height();
    canvas.fill({0, 0, width, height}, " ", theme.style(Role::Normal));
    int label_w = options_.label_width;
    if (label_w <= 0) {
        label_w = 6;
        for (const auto& lane : lanes_) label_w = std::max(label_w, display_width(lane.label));
        label_w = std::min(label_w, width / 3);
    }
    track_x_ = label_w + 1;
    track_w_ = std::max(1, width - track_x_);
    lane_rows_ = std::max(1, height - 2);
    select_lane(selected_);
    render_axis(canvas, theme);
    const Glyphs& g = theme.glyphs();
    for (int row = 0; row < lane_rows_; ++row) {
        const std::size_t i = lane_scroll_ + static_cast<std::size_t>(row);
        const int y = 2 + row;
        if (i >= lanes_.size()) {
            if (lanes_.empty() && row == 0) {
                canvas.put(1, y, "nothing to show in this range", theme.style(Role::Dim));
            }
            continue;
        }
        const TimelineLane& lane = lanes_[i];
        const Role label_role = i == selected_ ? (focused ? Role::Selected : Role::SelectedInactive)
                                               : lane.label_role;
        canvas.put_fit(0, y, lane.label, label_w, theme.style(label_role), Align::Left, g.ellipsis);
        canvas.put(label_w, y, g.vline, theme.style(Role::Border));
        render_lane(canvas, theme, lane, y);
    }
}

}  // namespace vd::widgets
