// The Plans screen.
#include "tui/screens/plans.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "backend/health/cron.hpp"
#include "tui/screens/format.hpp"
#include "tui/screens/line_view.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Role;

namespace {

// True when a finding is about this plan (its ARN, its name, or one of its rules).
bool about_plan(const health::Finding& f, const model::BackupPlan& plan) {
    if (!f.resource.empty() && f.resource == plan.plan_arn) return true;
    const std::string& n = f.resource_name;
    return !n.empty() && (n == plan.plan_name || n.rfind(plan.plan_name + "/", 0) == 0);
}

// The schedule of a rule in words with its next run.
void add_rule(LineBuilder& out, const ScreenContext& ctx, const model::BackupRule& rule, int width, int name_w) {
    const auto& g = ctx.theme->glyphs();
    Line& head = out.line();
    head.selectable = true;
    head.add("    " + widgets::fit(rule.rule_name, name_w) + "  ", Role::Accent);
    const std::string indent(static_cast<std::size_t>(name_w + 6), ' ');
    const std::string tz = rule.schedule_expression_timezone;
    auto schedule = health::Schedule::parse(rule.schedule_expression);
    if (!schedule) {
        head.add(rule.schedule_expression.empty() ? "no schedule (on demand only)" : rule.schedule_expression,
                 rule.schedule_expression.empty() ? Role::Dim : Role::Warning);
        if (!rule.schedule_expression.empty()) head.add("  " + schedule.error().message, Role::Error);
    } else {
        head.add(health::describe(*schedule, tz));
        auto zone = health::locate_zone(tz);
        if (zone) {
            if (const auto next = health::next_after(*schedule, ctx.now, **zone)) {
                head.add("   next run ", Role::Dim).add(relative(next, ctx.now), Role::Info);
                if (width >= 110) head.add("  (" + full_time(next) + ")", Role::Dim);
            }
        }
        if (width >= 150) head.add("   " + rule.schedule_expression, Role::Dim);
    }
    Line& life = out.line();
    life.add(indent);
    life.add(lifecycle_words(rule.lifecycle));
    life.add("  into " + rule.target_vault_name, Role::Dim);
    if (rule.enable_continuous_backup) life.add("  PITR on", Role::Pitr);
    if (rule.start_window_minutes || rule.completion_window_minutes) {
        life.add(fmt::format("  starts within {} min, done within {}", rule.start_window_minutes.value_or(480),
                             widgets::human_duration(std::chrono::minutes(rule.completion_window_minutes.value_or(10080)))),
                 Role::Dim);
    }
    for (const auto& copy : rule.copy_actions) {
        Line& c = out.line();
        c.add(indent).add(std::string(g.utf8 ? "↳ " : "-> ") + "copy to ", Role::Dim);
        c.add(region_of_arn(copy.destination_vault_arn) + " " + vault_from_arn(copy.destination_vault_arn));
        c.add("  " + lifecycle_words(copy.lifecycle), Role::Dim);
    }
}

// A selected resource by the name AWS Backup knows it by (an EFS file
// system's Name tag, say), else the end of its ARN.
std::string resource_name_in(const poll::RegionData& rd, const std::string& arn) {
    for (const auto& pr : rd.protected_resources)
        if (pr.resource_arn == arn && !pr.resource_name.empty()) return pr.resource_name;
    return arn_tail(arn);
}

// One plan: heading, rules, selections, findings.
void add_plan(LineBuilder& out, const ScreenContext& ctx, const poll::RegionData& rd, const model::BackupPlan& plan,
              int width) {
    Line& head = out.line();
    head.selectable = true;
    head.add(plan.plan_name, Role::Title).add("  " + rd.region, Role::Accent);
    head.add(fmt::format("  {} rule{}, {} selection{}", plan.rules.size(), plan.rules.size() == 1 ? "" : "s",
                         plan.selections.size(), plan.selections.size() == 1 ? "" : "s"),
             Role::Dim);
    if (plan.last_execution_date) head.add("  last ran " + relative(plan.last_execution_date, ctx.now), Role::Dim);
    int name_w = 8;
    for (const auto& rule : plan.rules) name_w = std::max(name_w, widgets::display_width(rule.rule_name));
    name_w = std::min(name_w, 24);
    for (const auto& rule : plan.rules) add_rule(out, ctx, rule, width, name_w);
    for (const auto& sel : plan.selections) {
        Line& s = out.line();
        s.add("    selects ", Role::Dim).add(sel.selection_name.empty() ? sel.selection_id : sel.selection_name);
        std::string what;
        for (const auto& r : sel.resources) what += (what.empty() ? "" : ", ") + resource_name_in(rd, r);
        for (const auto& [k, v] : sel.tag_conditions) what += (what.empty() ? "" : ", ") + ("tag " + k + "=" + v);
        s.add(": " + (what.empty() ? std::string("nothing") : what), what.empty() ? Role::Warning : Role::Normal);
        if (!sel.not_resources.empty()) s.add(fmt::format("  (except {})", sel.not_resources.size()), Role::Dim);
    }
    if (plan.selections.empty()) out.line().add("    selects nothing: no resource is backed up by this plan", Role::Warning);
    for (const auto* f : ctx.scoped_findings()) {
        if (f->severity == health::Severity::Ok || !about_plan(*f, plan)) continue;
        Line& l = out.line();
        l.selectable = true;
        l.add("    " + severity_tag(f->severity), severity_role(f->severity)).add("  ");
        if (!f->resource_name.empty() && f->resource_name != plan.plan_name) l.add(f->resource_name + ": ", Role::Normal);
        l.add(f->reason);
    }
}

class PlansScreen final : public Screen {
public:
    std::string_view id() const override { return "plans"; }
    std::string_view title() const override { return "Plans"; }
    std::vector<widgets::KeyBinding> bindings() const override { return {}; }

