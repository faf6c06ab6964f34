// The Drills screen.
#include "tui/screens/drills.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/health/restore_test.hpp"
#include "tui/screens/format.hpp"
#include "tui/screens/table_screen.hpp"
#include "tui/screens/text_lines.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Align;
using widgets::Role;

namespace {

enum DrillColumn : std::size_t {
    kDrStarted, kDrResource, kDrResult, kDrRto, kDrTarget, kDrRpo, kDrChecks, kDrRunbook, kDrReport, kDrColumnCount,
};

std::vector<widgets::Column> drill_columns() {
    return {
        {"started", "Date", 11},
        {"resource", "Resource", 14, 2},
        {"result", "Result", 7},
        {"rto", "RTO", 9, 0, Align::Right},
        {"target", "vs target", 12},
        {"rpo", "Data age", 10, 0, Align::Right},
        {"checks", "Checks", 7, 0, Align::Right},
        {"runbook", "Runbook", 16, 2},
        {"report", "Report", 12, 1},
    };
}

// A row source over the drill records, newest first.
class DrillRows final : public widgets::RowSource {
public:
    explicit DrillRows(const ScreenContext& ctx) : target_(ctx.rto_target) {
        if (ctx.snapshot) drills_ = ctx.snapshot->drills;
        for (auto& d : restore_tests(ctx)) drills_.push_back(std::move(d));
        std::sort(drills_.begin(), drills_.end(), [](const auto& a, const auto& b) { return a.started > b.started; });
    }

    // AWS Backup restore-testing jobs, as drill records: restore time, data
    // age and the validation result.
    static std::vector<poll::DrillRecord> restore_tests(const ScreenContext& ctx) {
        std::vector<poll::DrillRecord> out;
        for (const auto* rd : ctx.regions()) {
            for (const auto& j : rd->restore_jobs) {
                if (j.restore_testing_plan_arn.empty() || !j.creation_date) continue;
                poll::DrillRecord d;
                d.id = j.restore_job_id;
                d.runbook = "AWS test " + arn_tail(j.restore_testing_plan_arn);
                d.recovery_point_arn = j.recovery_point_arn;
                d.resource = j.created_resource_arn;
                d.started = *j.creation_date;
                d.finished = j.completion_date;
                if (j.completion_date) d.rto_seconds = std::chrono::duration<double>(*j.completion_date - *j.creation_date).count();
                for (const auto* r : ctx.regions()) {
                    for (const auto& rp : r->recovery_points) {
                        if (rp.arn != j.recovery_point_arn) continue;
                        d.resource = rp.resource_arn;
                        if (rp.creation_date) d.rpo_seconds = std::chrono::duration<double>(*j.creation_date - *rp.creation_date).count();
                    }
                }
                const bool validated = !j.validation_status.empty();
                const health::RestoreTestVerdict verdict = health::restore_test_verdict(j);
                d.passed = verdict == health::RestoreTestVerdict::Passed;
                d.pending = verdict == health::RestoreTestVerdict::Pending;
                d.checks_total = validated ? 1 : 0;
                d.checks_passed = j.validation_status == "SUCCESSFUL" ? 1 : 0;
                out.push_back(std::move(d));
            }
        }
        return out;
    }

    std::size_t row_count() const override { return drills_.size(); }
    std::string row_id(std::size_t row) const override { return drills_[row].id; }

    void format_row(std::size_t row, std::vector<widgets::TableCell>& cells) const override {
        const auto& d = drills_[row];
        const auto rto = std::chrono::seconds(static_cast<long long>(d.rto_seconds));
        const bool within = rto <= target_;
        cells.assign(kDrColumnCount, {});
        cells[kDrStarted] = {short_time(d.started), Role::Normal};
        cells[kDrResource] = {arn_tail(d.resource), Role::Normal};
        cells[kDrResult] = d.pending ? widgets::TableCell{"running", Role::Dim}
                                     : widgets::TableCell{d.passed ? "passed" : "FAILED", d.passed ? Role::Ok : Role::Failed};
        cells[kDrRto] = {d.rto_seconds > 0 ? widgets::human_duration(rto) : "-", within ? Role::Normal : Role::Warning};
        cells[kDrTarget] = {d.rto_seconds <= 0 ? "-" : (within ? "within " : "over ") + widgets::human_duration(target_),
                            within ? Role::Ok : Role::Warning};
        cells[kDrRpo] = {d.rpo_seconds > 0 ? widgets::human_duration(std::chrono::seconds(static_cast<long long>(d.rpo_seconds))) : "-",
                         Role::Dim};
        cells[kDrChecks] = {d.checks_total == 0 ? "-" : fmt::format("{}/{}", d.checks_passed, d.checks_total),
                            d.checks_passed == d.checks_total ? Role::Ok : d.pending ? Role::Dim : Role::Failed};
        cells[kDrRunbook] = {d.runbook, Role::Dim};
        cells[kDrReport] = {d.report_path.empty() ? "-" : d.report_path, Role::Dim};
    }

