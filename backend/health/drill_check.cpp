// drill-due: the last successful restore test of each resource and when the
// next one is due (drills.cadence, default 30 days).
//
// A successful restore test is a restore job created by an AWS restore
// testing plan that COMPLETED with validation SUCCESSFUL (or no validation),
// or a passed drill in vaultdeck's own reports (Snapshot::drills, matched
// by ARN or identifier). Resources with any restore test on record, and
// resources named in drills.resources, are tracked: ok while the next drill
// is not due, warning once it is overdue, when none ever succeeded, or when
// the newest restore test failed (status FAILED/ABORTED, validation FAILED
// or TIMED_OUT, or a failed drill report) after the last success.
#include <map>

#include <fmt/format.h>

#include "backend/health/checks.hpp"
#include "backend/health/restore_test.hpp"

namespace vd::health {
namespace {

// What is on record about one resource's restore tests.
struct DrillHistory {
    std::optional<TimePoint> last_success;
    std::string last_success_source;
    std::vector<std::string> failures;
    std::optional<TimePoint> last_failure;
    std::string last_failure_text;
    bool any = false;
};

// True when the record is about this resource.
bool about(const std::string& key, const ResourceView& r) { return !key.empty() && (key == r.arn || key == r.name); }

// Collects the restore tests of a resource from jobs and drill reports.
DrillHistory history_of(const CheckContext& ctx, const ResourceView& r,
                        const std::map<std::string, std::string>& resource_of_point) {
    DrillHistory h;
    auto failure = [&](TimePoint t, std::string text) {
        h.any = true;
        if (!h.last_failure || t > *h.last_failure) {
            h.last_failure = t;
            h.last_failure_text = text;
        }
        h.failures.push_back(std::move(text));
    };
    auto success = [&](TimePoint t, std::string source) {
        h.any = true;
        if (!h.last_success || t > *h.last_success) {
            h.last_success = t;
            h.last_success_source = std::move(source);
        }
    };
    for (const auto& region : ctx.snapshot.regions) {
        for (const auto& job : region.restore_jobs) {
            if (job.restore_testing_plan_arn.empty()) continue;
            auto it = resource_of_point.find(job.recovery_point_arn);
            if (it == resource_of_point.end() || it->second != r.arn) continue;
            TimePoint at = job.completion_date.value_or(job.creation_date.value_or(TimePoint{}));
            const RestoreTestVerdict verdict = restore_test_verdict(job);
            if (verdict == RestoreTestVerdict::Passed) {
                success(at, fmt::format("restore testing job {} ({})", job.restore_job_id, short_name(job.restore_testing_plan_arn)));
            } else if (verdict == RestoreTestVerdict::Failed) {
                std::string text = fmt::format("restore testing job {} {} at {}", job.restore_job_id,
                                               job.validation_status.empty() ? job.status : "validation " + job.validation_status,
                                               iso(at));
                const std::string& why = job.validation_status_message.empty() ? job.status_message : job.validation_status_message;
                if (!why.empty()) text += ": " + why;
                failure(at, std::move(text));
            }
        }
    }
    for (const auto& d : ctx.snapshot.drills) {
        if (!about(d.resource, r)) continue;
        TimePoint at = d.finished.value_or(d.started);
        if (d.passed) success(at, fmt::format("vaultdeck drill {} ({})", d.id, d.runbook));
        else
            failure(at, fmt::format("vaultdeck drill {} failed at {} ({}/{} checks passed)", d.id, iso(at),
                                    d.checks_passed, d.checks_total));
    }
    return h;
}

}  // namespace

void check_drills(const CheckContext& ctx, Findings& out) {
    const auto cadence = std::chrono::duration_cast<std::chrono::system_clock::duration>(ctx.config.drill_cadence);
    std::map<std::string, std::string> resource_of_point;
    for (const auto& region : ctx.snapshot.regions)
        for (const auto& rp : region.recovery_points) resource_of_point.emplace(rp.arn, rp.resource_arn);
    for (const auto& r : ctx.resources) {
        DrillHistory h = history_of(ctx, r, resource_of_point);
        if (!h.any && !ctx.config.drill_required(r.identity())) continue;
        Finding f = make_finding(*r.region, "drill-due", Severity::Warning, r.arn, r.name, "");
        bool failed_last = h.last_failure && (!h.last_success || *h.last_failure > *h.last_success);
        if (!h.last_success) {
            f.reason = failed_last ? "latest restore test failed (" + h.last_failure_text + "); none on record succeeded"
                                   : "no successful restore test on record";
        } else {
            TimePoint due = *h.last_success + cadence;
            f.when = due;
            f.evidence.push_back(fmt::format("last success {}: {}", iso(*h.last_success), h.last_success_source));
            if (ctx.now > due) {
                f.reason = fmt::format("restore test overdue by {} (last success {} ago, every {})",
                                       age_text(ctx.now - due), age_text(ctx.now - *h.last_success), age_text(cadence));
            } else {
                f.severity = Severity::Ok;
                f.reason = fmt::format("last restore test passed {} ago; next due {} (in {})",
                                       age_text(ctx.now - *h.last_success), iso(due), age_text(due - ctx.now));
            }
            if (failed_last) {
                f.severity = Severity::Warning;
                f.reason = fmt::format("latest restore test failed ({}); {}", h.last_failure_text, f.reason);
            }
        }
        for (const auto& failure : h.failures) f.evidence.push_back(failure);
        out.push_back(std::move(f));
    }
}

}  // namespace vd::health
