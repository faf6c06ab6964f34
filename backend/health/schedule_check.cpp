// next-run and missed-run: when every backup rule (and restore testing
// plan) runs next, and rules that did not run when they should have.
//
// next-run is an ok finding carrying `when`; a schedule that cannot be read
// or never runs again is a warning.
//
// missed-run (warning): take the rule's last scheduled time P whose start
// window (StartWindowMinutes, AWS default 8 h) has fully passed. AWS must
// have created a backup job for the rule between P and P + start window; if
// there is no backup job (any state) nor recovery point of the rule created
// in [P - 1 h, P + start window], the run was missed. A job that started but
// did not finish within its completion window is AWS's EXPIRED state and
// shows under job-failed, so the completion window does not delay this
// check. Skipped when the plan selects nothing, when P is before the plan
// was created or outside the job window, or when jobs never loaded.
#include <fmt/format.h>

#include "backend/health/checks.hpp"
#include "backend/health/schedule_util.hpp"

namespace vd::health {
namespace {

using std::chrono::minutes;

// True when a backup job or recovery point shows the rule ran in [from, to].
bool rule_ran(const poll::RegionData& region, const model::BackupPlan& plan, const model::BackupRule& rule,
              TimePoint from, TimePoint to) {
    auto belongs = [&](const std::string& plan_id, const std::string& rule_id) {
        if (!rule_id.empty()) return rule_id == rule.rule_id;
        return !plan_id.empty() && plan_id == plan.plan_id;
    };
    auto within = [&](const std::optional<TimePoint>& t) { return t && *t >= from && *t <= to; };
    for (const auto& j : region.backup_jobs)
        if (belongs(j.backup_plan_id, j.backup_rule_id) && within(j.creation_date)) return true;
    for (const auto& rp : region.recovery_points)
        if (belongs(rp.backup_plan_id, rp.backup_rule_id) && within(rp.creation_date)) return true;
    return false;
}

// The next-run finding for one schedule.
Finding next_run(const CheckContext& ctx, const poll::RegionData& region, const std::string& arn, std::string name,
                 const std::string& expression, const std::string& timezone) {
    Finding f = make_finding(region, "next-run", Severity::Ok, arn, std::move(name), "");
    auto s = parse_rule_schedule(expression, timezone);
    if (!s) {
        f.severity = Severity::Warning;
        f.reason = "schedule cannot be read: " + s.error().message;
        return f;
    }
    std::string words = describe(s->schedule, s->zone_name);
    auto next = next_after(s->schedule, ctx.now, *s->zone);
    if (!next) {
        f.severity = Severity::Warning;
        f.reason = fmt::format("never runs again ({})", expression);
        return f;
    }
    f.when = next;
    f.reason = fmt::format("next run {} (in {}): {}", iso(*next), age_text(*next - ctx.now), words);
    f.evidence.push_back(fmt::format("{} in {}", expression, s->zone_name));
    return f;
}

// The missed-run finding for a rule, when its last due run did not happen.
std::optional<Finding> missed_run(const CheckContext& ctx, const poll::RegionData& region,
                                  const model::BackupPlan& plan, const model::BackupRule& rule) {
    if (plan.selections.empty() || !kind_loaded(region, poll::Kind::BackupJobs)) return std::nullopt;
    auto s = parse_rule_schedule(rule.schedule_expression, rule.schedule_expression_timezone);
    if (!s) return std::nullopt;
    auto window = minutes(rule.start_window_minutes.value_or(480));
    auto due = previous_before(s->schedule, ctx.now - window + std::chrono::seconds(1), *s->zone);
    if (!due) return std::nullopt;
    if (plan.creation_date && *due < *plan.creation_date) return std::nullopt;
    if (*due < ctx.now - ctx.config.job_window) return std::nullopt;
    if (rule_ran(region, plan, rule, *due - std::chrono::hours(1), *due + window)) return std::nullopt;
    Finding f = make_finding(region, "missed-run", Severity::Warning, plan.plan_arn,
                             fmt::format("{}/{}", plan.plan_name, rule.rule_name),
                             fmt::format("rule {} did not run at {}: no backup job within its {} start window",
                                         rule.rule_name, iso(*due), age_text(window)));
    f.when = due;
    f.evidence.push_back(fmt::format("{} in {} ({})", rule.schedule_expression, s->zone_name,
                                     describe(s->schedule, s->zone_name)));
    f.evidence.push_back(fmt::format("no backup job or recovery point of rule {} created between {} and {}",
                                     rule.rule_id, iso(*due - std::chrono::hours(1)), iso(*due + window)));
    return f;
}

}  // namespace

void check_schedules(const CheckContext& ctx, Findings& out) {
    for (const auto& region : ctx.snapshot.regions) {
        for (const auto& plan : region.plans) {
            for (const auto& rule : plan.rules) {
                out.push_back(next_run(ctx, region, plan.plan_arn, fmt::format("{}/{}", plan.plan_name, rule.rule_name),
                                       rule.schedule_expression, rule.schedule_expression_timezone));
                if (auto missed = missed_run(ctx, region, plan, rule)) out.push_back(std::move(*missed));
            }
        }
        for (const auto& rtp : region.restore_testing_plans)
            out.push_back(next_run(ctx, region, rtp.arn, rtp.name, rtp.schedule_expression, rtp.schedule_expression_timezone));
    }
}

}  // namespace vd::health
