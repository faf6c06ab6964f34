// copy-missing: recovery points of rules with copy actions (typically the
// monthly cross-region rule) that have no copy in the destination vault.
//
// For each COMPLETED original point (not itself a copy) of such a rule and
// each copy action's destination: the copy exists when a copy job for the
// point to that vault COMPLETED, or a point of the same resource sits in the
// destination vault created within 7 days after the source point. A copy
// job still CREATED/RUNNING means "not yet". Otherwise, once 24 hours have
// passed since the point completed, the point counts as missing its copy.
// Copy jobs are only fetched for the job window, so points older than that
// are judged only when the destination vault's account and region are in
// the snapshot with their recovery points loaded, and only while the copy's
// own lifecycle would still keep it. One warning per resource, rule and
// destination, listing the points.
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "backend/health/checks.hpp"

namespace vd::health {
namespace {

// A vault ARN as the operator says it: "prod-dr-vault (us-west-2)", with the
// account when it is not the region's own. Anything else is returned as is.
std::string vault_in_words(const std::string& arn, const std::string& own_account) {
    // arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME
    std::vector<std::string> parts;
    size_t start = 0;
    for (int i = 0; i < 6; ++i) {
        size_t colon = arn.find(':', start);
        if (colon == std::string::npos) return arn;
        parts.push_back(arn.substr(start, colon - start));
        start = colon + 1;
    }
    if (parts[2] != "backup" || parts[5] != "backup-vault") return arn;
    std::string where = parts[4] == own_account ? parts[3] : parts[3] + ", account " + parts[4];
    return arn.substr(start) + " (" + where + ")";
}

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

// True when the destination vault's account and region are in the snapshot
// with their recovery points loaded.
bool destination_visible(const CheckContext& ctx, const std::string& vault_arn) {
    // arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME
    std::vector<std::string> parts;
    size_t start = 0;
    for (int i = 0; i < 5; ++i) {
        auto colon = vault_arn.find(':', start);
        if (colon == std::string::npos) return false;
        parts.push_back(vault_arn.substr(start, colon - start));
        start = colon + 1;
    }
    for (const auto& region : ctx.snapshot.regions)
        if (region.region == parts[3] && account_of(region) == parts[4] && kind_loaded(region, poll::Kind::RecoveryPoints))
            return true;
    return false;
}

// True when a copy made with this lifecycle at `created` would be deleted by `now`.
bool copy_expired(const model::Lifecycle& l, TimePoint created, TimePoint now) {
    return l.delete_after_days && created + hours(24 * *l.delete_after_days) < now;
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
                        !made_by(rp, plan, rule))
                        continue;
                    TimePoint done = rp.completion_date.value_or(*rp.creation_date);
                    if (ctx.now - done < hours(24)) continue;
                    for (const auto& action : rule.copy_actions) {
                        if (*rp.creation_date < since && (!destination_visible(ctx, action.destination_vault_arn) ||
                                                          copy_expired(action.lifecycle, *rp.creation_date, ctx.now)))
                            continue;
                        if (copy_state(index, rp, action.destination_vault_arn) == CopyState::Missing)
                            missing[{rp.resource_arn, action.destination_vault_arn}].push_back(&rp);
                    }
                }
                for (const auto& [key, points] : missing) {
                    const auto& [resource, destination] = key;
                    const model::RecoveryPoint* newest = points.front();
                    for (const auto* p : points)
                        if (*p->creation_date > *newest->creation_date) newest = p;
                    std::string name = newest->resource_name.empty() ? short_name(resource) : newest->resource_name.str();
                    std::string vault = vault_in_words(destination, account_of(region));
                    Finding f = make_finding(
                        region, "copy-missing", Severity::Warning, resource, name,
                        points.size() == 1
                            ? fmt::format("recovery point of {} has no copy in {}", iso(*newest->creation_date), vault)
                            : fmt::format("{} recovery points (newest {}) have no copy in {}", points.size(),
                                          iso(*newest->creation_date), vault));
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
