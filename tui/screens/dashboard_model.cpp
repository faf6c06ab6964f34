// The dashboard's per-region numbers.
#include "tui/screens/dashboard_model.hpp"

#include <algorithm>

#include "backend/health/cron.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

namespace {

// True when the finding is about this account and region.
bool about(const health::Finding& f, const poll::RegionData& rd) {
    const bool account = f.account_id.empty() || f.account_id == rd.account_id || f.account_id == rd.identity.account;
    const bool region = f.region.empty() || f.region == rd.region;
    return account && region;
}

// Counts one job into the summary's 24 h totals and 14-day buckets.
void count_job(RegionSummary& s, TimePoint now, const std::optional<TimePoint>& created, std::string_view state,
               std::string_view category) {
    if (!created) return;
    const auto age = now - *created;
    const bool failed = job_failed(state, category);
    if (age >= std::chrono::hours(0) && age < std::chrono::hours(24)) {
        if (failed) ++s.jobs_failed;
        else if (job_running(state)) ++s.jobs_running;
        else if (widgets::ascii_lower(state) == "completed") ++s.jobs_completed;
    }
    const auto days = std::chrono::duration_cast<std::chrono::hours>(age).count() / 24;
    if (age >= std::chrono::hours(0) && days < kSparkDays) {
        const auto index = static_cast<std::size_t>(kSparkDays - 1 - days);
        ++s.jobs_per_day[index];
        if (failed) ++s.failed_per_day[index];
    }
}

}  // namespace

bool job_failed(std::string_view state, std::string_view category) {
    const std::string s = widgets::ascii_lower(state);
    if (s == "failed" || s == "aborted" || s == "expired" || s == "partial") return true;
    const std::string c = widgets::ascii_lower(category);
    return s == "completed" && !c.empty() && c != "success";
}

bool job_running(std::string_view state) {
    const std::string s = widgets::ascii_lower(state);
    return s == "running" || s == "created" || s == "pending" || s == "aborting";
}

std::vector<NextRun> next_runs(const std::vector<model::BackupPlan>& plans, TimePoint now, std::size_t limit) {
    std::vector<NextRun> out;
    for (const auto& plan : plans) {
        for (const auto& rule : plan.rules) {
            if (rule.schedule_expression.empty()) continue;
            auto schedule = health::Schedule::parse(rule.schedule_expression);
            if (!schedule) continue;
            auto zone = health::locate_zone(rule.schedule_expression_timezone);
            if (!zone) continue;
            const auto next = health::next_after(*schedule, now, **zone);
            if (!next) continue;
            out.push_back({plan.plan_name, rule.rule_name,
                           health::describe(*schedule, rule.schedule_expression_timezone), *next});
        }
    }
    std::sort(out.begin(), out.end(), [](const NextRun& a, const NextRun& b) { return a.when < b.when; });
    if (out.size() > limit) out.resize(limit);
    return out;
}

RegionSummary summarize_region(const ScreenContext& ctx, const poll::RegionData& rd) {
    RegionSummary s;
    s.data = &rd;
    s.protected_resources = static_cast<int>(rd.protected_resources.size());
    for (const auto* f : ctx.scoped_findings()) {
        if (!about(*f, rd)) continue;
        if (f->check == "rpo") {
            if (f->severity == health::Severity::Ok) ++s.rpo_met;
            else ++s.rpo_missed;
        } else if (f->check == "drill-due" && f->severity != health::Severity::Ok) {
            s.drills.push_back(f);
        }
    }
    for (const auto& j : rd.backup_jobs) count_job(s, ctx.now, j.creation_date, j.state, j.message_category);
    for (const auto& j : rd.copy_jobs) count_job(s, ctx.now, j.creation_date, j.state, j.message_category);
    s.next_runs = next_runs(rd.plans, ctx.now, 3);
    return s;
}

std::vector<const health::Finding*> problems_first(std::vector<const health::Finding*> findings) {
    findings.erase(std::remove_if(findings.begin(), findings.end(),
                                  [](const health::Finding* f) { return f->severity == health::Severity::Ok; }),
                   findings.end());
    std::stable_sort(findings.begin(), findings.end(), [](const health::Finding* a, const health::Finding* b) {
        const auto rank = [](health::Severity s) {
            switch (s) {
            case health::Severity::Critical: return 0;
            case health::Severity::Warning: return 1;
            case health::Severity::Unknown: return 2;
            case health::Severity::Ok: return 3;
            }
            return 3;
        };
        return rank(a->severity) < rank(b->severity);
    });
    return findings;
}

}  // namespace vd::tui
