// The lifecycle timeline screen.
#include "tui/screens/timeline.hpp"

#include <fmt/format.h>

#include "tui/screens/format.hpp"
#include "tui/screens/table_screen.hpp"
#include "tui/screens/text_lines.hpp"
#include "tui/screens/timeline_model.hpp"
#include "widgets/text.hpp"
#include "widgets/timeline.hpp"

namespace vd::tui {

using widgets::Role;

namespace {

class TimelineScreen final : public Screen {
public:
    std::string_view id() const override { return "timeline"; }
    std::vector<std::string_view> aliases() const override { return {"lifecycle"}; }
    std::string_view title() const override { return "Timeline"; }
    std::string_view short_title() const override { return "Time"; }

    std::vector<widgets::KeyBinding> bindings() const override {
        return {
            {"enter", "points", "Show each recovery point of this resource", true, false},
            {"+", "zoom-in", "Zoom in (year, quarter, month, week, day)", true, false},
            {"-", "zoom-out", "Zoom out", true, false},
            {"h", "pan-left", "Pan back in time", true, false},
            {"left", "pan-left", "Pan back in time", false, false},
            {"l", "pan-right", "Pan forward in time", true, false},
            {"right", "pan-right", "Pan forward in time", false, false},
            {"n", "now", "Back to now", true, false},
        };
    }

    void render(const ScreenContext& ctx, widgets::Canvas& canvas) override {
        sync(ctx);
        timeline_.set_now(ctx.now);
        const int w = canvas.width();
        const int h = canvas.height();
        const auto& g = ctx.theme->glyphs();
        canvas.fill({0, 0, w, 1}, " ", ctx.theme->style(Role::Normal));
        std::string heading = focus_.empty() ? "Lifecycle by resource" : "Recovery points of " + focus_name_;
        int x = canvas.put(1, 0, heading, ctx.theme->style(Role::Title)) + 2;
        const auto legend = [&](std::string_view glyph, Role role, std::string_view text) {
            x = canvas.put(x + 1, 0, glyph, ctx.theme->style(role));
            x = canvas.put(x + 1, 0, text, ctx.theme->style(Role::Dim));
        };
        if (focus_.empty()) {
            legend(g.dot_full, Role::Warm, "warm");
            legend(g.dot_full, Role::Cold, "cold");
            legend(g.cross, Role::Failed, "failed/missed");
            legend(g.arrow_down, Role::Info, "next");
            legend(g.utf8 ? "═" : "=", Role::Pitr, "PITR");
        } else {
            legend(g.full_block, Role::Warm, "warm");
            legend(g.shade, Role::Cold, "cold");
            legend(g.utf8 ? "┄" : "-", Role::Deleted, "deleted");
        }
        const int info_h = 2;
        timeline_area_ = {0, 1, w, std::max(1, h - 1 - info_h)};
        auto area = canvas.region(timeline_area_);
        timeline_.render(area, *ctx.theme, true);
        auto info = canvas.region({0, h - info_h, w, info_h});
        draw_lines(info, info_lines(ctx), 0, -1, *ctx.theme);
    }

    Flags command(const ScreenContext& ctx, std::string_view name, Effects& fx) override {
        sync(ctx);
        if (name == "zoom-in") timeline_.zoom_in();
        else if (name == "zoom-out") timeline_.zoom_out();
        else if (name == "pan-left") timeline_.pan(-1);
        else if (name == "pan-right") timeline_.pan(1);
        else if (name == "now") timeline_.follow_now();
        else if (name == "down" || name == "up" || name == "page-down" || name == "page-up" || name == "top" ||
                 name == "bottom") {
            const std::size_t n = timeline_.lanes().size();
            if (n == 0) return kHandled;
            const long cur = static_cast<long>(timeline_.selected_lane().value_or(0));
            long next = cur;
            if (name == "down") next = cur + 1;
            else if (name == "up") next = cur - 1;
            else if (name == "page-down") next = cur + 10;
            else if (name == "page-up") next = cur - 10;
            else if (name == "top") next = 0;
            else next = static_cast<long>(n) - 1;
            timeline_.select_lane(static_cast<std::size_t>(std::clamp(next, 0L, static_cast<long>(n) - 1)));
        } else if (name == "points") {
            if (!focus_.empty()) return kHandled;
            const auto lane = timeline_.selected_lane();
            if (!lane || *lane >= lane_resource_.size()) return kHandled;
            const auto& r = resources_[lane_resource_[*lane]];
            focus_ = r.arn;
            focus_name_ = r.name;
            resource_lane_ = *lane;
            stamp_ = {};
            sync(ctx);
            timeline_.select_lane(0);
            fx.message = "each recovery point of " + r.name + ": Esc goes back";
        } else if (name == "sort-next" || name == "sort-reverse") {
            return kHandled;
        } else {
            return kNone;
        }
        return kHandled | kRedraw;
    }

