// unprotected: resources that no backup plan of their account and region
// selects (Resources with wildcards, NotResources, tag conditions). When a
// selection could only pick a resource by tag and its tags are unknown (only
// RDS instances carry tags in the snapshot), a backup job or recovery point
// of that plan for the resource within the job window counts as proof.
// Severity: warning. Skipped for regions whose plans never loaded.
//
// restored-leftover: a resource created by an on-call restore (a restore
// job that is not a restore test, or a database named after another with
// restore/pitr/drill/clone in the suffix) that no plan selects, still there
// 7 days after the restore: a temporary restore left running (warning).
// Adopting it into a plan ends the warning and makes it an ordinary resource.
// Resources listed away from home (copies in another region) whose home
// region is not read are not judged here: that region's plans do not apply.
#include <set>

#include <fmt/format.h>

#include "backend/health/checks.hpp"
#include "backend/health/selection.hpp"

namespace vd::health {
namespace {

// Plan ids that backed this resource up recently, per jobs and points.
std::set<std::string> plans_seen_for(const CheckContext& ctx, const poll::RegionData& region, const std::string& arn) {
    std::set<std::string> out;
    TimePoint since = ctx.now - ctx.config.job_window;
    for (const auto& j : region.backup_jobs)
        if (j.resource_arn == arn && !j.backup_plan_id.empty() && j.creation_date && *j.creation_date >= since)
            out.insert(j.backup_plan_id);
    for (const auto& rp : region.recovery_points)
        if (rp.resource_arn == arn && !rp.backup_plan_id.empty() && rp.creation_date && *rp.creation_date >= since)
            out.insert(rp.backup_plan_id);
    return out;
}

// The restored-leftover finding for a restore output no plan adopted, once it is old enough.
std::optional<Finding> leftover(const CheckContext& ctx, const ResourceView& r) {
    const RestoreOrigin& origin = *r.restored;
    if (!origin.at || ctx.now - *origin.at < std::chrono::hours(24 * 7)) return std::nullopt;
    std::string how = origin.job_id.empty() ? fmt::format("looks like a restore of {}", origin.source)
                                            : fmt::format("restored by restore job {}", origin.job_id);
    Finding f = make_finding(*r.region, "restored-leftover", Severity::Warning, r.arn, r.name,
                             fmt::format("{}, {} ago, and still there; delete it or add it to a backup plan", how,
                                         age_text(ctx.now - *origin.at)));
    f.when = origin.at;
    if (!origin.job_id.empty())
        f.evidence.push_back(fmt::format("restore job {} from {}", origin.job_id, origin.recovery_point_arn));
    else
        f.evidence.push_back(fmt::format("name derived from {}; created {}", origin.source, iso(*origin.at)));
    return f;
}

}  // namespace

void check_unprotected(const CheckContext& ctx, Findings& out) {
    for (const auto& r : ctx.resources) {
        const poll::RegionData& region = *r.region;
        if (!kind_loaded(region, poll::Kind::Plans)) continue;
        if (r.foreign) continue;
        if (r.restored) {
            if (!r.selected)
                if (auto f = leftover(ctx, r)) out.push_back(std::move(*f));
            continue;
        }
        if (r.selected) continue;
        std::vector<std::string> unknown_by_tag;  // "plan/selection"
        std::set<std::string> unknown_plan_ids;
        for (const auto& plan : region.plans)
            for (const auto& sel : plan.selections)
                if (selection_selects(sel, r.arn, r.tags_known ? &r.tags : nullptr) == SelectionMatch::Unknown) {
                    unknown_by_tag.push_back(fmt::format("{}/{}", plan.plan_name, sel.selection_name));
                    unknown_plan_ids.insert(plan.plan_id);
                }
        if (!unknown_plan_ids.empty()) {
            bool proven = false;
            for (const auto& id : plans_seen_for(ctx, region, r.arn)) proven = proven || unknown_plan_ids.count(id) > 0;
            if (proven) continue;
        }
        Finding f = make_finding(region, "unprotected", Severity::Warning, r.arn, r.name,
                                 "no backup plan selects this resource");
        f.evidence.push_back(fmt::format("{} backup plan(s) in {} checked", region.plans.size(), region.region));
        for (const auto& s : unknown_by_tag)
            f.evidence.push_back(fmt::format("selection {} selects by tag; this resource's tags are not known", s));
        for (const auto& p : region.protected_resources)
            if (p.resource_arn == r.arn && p.last_backup_time) {
                f.evidence.push_back(fmt::format("last backup {} (not by a current plan)", iso(*p.last_backup_time)));
                f.when = p.last_backup_time;
            }
        out.push_back(std::move(f));
    }
}

}  // namespace vd::health
