// copy-missing: recovery points of rules with copy actions (typically the
// monthly cross-region rule) that have no copy in the destination vault.
//
// For each COMPLETED original point (not itself a copy) of such a rule
// created within the job window, and each copy action's destination: the
// copy exists when a copy job for the point to that vault COMPLETED, or a
// point of the same resource sits in the destination vault created within
// 7 days after the source point. A copy job still CREATED/RUNNING means
// "not yet". Otherwise, once 24 hours have passed since the point
// completed, the point counts as missing its copy. One warning per
// resource, rule and destination, listing the points.
#include <map>

#include <fmt/format.h>

#include "backend/health/checks.hpp"

namespace vd::health {
namespace {

using std::chrono::hours;

enum class CopyState { Present, Pending, Missing };

// Copy jobs by source point and points by resource, over every region.
struct CopyIndex {
    std::multimap<std::string, const model::CopyJob*> jobs_by_source;
    std::multimap<std::string, const model::RecoveryPoint*> points_by_resource;

    explicit CopyIndex(const poll::Snapshot& s) {
        for (const auto& region : s.regions) {
            for (const auto& j : region.copy_jobs) jobs_by_source.emplace(j.source_recovery_point_arn, &j);
            for (const auto& rp : region.recovery_points) points_by_resource.emplace(rp.resource_arn, &rp);
        }
    }
};

// Whether `rp` has its copy in `destination`.
CopyState copy_state(const CopyIndex& index, const model::RecoveryPoint& rp, const std::string& destination) {
    bool pending = false;
    for (auto [it, end] = index.jobs_by_source.equal_range(rp.arn); it != end; ++it) {
        const model::CopyJob& j = *it->second;
        if (j.destination_vault_arn != destination) continue;
        if (j.state == "COMPLETED") return CopyState::Present;
        if (j.state == "CREATED" || j.state == "RUNNING") pending = true;
    }
    for (auto [it, end] = index.points_by_resource.equal_range(rp.resource_arn); it != end; ++it) {
        const model::RecoveryPoint& copy = *it->second;
        if (copy.vault_arn == destination && copy.creation_date && *copy.creation_date >= *rp.creation_date &&
            *copy.creation_date <= *rp.creation_date + hours(24 * 7) && copy.status != "DELETING" &&
            copy.status != "EXPIRED")
            return CopyState::Present;
    }
    return pending ? CopyState::Pending : CopyState::Missing;
}

// True when the point was made by this rule.
bool made_by(const model::RecoveryPoint& rp, const model::BackupPlan& plan, const model::BackupRule& rule) {
    if (!rp.backup_rule_id.empty()) return rp.backup_rule_id == rule.rule_id;
    return rp.backup_plan_id == plan.plan_id && plan.rules.size() == 1;
}

}  // namespace

void check_copies(const CheckContext& ctx, Findings& out) {
    const TimePoint since = ctx.now - ctx.config.job_window;
    const CopyIndex index(ctx.snapshot);
    for (const auto& region : ctx.snapshot.regions) {
        for (const auto& plan : region.plans) {
            for (const auto& rule : plan.rules) {
                if (rule.copy_actions.empty()) continue;
                // resource|destination -> missing points
                std::map<std::pair<std::string, std::string>, std::vector<const model::RecoveryPoint*>> missing;
                for (const auto& rp : region.recovery_points) {
                    if (rp.status != "COMPLETED" || !rp.source_vault_arn.empty() || !rp.creation_date ||
                        *rp.creation_date < since || !made_by(rp, plan, rule))
                        continue;
                    TimePoint done = rp.completion_date.value_or(*rp.creation_date);
                    if (ctx.now - done < hours(24)) continue;
                    for (const auto& action : rule.copy_actions)
                        if (copy_state(index, rp, action.destination_vault_arn) == CopyState::Missing)
                            missing[{rp.resource_arn, action.destination_vault_arn}].push_back(&rp);
                }
                for (const auto& [key, points] : missing) {
                    const auto& [resource, destination] = key;
                    const model::RecoveryPoint* newest = points.front();
                    for (const auto* p : points)
                        if (*p->creation_date > *newest->creation_date) newest = p;
                    std::string name = newest->resource_name.empty() ? short_name(resource) : newest->resource_name;
                    Finding f = make_finding(
                        region, "copy-missing", Severity::Warning, resource, name,
                        points.size() == 1
                            ? fmt::format("recovery point of {} has no copy in {}", iso(*newest->creation_date), destination)
                            : fmt::format("{} recovery points (newest {}) have no copy in {}", points.size(),
                                          iso(*newest->creation_date), destination));
                    f.when = newest->creation_date;
                    f.evidence.push_back(fmt::format("plan {}, rule {} copies to {}", plan.plan_name, rule.rule_name, destination));
                    for (const auto* p : points)
                        f.evidence.push_back(fmt::format("{} created {} in vault {}", p->arn, iso(*p->creation_date), p->vault_name));
                    out.push_back(std::move(f));
                }
            }
        }
    }
}

}  // namespace vd::health
