// rpo: is the newest restorable copy of each resource recent enough?
//
// The data age of a resource is now minus the newer of (a) the creation time
// of its newest COMPLETED recovery point in any vault of the snapshot and
// (b) its PITR LatestRestorableTime (instance, cluster or automated backups).
// Against the resource's target (config: first matching [[rpo]], else
// targets.rpo): critical when the age is over the target, warning when it is
// over targets.rpo_warning (80 %) of it, ok otherwise. A resource with
// neither is critical. Regions whose recovery points never loaded are skipped
// (the coverage check reports them as unknown) unless PITR answers.
// Resources an on-call restore created and no plan selects are left to the
// restored-leftover check: they are temporary until a plan adopts them.
#include <map>

#include <fmt/format.h>

#include "backend/health/checks.hpp"

namespace vd::health {

void check_rpo(const CheckContext& ctx, Findings& out) {
    std::map<std::string, const model::RecoveryPoint*> newest;
    for (const auto& region : ctx.snapshot.regions)
        for (const auto& rp : region.recovery_points) {
            if (rp.status != "COMPLETED" || !rp.creation_date || rp.resource_arn.empty()) continue;
            auto& slot = newest[rp.resource_arn];
            if (!slot || *rp.creation_date > *slot->creation_date) slot = &rp;
        }

    for (const auto& r : ctx.resources) {
        if (r.restored && !r.selected) continue;
        auto it = newest.find(r.arn);
        const model::RecoveryPoint* rp = it == newest.end() ? nullptr : it->second;
        if (!rp && !r.pitr_latest && !kind_loaded(*r.region, poll::Kind::RecoveryPoints)) continue;

        auto choice = ctx.config.rpo_target_for(r.identity());
        auto target = std::chrono::duration_cast<std::chrono::system_clock::duration>(choice.target);
        std::vector<std::string> evidence;
        std::optional<TimePoint> data_time;
        if (rp) {
            data_time = rp->creation_date;
            evidence.push_back(fmt::format("newest completed recovery point {} created {} in vault {}", rp->arn,
                                           iso(*rp->creation_date), rp->vault_name));
        } else {
            evidence.push_back("no completed recovery point");
        }
        if (r.pitr_latest) {
            evidence.push_back(fmt::format("PITR latest restorable time {} ({})", iso(*r.pitr_latest), r.pitr_source));
            if (!data_time || *r.pitr_latest > *data_time) data_time = r.pitr_latest;
        }
        auto warn_at = std::chrono::duration_cast<std::chrono::system_clock::duration>(target * ctx.config.rpo_warning_fraction);
        evidence.push_back(fmt::format("target {} ({}); warning above {:.0f} % ({})", age_text(target), choice.source,
                                       ctx.config.rpo_warning_fraction * 100, age_text(warn_at)));

        Finding f = make_finding(*r.region, "rpo", Severity::Critical, r.arn, r.name, "");
        f.when = data_time;
        f.evidence = std::move(evidence);
        std::string target_text = age_text(target);
        if (!data_time) {
            f.reason = fmt::format("never backed up: no completed recovery point or restorable time (target {})", target_text);
        } else {
            auto age = ctx.now - *data_time;
            const char* what = data_time == r.pitr_latest ? "restorable time" : "recovery point";
            if (age > target) {
                f.reason = fmt::format("out of RPO: newest {} is {} old (target {})", what, age_text(age), target_text);
            } else if (age > warn_at) {
                f.severity = Severity::Warning;
                f.reason = fmt::format("close to RPO: newest {} is {} old (target {})", what, age_text(age), target_text);
            } else {
                f.severity = Severity::Ok;
                f.reason = fmt::format("within RPO: newest {} is {} old (target {})", what, age_text(age), target_text);
            }
        }
        out.push_back(std::move(f));
    }
}

}  // namespace vd::health