    widgets::SortKey sort_key(std::size_t row, std::size_t column) const override {
        const auto& d = drills_[row];
        if (column == kDrStarted) return widgets::SortKey::of(to_epoch_seconds(d.started));
        if (column == kDrRto) return widgets::SortKey::of(d.rto_seconds);
        if (column == kDrRpo) return widgets::SortKey::of(d.rpo_seconds);
        return RowSource::sort_key(row, column);
    }

    const poll::DrillRecord& drill(std::size_t row) const { return drills_[row]; }

private:
    std::chrono::seconds target_;
    std::vector<poll::DrillRecord> drills_;  // vaultdeck's drills and AWS restore tests
};

class DrillsScreen final : public TableScreen {
public:
    DrillsScreen()
        : TableScreen({.views = {widgets::Table(drill_columns(),
                                                {.empty_message = "no drills on record yet: vaultdeck drill run --runbook monthly-drill"})},
                       .stamp = {},
                       .detail_help = {}}) {}

    std::string_view id() const override { return "drills"; }
    std::string_view title() const override { return "Drills"; }

private:
    std::vector<widgets::KeyBinding> own_bindings() const override { return {}; }

    std::shared_ptr<const widgets::RowSource> make_rows(const ScreenContext& ctx) override {
        rows_ = std::make_shared<DrillRows>(ctx);
        return rows_;
    }
    std::string rows_key(const ScreenContext& ctx) const override { return std::to_string(ctx.rto_target.count()); }

    // The drills that are due above the history.
    void draw(const ScreenContext& ctx, widgets::Canvas& canvas) override {
        const int w = canvas.width();
        const int h = canvas.height();
        LineBuilder due;
        due.title("Due").add(fmt::format("   RTO target {}", widgets::human_duration(ctx.rto_target)), Role::Dim);
        int count = 0;
        for (const auto* f : ctx.scoped_findings()) {
            if (f->check != "drill-due") continue;
            Line& l = due.line();
            l.add("  " + severity_tag(f->severity), severity_role(f->severity)).add("  ");
            l.add(widgets::fit(f->resource_name.empty() ? arn_tail(f->resource) : f->resource_name, 20));
            l.add(f->reason, f->severity == health::Severity::Ok ? Role::Dim : Role::Normal);
            if (f->when) {
                const std::string when =
                    *f->when <= ctx.now
                        ? "overdue " + widgets::human_duration(
                                           std::chrono::duration_cast<std::chrono::seconds>(ctx.now - *f->when))
                        : "due " + relative(f->when, ctx.now);
                l.add("  " + when, severity_role(f->severity));
            }
            ++count;
        }
        if (count == 0) due.line().add("  no drill is due", Role::Ok);
        auto lines = fold_lines(due.take(), w, 28);
        const int due_h = std::min(static_cast<int>(lines.size()), std::max(2, h / 3));
        auto top = canvas.region({0, 0, w, due_h});
        draw_lines(top, lines, 0, -1, *ctx.theme);
        canvas.fill({0, due_h, w, 2}, " ", ctx.theme->style(Role::Normal));
        const int x = canvas.put(0, due_h + 1, "History", ctx.theme->style(Role::Title));
        draw_position(ctx, canvas, x + 2, due_h + 1);
        draw_table(ctx, canvas, {0, due_h + 2, w, h - due_h - 2});
    }

    std::string arn_of(std::size_t row) const override {
        const auto& d = rows_->drill(row);
        return !d.recovery_point_arn.empty() ? d.recovery_point_arn : d.resource;
    }

    std::shared_ptr<DrillRows> rows_;
};

}  // namespace

std::unique_ptr<Screen> make_drills_screen() { return std::make_unique<DrillsScreen>(); }

}  // namespace vd::tui