    Flags mouse(const ScreenContext& ctx, const widgets::MouseEvent& event, Effects& fx) override {
        sync(ctx);
        const auto ev = mouse_inside(event, timeline_area_);
        if (!ev) return Screen::mouse(ctx, event, fx);
        return timeline_.handle(*ev) ? (kHandled | kRedraw) : kNone;
    }

    bool back() override {
        if (focus_.empty()) return false;
        focus_.clear();
        stamp_ = {};
        pending_select_ = resource_lane_;
        return true;
    }

    std::string selected_arn(const ScreenContext& ctx) override {
        sync(ctx);
        const auto lane = timeline_.selected_lane();
        if (!lane) return {};
        if (!focus_.empty()) return *lane < lane_points_.size() ? lane_points_[*lane] : std::string();
        return *lane < lane_resource_.size() ? resources_[lane_resource_[*lane]].arn : std::string();
    }

private:
    // Rebuilds the lanes when the snapshot, scope or mode changed.
    void sync(const ScreenContext& ctx) {
        if (!stamp_.changed(ctx, focus_)) return;
        resources_ = timeline_resources(ctx);
        lane_resource_.clear();
        lane_points_.clear();
        if (focus_.empty()) {
            timeline_.set_lanes(resource_lanes(ctx, resources_, &lane_resource_));
        } else {
            const auto it = std::find_if(resources_.begin(), resources_.end(),
                                         [&](const auto& r) { return r.arn == focus_; });
            timeline_.set_lanes(it == resources_.end() ? std::vector<widgets::TimelineLane>{}
                                                       : point_lanes(ctx, *it, &lane_points_));
        }
        if (pending_select_) {
            timeline_.select_lane(*pending_select_);
            pending_select_.reset();
        }
    }

    // Two lines about the selected lane: what it shows and what comes next.
    std::vector<Line> info_lines(const ScreenContext& ctx) const {
        std::vector<Line> lines;
        const auto lane = timeline_.selected_lane();
        if (!lane) {
            lines.push_back(Line{}.add(" nothing to show in this scope", Role::Dim));
            return lines;
        }
        if (focus_.empty()) {
            if (*lane >= lane_resource_.size()) return lines;
            const auto& r = resources_[lane_resource_[*lane]];
            int count = 0;
            std::optional<TimePoint> newest;
            for (const auto* rd : ctx.regions()) {
                for (const auto& rp : rd->recovery_points) {
                    if (rp.resource_arn != r.arn || !rp.creation_date) continue;
                    ++count;
                    if (!newest || *rp.creation_date > *newest) newest = rp.creation_date;
                }
            }
            const auto missed = missed_runs(ctx, r, ctx.now - std::chrono::hours(24 * 30), ctx.now);
            Line l;
            l.add(" " + r.name, Role::Title).add("  " + r.region, Role::Dim);
            l.add(fmt::format("  {} recovery points", count)).add(newest ? ", newest " + relative(newest, ctx.now) : "");
            lines.push_back(l);
            Line m;
            if (missed.empty()) {
                m.add(" no missed runs in the last 30 days", Role::Ok);
            } else {
                m.add(fmt::format(" {} missed run{} in the last 30 days, last {}", missed.size(),
                                  missed.size() == 1 ? "" : "s", full_time(missed.back())),
                      Role::Critical);
            }
            m.add("   Enter: each point's lifecycle", Role::Dim);
            lines.push_back(m);
            return lines;
        }
        if (*lane >= lane_points_.size()) return lines;
        for (const auto* rd : ctx.regions()) {
            for (const auto& rp : rd->recovery_points) {
                if (rp.arn != lane_points_[*lane]) continue;
                Line l;
                l.add(" created " + full_time(rp.creation_date), Role::Normal).add("  " + rp.storage_class, Role::Dim);
                lines.push_back(l);
                Line c;
                const auto& cold = rp.calculated.move_to_cold_storage_at;
                const auto& del = rp.calculated.delete_at;
                c.add(" cold ", Role::Dim).add(cold ? full_time(cold) + " (" + relative(cold, ctx.now) + ")" : "never",
                                               Role::Cold);
                c.add("   deleted ", Role::Dim).add(del ? full_time(del) + " (" + relative(del, ctx.now) + ")" : "never",
                                                    Role::Normal);
                lines.push_back(c);
                return lines;
            }
        }
        return lines;
    }

    widgets::Timeline timeline_;
    SourceStamp stamp_;
    std::vector<TimelineResource> resources_;
    std::vector<std::size_t> lane_resource_;
    std::vector<std::string> lane_points_;
    std::optional<std::size_t> pending_select_;
    widgets::Rect timeline_area_{};
    std::string focus_;
    std::string focus_name_;
    std::size_t resource_lane_ = 0;
};

}  // namespace

std::unique_ptr<Screen> make_timeline_screen() { return std::make_unique<TimelineScreen>(); }

}  // namespace vd::tui
