// plan-rule: backup plan rules that AWS would refuse or that fall short of
// the configured minimums.
//   - critical: a lifecycle (of the rule or of a copy action) that deletes
//     points less than 90 days after moving them to cold storage;
//   - warning: a plan none of whose rules both runs at least as often as
//     plan_minimums.frequency (default daily; continuous backup counts) and
//     keeps points at least plan_minimums.retention (default 35 days; no
//     DeleteAfterDays counts) — AWS Backup Audit Manager's
//     BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK, judged per plan.
#include <fmt/format.h>

#include "backend/health/checks.hpp"
#include "backend/health/schedule_util.hpp"

namespace vd::health {
namespace {

// The problem with a lifecycle, or "" when AWS would accept it.
std::string lifecycle_problem(const model::Lifecycle& l) {
    if (!l.move_to_cold_storage_after_days || !l.delete_after_days) return "";
    int64_t cold = *l.move_to_cold_storage_after_days;
    int64_t del = *l.delete_after_days;
    if (del >= cold + 90) return "";
    return fmt::format("deletes after {} d but moves to cold storage after {} d; AWS requires deletion at least 90 days "
                       "after the move (at least {} d)",
                       del, cold, cold + 90);
}

// "keeps 35 d" / "keeps forever".
std::string retention_text(const model::Lifecycle& l) {
    return l.delete_after_days ? fmt::format("keeps {} d", *l.delete_after_days) : "keeps forever";
}

}  // namespace

void check_plan_rules(const CheckContext& ctx, Findings& out) {
    const auto min_frequency = std::chrono::duration_cast<std::chrono::system_clock::duration>(ctx.config.plan_minimums.frequency);
    const int64_t min_days = ctx.config.plan_minimums.retention.count() / 86400;
    for (const auto& region : ctx.snapshot.regions) {
        for (const auto& plan : region.plans) {
            for (const auto& rule : plan.rules) {
                std::vector<std::pair<std::string, std::string>> problems;  // where, what
                if (auto p = lifecycle_problem(rule.lifecycle); !p.empty()) problems.emplace_back("lifecycle", p);
                for (const auto& copy : rule.copy_actions)
                    if (auto p = lifecycle_problem(copy.lifecycle); !p.empty())
                        problems.emplace_back(fmt::format("copy to {}", short_name(copy.destination_vault_arn)), p);
                for (const auto& [where, what] : problems) {
                    Finding f = make_finding(region, "plan-rule", Severity::Critical, plan.plan_arn,
                                             fmt::format("{}/{}", plan.plan_name, rule.rule_name),
                                             fmt::format("rule {} {}: {}", rule.rule_name, where, what));
                    f.evidence.push_back(fmt::format("plan {} ({}), rule {}", plan.plan_name, plan.plan_id, rule.rule_name));
                    out.push_back(std::move(f));
                }
            }
            if (plan.rules.empty()) continue;
            bool meets = false;
            std::vector<std::string> evidence;
            for (const auto& rule : plan.rules) {
                bool keeps = !rule.lifecycle.delete_after_days || *rule.lifecycle.delete_after_days >= min_days;
                bool often = rule.enable_continuous_backup;
                std::string when = "continuous";
                if (!often) {
                    auto s = parse_rule_schedule(rule.schedule_expression, rule.schedule_expression_timezone);
                    if (s) {
                        often = runs_at_least_every(*s, min_frequency, ctx.now);
                        when = describe(s->schedule, s->zone_name);
                    } else {
                        when = "unreadable schedule " + rule.schedule_expression;
                    }
                }
                meets = meets || (keeps && often);
                evidence.push_back(fmt::format("rule {}: {}, {}", rule.rule_name, when, retention_text(rule.lifecycle)));
            }
            if (meets) continue;
            Finding f = make_finding(
                region, "plan-rule", Severity::Warning, plan.plan_arn, plan.plan_name,
                fmt::format("no rule runs at least every {} and keeps points at least {} d", age_text(min_frequency),
                            min_days));
            f.evidence = std::move(evidence);
            out.push_back(std::move(f));
        }
    }
}

}  // namespace vd::health
