// The Jobs screen.
#include "tui/screens/jobs.hpp"

#include <fmt/format.h>

#include "tui/screens/format.hpp"
#include "tui/screens/job_rows.hpp"
#include "tui/screens/table_screen.hpp"
#include "tui/screens/text_lines.hpp"
#include "widgets/box.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Role;

namespace {

// The next value in a cycle of choices.
std::string next_of(const std::vector<std::string>& cycle, const std::string& current) {
    for (std::size_t i = 0; i < cycle.size(); ++i) {
        if (cycle[i] == current) return cycle[(i + 1) % cycle.size()];
    }
    return cycle.front();
}

class JobsScreen final : public Screen {
public:
    JobsScreen()
        : table_(job_columns(), {.empty_message = "no jobs in this scope and selection"}),
          now_(std::make_shared<TimePoint>()) {}

    std::string_view id() const override { return "jobs"; }
    std::string_view title() const override { return "Jobs"; }

    std::vector<widgets::KeyBinding> bindings() const override {
        return {
            {"f", "state", "Show failed, running, completed or all jobs", true, false},
            {"t", "kind", "Show backup, copy, restore or all jobs", true, false},
            {"d", "details", "Show or hide the detail pane", true, false},
            {"s", "sort-next", "Sort by the next column", true, false},
        };
    }

    void render(const ScreenContext& ctx, widgets::Canvas& canvas) const override {
        sync(ctx);
        *now_ = ctx.now;
        const int w = canvas.width();
        const int h = canvas.height();
        const int pane_h = details_ && h >= 16 ? 7 : 0;
        table_area_ = {0, 1, w, h - 1 - pane_h};
        canvas.fill({0, 0, w, 1}, " ", ctx.theme->style(Role::Normal));
        int x = canvas.put(1, 0, "Jobs", ctx.theme->style(Role::Title));
        x = canvas.put(x + 2, 0, "kind ", ctx.theme->style(Role::Dim));
        x = canvas.put(x, 0, selection_.kind.empty() ? "all" : selection_.kind, ctx.theme->style(Role::Accent));
        x = canvas.put(x + 2, 0, "state ", ctx.theme->style(Role::Dim));
        x = canvas.put(x, 0, selection_.state.empty() ? "all" : selection_.state,
                       ctx.theme->style(selection_.state == "failed" ? Role::Failed : Role::Accent));
        x = canvas.put(x + 2, 0, table_.position_text(), ctx.theme->style(Role::Dim));
        if (!table_.filter().empty()) {
            canvas.put(x + 2, 0, "filter: " + table_.filter(), ctx.theme->style(Role::Accent));
        }
        auto table_canvas = canvas.region(table_area_);
        table_.render(table_canvas, *ctx.theme, true);
        if (pane_h > 0) {
            auto pane = canvas.region({0, h - pane_h, w, pane_h});
            const widgets::Rect inside = widgets::draw_box(pane, {0, 0, w, pane_h}, *ctx.theme, "Job");
            auto inner = pane.region(inside);
            draw_lines(inner, detail_lines(ctx, inside.width), 0, -1, *ctx.theme);
        }
    }

    Flags command(const ScreenContext& ctx, std::string_view name, Effects& fx) override {
        sync(ctx);
        if (name == "state" || name == "kind") {
            if (name == "state") selection_.state = next_of({"", "failed", "running", "completed"}, selection_.state);
            else selection_.kind = next_of({"", "backup", "copy", "restore"}, selection_.kind);
            sync(ctx);
            fx.message = fmt::format("showing {} {} jobs", selection_.state.empty() ? "all" : selection_.state,
                                     selection_.kind.empty() ? "backup, copy and restore" : selection_.kind);
            return kHandled | kRedraw | kChrome;
        }
        if (name == "details") {
            details_ = !details_;
            return kHandled | kRedraw;
        }
        return table_command(table_, name, fx);
    }

    Flags mouse(const ScreenContext& ctx, const widgets::MouseEvent& event, Effects& fx) override {
        sync(ctx);
        const Flags f = table_mouse(table_, event, table_area_);
        return f ? f : Screen::mouse(ctx, event, fx);
    }

    bool filterable() const override { return true; }
    void set_filter(std::string text) override { table_.set_filter(text); }
    std::string filter() const override { return table_.filter(); }

    std::string selected_arn(const ScreenContext& ctx) const override {
        sync(ctx);
        const auto row = table_.selected_row();
        if (!row) return {};
        const JobRow& j = rows_->job(*row);
        return !j.recovery_point_arn.empty() ? j.recovery_point_arn : j.resource_arn;
    }

private:
    // Rebuilds the rows when the snapshot, scope or selection changed.
    void sync(const ScreenContext& ctx) const {
        if (stamp_.changed(ctx, selection_.kind + "|" + selection_.state)) {
            rows_ = std::make_shared<JobRows>(collect_jobs(ctx, selection_), now_);
            table_.set_source(rows_);
        }
    }

    // The detail pane: the selected job's full message and ARNs.
    std::vector<Line> detail_lines(const ScreenContext& ctx, int width) const {
        std::vector<Line> lines;
        const auto row = table_.selected_row();
        if (!row) {
            lines.push_back(Line{}.add("no job selected", Role::Dim));
            return lines;
        }
        const JobRow& j = rows_->job(*row);
        Line head;
        head.add(j.kind + " job ", Role::Dim).add(j.id).add("  ").add(j.state, state_role(j.state));
        head.add("  started " + full_time(j.created) + " (" + relative(j.created, ctx.now) + ")", Role::Dim);
        if (j.completed) head.add("  took " + elapsed(j.created, j.completed, ctx.now), Role::Dim);
        lines.push_back(head);
        for (const auto& l : widgets::wrap(j.message.empty() ? "no status message" : j.message, width)) {
            lines.push_back(Line{}.add(l, j.message.empty() ? Role::Dim : state_role(j.state)));
        }
        if (!j.resource_arn.empty()) lines.push_back(Line{}.add("resource  ", Role::Dim).add(j.resource_arn));
        if (!j.recovery_point_arn.empty()) {
            lines.push_back(Line{}.add("point     ", Role::Dim).add(j.recovery_point_arn));
        }
        return lines;
    }

    mutable widgets::Table table_;
    mutable std::shared_ptr<JobRows> rows_;
    mutable SourceStamp stamp_;
    mutable widgets::Rect table_area_{};
    std::shared_ptr<TimePoint> now_;
    JobSelection selection_;
    bool details_ = true;
};

}  // namespace

std::unique_ptr<Screen> make_jobs_screen() { return std::make_unique<JobsScreen>(); }

}  // namespace vd::tui
