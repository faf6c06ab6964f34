// job-failed and job-issues: backup, copy and restore jobs that went wrong.
//
// A job failed when its state is FAILED, EXPIRED, ABORTED or PARTIAL. Jobs
// are grouped per kind and resource (copy jobs also per destination vault);
// a group's severity is the worst of its failures in the last 7 days:
//   - failed in the last 24 h and no later job of the group COMPLETED: critical
//   - failed in the last 24 h but a later job COMPLETED: warning
//   - failed 24 h to 7 days ago: warning
// A COMPLETED job whose MessageCategory is set and not SUCCESS ("completed
// with issues") in the last 7 days is a warning under job-issues.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "backend/health/checks.hpp"

namespace vd::health {
namespace {

using std::chrono::hours;

// One job, reduced to what the check needs.
struct JobFacts {
    std::string id;
    std::string state;
    std::string message;
    std::string category;
    std::optional<TimePoint> created;
    std::optional<TimePoint> finished;
    std::string account_id;

    TimePoint at() const { return finished ? *finished : created.value_or(TimePoint{}); }
    bool failed() const { return state == "FAILED" || state == "EXPIRED" || state == "ABORTED" || state == "PARTIAL"; }
    bool completed() const { return state == "COMPLETED"; }
    bool with_issues() const { return completed() && !category.empty() && category != "SUCCESS"; }
};

// The jobs of one kind for one resource.
struct JobGroup {
    const char* kind = "";
    std::string resource;
    std::string resource_name;
    std::string detail;  // copy destination, when any
    std::vector<JobFacts> jobs;
};

// The one-line gist of a job for evidence.
std::string job_line(const JobFacts& j) {
    std::string line = fmt::format("{} {} at {}", j.id, j.state, iso(j.at()));
    if (!j.category.empty() && j.category != "SUCCESS") line += fmt::format(" [{}]", j.category);
    if (!j.message.empty()) line += ": " + j.message;
    return line;
}

// Judges one group and appends its findings.
void judge(const CheckContext& ctx, const poll::RegionData& region, const JobGroup& g, Findings& out) {
    const TimePoint day_ago = ctx.now - hours(24);
    const TimePoint week_ago = ctx.now - hours(24 * 7);
    std::vector<const JobFacts*> failures, issues;
    for (const auto& j : g.jobs) {
        if (j.at() < week_ago) continue;
        if (j.failed()) failures.push_back(&j);
        else if (j.with_issues()) issues.push_back(&j);
    }
    auto newest_first = [](const JobFacts* a, const JobFacts* b) { return a->at() > b->at(); };
    std::string what = g.detail.empty() ? g.kind : fmt::format("{} to {}", g.kind, g.detail);

    if (!failures.empty()) {
        std::sort(failures.begin(), failures.end(), newest_first);
        const JobFacts& newest = *failures.front();
        // A later job of the group that completed (started after the failure began).
        const JobFacts* later = nullptr;
        for (const auto& j : g.jobs)
            if (j.completed() && j.created && newest.created && *j.created > *newest.created &&
                (!later || *j.created > *later->created))
                later = &j;
        Severity sev = Severity::Warning;
        if (newest.at() >= day_ago && !later) sev = Severity::Critical;
        Finding f = make_finding(region, "job-failed", sev, g.resource, g.resource_name, "");
        if (!newest.account_id.empty()) f.account_id = newest.account_id;
        std::string count = failures.size() == 1 ? "" : fmt::format(" ({} failures in 7 d)", failures.size());
        std::string message = newest.message;
        if (later && !message.empty() && message.back() == '.') message.pop_back();
        f.reason = fmt::format("{} job {} {} ago{}{}", what, newest.state, age_text(ctx.now - newest.at()), count,
                               message.empty() ? "" : ": " + message);
        if (later) f.reason += "; a later job completed";
        f.when = newest.at();
        for (const auto* j : failures) f.evidence.push_back(job_line(*j));
        if (later) f.evidence.push_back("later: " + job_line(*later));
        out.push_back(std::move(f));
    }
    if (!issues.empty()) {
        std::sort(issues.begin(), issues.end(), newest_first);
        const JobFacts& newest = *issues.front();
        Finding f = make_finding(region, "job-issues", Severity::Warning, g.resource, g.resource_name, "");
        if (!newest.account_id.empty()) f.account_id = newest.account_id;
        f.reason = fmt::format("{} job completed with issues ({}) {} ago{}", what, newest.category,
                               age_text(ctx.now - newest.at()), newest.message.empty() ? "" : ": " + newest.message);
        f.when = newest.at();
        for (const auto* j : issues) f.evidence.push_back(job_line(*j));
        out.push_back(std::move(f));
    }
}

}  // namespace

void check_jobs(const CheckContext& ctx, Findings& out) {
    std::map<std::string, const model::RecoveryPoint*> points;
    for (const auto& region : ctx.snapshot.regions)
        for (const auto& rp : region.recovery_points) points.emplace(rp.arn, &rp);

    for (const auto& region : ctx.snapshot.regions) {
        std::map<std::string, JobGroup> groups;
        auto group = [&](const char* kind, const std::string& resource, const std::string& name,
                         const std::string& detail) -> JobGroup& {
            JobGroup& g = groups[fmt::format("{}|{}|{}", kind, resource, detail)];
            g.kind = kind;
            g.resource = resource;
            g.resource_name = name.empty() ? short_name(resource) : name;
            g.detail = detail;
            return g;
        };
        for (const auto& j : region.backup_jobs)
            group("backup", j.resource_arn, j.resource_name, "")
                .jobs.push_back({j.job_id, j.state, j.status_message, j.message_category, j.creation_date,
                                 j.completion_date, j.account_id});
        for (const auto& j : region.copy_jobs)
            group("copy", j.resource_arn, j.resource_name, short_name(j.destination_vault_arn))
                .jobs.push_back({j.copy_job_id, j.state, j.status_message, j.message_category, j.creation_date,
                                 j.completion_date, j.account_id});
        for (const auto& j : region.restore_jobs) {
            auto it = points.find(j.recovery_point_arn);
            std::string resource = it != points.end() && !it->second->resource_arn.empty() ? it->second->resource_arn.str()
                                                                                            : j.recovery_point_arn;
            std::string name = it != points.end() ? it->second->resource_name : "";
            group("restore", resource, name, "")
                .jobs.push_back({j.restore_job_id, j.status, j.status_message, "", j.creation_date, j.completion_date,
                                 j.account_id});
        }
        for (const auto& [key, g] : groups) judge(ctx, region, g, out);
    }
}

}  // namespace vd::health
