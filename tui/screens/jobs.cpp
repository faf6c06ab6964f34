// The Jobs screen.
#include "tui/screens/jobs.hpp"

#include <fmt/format.h>

#include "tui/screens/format.hpp"
#include "tui/screens/job_rows.hpp"
#include "tui/screens/table_screen.hpp"
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

class JobsScreen final : public TableScreen {
public:
    JobsScreen()
        : TableScreen({.views = {widgets::Table(job_columns(), {.empty_message = "no jobs in this scope and selection"})},
                       .stamp = {},
                       .detail_help = "Show or hide the detail pane"}),
          now_(std::make_shared<TimePoint>()) {}

    std::string_view id() const override { return "jobs"; }
    std::vector<std::string_view> aliases() const override { return {"backup-jobs", "restores"}; }
    std::string_view title() const override { return "Jobs"; }

private:
    std::vector<widgets::KeyBinding> own_bindings() const override {
        return {
            {"f", "state", "Show failed, running, completed or all jobs", true, false},
            {"t", "kind", "Show backup, copy, restore or all jobs", true, false},
        };
    }

    std::shared_ptr<const widgets::RowSource> make_rows(const ScreenContext& ctx) override {
        rows_ = std::make_shared<JobRows>(collect_jobs(ctx, selection_), now_);
        return rows_;
    }
    std::string rows_key(const ScreenContext&) const override { return selection_.kind + "|" + selection_.state; }

    void draw(const ScreenContext& ctx, widgets::Canvas& canvas) override {
        *now_ = ctx.now;
        const int w = canvas.width();
        const int h = canvas.height();
        const int pane_h = details_shown() && h >= 16 ? 7 : 0;
        int x = draw_title(ctx, canvas, "Jobs");
        x = canvas.put(x + 2, 0, "kind ", ctx.theme->style(Role::Dim));
        x = canvas.put(x, 0, selection_.kind.empty() ? "all" : selection_.kind, ctx.theme->style(Role::Accent));
        x = canvas.put(x + 2, 0, "state ", ctx.theme->style(Role::Dim));
        x = canvas.put(x, 0, selection_.state.empty() ? "all" : selection_.state,
                       ctx.theme->style(selection_.state == "failed" ? Role::Failed : Role::Accent));
        draw_position(ctx, canvas, x + 2);
        draw_table(ctx, canvas, {0, 1, w, h - 1 - pane_h});
        if (pane_h > 0) draw_pane(ctx, canvas, {0, h - pane_h, w, pane_h}, "Job", detail_lines(ctx, w - 2));
    }

    Flags own_command(const ScreenContext& ctx, std::string_view name, Effects& fx) override {
        if (name != "state" && name != "kind") return kNone;
        if (name == "state") selection_.state = next_of({"", "failed", "running", "completed"}, selection_.state);
        else selection_.kind = next_of({"", "backup", "copy", "restore"}, selection_.kind);
        sync(ctx);
        fx.message = fmt::format("showing {} {} jobs", selection_.state.empty() ? "all" : selection_.state,
                                 selection_.kind.empty() ? "backup, copy and restore" : selection_.kind);
        return kHandled | kRedraw | kChrome;
    }

    std::string arn_of(std::size_t row) const override {
        const JobRow& j = rows_->job(row);
        return !j.recovery_point_arn.empty() ? j.recovery_point_arn : j.resource_arn;
    }

    // The detail pane: the selected job's full message and ARNs.
    std::vector<Line> detail_lines(const ScreenContext& ctx, int width) const {
        std::vector<Line> lines;
        const auto row = table().selected_row();
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

    std::shared_ptr<JobRows> rows_;
    std::shared_ptr<TimePoint> now_;
    JobSelection selection_;
};

}  // namespace

std::unique_ptr<Screen> make_jobs_screen() { return std::make_unique<JobsScreen>(); }

}  // namespace vd::tui