    void render(const ScreenContext& ctx, widgets::Canvas& canvas) override {
        view_.render(canvas, fold_lines(plan_lines(ctx, canvas.width()), canvas.width(), -1), *ctx.theme);
    }

    Flags command(const ScreenContext&, std::string_view name, Effects&) override { return view_.command(name); }

    Flags mouse(const ScreenContext& ctx, const widgets::MouseEvent& event, Effects& fx) override {
        if (event.button == widgets::MouseButton::Left && event.pressed) {
            view_.select_row(event.y);
            return kHandled | kRedraw;
        }
        return Screen::mouse(ctx, event, fx);
    }

private:
    LineView view_;
};

}  // namespace

std::string lifecycle_words(const model::Lifecycle& l) {
    std::string out;
    if (l.move_to_cold_storage_after_days) out += fmt::format("cold after {} d", *l.move_to_cold_storage_after_days);
    if (l.delete_after_days) out += fmt::format("{}delete after {} d", out.empty() ? "" : ", ", *l.delete_after_days);
    if (out.empty()) out = "kept until deleted by hand";
    if (l.move_to_cold_storage_after_days && !l.delete_after_days) out += ", never deleted";
    return out;
}

std::vector<Line> plan_lines(const ScreenContext& ctx, int width) {
    LineBuilder out;
    int plans = 0;
    for (const auto* rd : ctx.regions()) {
        for (const auto& plan : rd->plans) {
            if (plans++ > 0) out.blank();
            add_plan(out, ctx, *rd, plan, width);
        }
    }
    if (plans == 0) out.line().add("No backup plans in this scope.", Role::Dim);
    bool testing = false;
    for (const auto* rd : ctx.regions()) {
        for (const auto& tp : rd->restore_testing_plans) {
            if (!testing) {
                out.blank();
                out.title("Restore testing plans");
                testing = true;
            }
            Line& l = out.line();
            l.selectable = true;
            l.add("    " + tp.name, Role::Accent).add("  " + rd->region, Role::Dim);
            auto schedule = health::Schedule::parse(tp.schedule_expression);
            l.add("  " + (schedule ? health::describe(*schedule, tp.schedule_expression_timezone) : tp.schedule_expression));
            if (tp.last_execution_time) l.add("  last ran " + relative(tp.last_execution_time, ctx.now), Role::Dim);
        }
    }
    std::vector<const health::Finding*> unprotected;
    for (const auto* f : ctx.scoped_findings()) {
        if (f->check == "unprotected" && f->severity != health::Severity::Ok) unprotected.push_back(f);
    }
    if (!unprotected.empty()) {
        out.blank();
        out.title("Resources no plan selects");
        for (const auto* f : unprotected) {
            Line& l = out.line();
            l.selectable = true;
            l.add("    " + severity_tag(f->severity), severity_role(f->severity)).add("  ");
            l.add(f->resource_name.empty() ? arn_tail(f->resource) : f->resource_name).add("  " + f->reason, Role::Dim);
        }
    }
    return out.take();
}

std::unique_ptr<Screen> make_plans_screen() { return std::make_unique<PlansScreen>(); }

}  // namespace vd::tui
