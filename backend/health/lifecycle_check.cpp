// lifecycle-soon: per vault, how many points move to cold storage or are
// deleted in the next 7 days (an ok finding with counts, not noise).
// cost: per vault, the estimated monthly storage cost from the points'
// sizes: WARM GB x prices.warm + COLD GB x prices.cold (GB = 2^30 bytes,
// USD per GB-month). Sizes of incremental backups are their full size as
// AWS reports it, so the estimate is an upper bound.
#include <map>

#include <fmt/format.h>

#include "backend/health/checks.hpp"

namespace vd::health {
namespace {

constexpr double kBytesPerGb = 1024.0 * 1024.0 * 1024.0;
constexpr size_t kEvidenceLimit = 10;

// The points of one vault.
struct VaultPoints {
    std::string name;
    std::vector<const model::RecoveryPoint*> points;
};

// Groups live points by vault ARN (or name).
std::map<std::string, VaultPoints> by_vault(const poll::RegionData& region) {
    std::map<std::string, VaultPoints> out;
    for (const auto& rp : region.recovery_points) {
        if (rp.status == "DELETING" || rp.status == "EXPIRED" || rp.storage_class == "DELETED") continue;
        auto& v = out[rp.vault_arn.empty() ? rp.vault_name : rp.vault_arn];
        v.name = rp.vault_name;
        v.points.push_back(&rp);
    }
    return out;
}

// The lifecycle-soon finding for a vault, when anything happens within a week.
std::optional<Finding> lifecycle_soon(const CheckContext& ctx, const poll::RegionData& region, const std::string& arn,
                                      const VaultPoints& v) {
    const TimePoint horizon = ctx.now + std::chrono::hours(24 * 7);
    int cold = 0, deleted = 0;
    std::optional<TimePoint> first;
    std::vector<std::string> evidence;
    auto note = [&](const model::RecoveryPoint& rp, TimePoint at, const char* what) {
        if (!first || at < *first) first = at;
        if (evidence.size() < kEvidenceLimit) evidence.push_back(fmt::format("{} {} at {}", rp.arn, what, iso(at)));
    };
    for (const auto* rp : v.points) {
        const auto& c = rp->calculated;
        if (rp->storage_class != "COLD" && c.move_to_cold_storage_at && *c.move_to_cold_storage_at > ctx.now &&
            *c.move_to_cold_storage_at <= horizon) {
            ++cold;
            note(*rp, *c.move_to_cold_storage_at, "goes cold");
        }
        if (c.delete_at && *c.delete_at > ctx.now && *c.delete_at <= horizon) {
            ++deleted;
            note(*rp, *c.delete_at, "is deleted");
        }
    }
    if (cold == 0 && deleted == 0) return std::nullopt;
    Finding f = make_finding(region, "lifecycle-soon", Severity::Ok, arn, v.name,
                             fmt::format("in the next 7 days: {} point{} go{} cold, {} {} deleted", cold,
                                         cold == 1 ? "" : "s", cold == 1 ? "es" : "", deleted, deleted == 1 ? "is" : "are"));
    f.when = first;
    f.evidence = std::move(evidence);
    return f;
}

// The cost finding for a vault.
Finding cost(const CheckContext& ctx, const poll::RegionData& region, const std::string& arn, const VaultPoints& v) {
    double warm_gb = 0, cold_gb = 0;
    int unsized = 0;
    for (const auto* rp : v.points) {
        if (!rp->backup_size_bytes) {
            ++unsized;
            continue;
        }
        double gb = static_cast<double>(*rp->backup_size_bytes) / kBytesPerGb;
        (rp->storage_class == "COLD" ? cold_gb : warm_gb) += gb;
    }
    double usd = warm_gb * ctx.config.prices.warm + cold_gb * ctx.config.prices.cold;
    Finding f = make_finding(region, "cost", Severity::Ok, arn, v.name,
                             fmt::format("about ${:.2f}/month: {:.1f} GB warm, {:.1f} GB cold", usd, warm_gb, cold_gb));
    f.evidence.push_back(fmt::format("{} recovery point(s); prices ${}/GB-month warm, ${}/GB-month cold", v.points.size(),
                                     ctx.config.prices.warm, ctx.config.prices.cold));
    if (unsized > 0) f.evidence.push_back(fmt::format("{} point(s) without a size are not counted", unsized));
    return f;
}

}  // namespace

void check_lifecycle(const CheckContext& ctx, Findings& out) {
    for (const auto& region : ctx.snapshot.regions) {
        for (const auto& [arn, v] : by_vault(region)) {
            if (auto f = lifecycle_soon(ctx, region, arn, v)) out.push_back(std::move(*f));
            out.push_back(cost(ctx, region, arn, v));
        }
    }
}

}  // namespace vd::health
