// vault-unlocked: vaults without AWS Backup Vault Lock (warning; logically
// air-gapped vaults are always locked). unencrypted: recovery points that
// are not encrypted, one warning per vault with the count.
#include <map>

#include <fmt/format.h>

#include "backend/health/checks.hpp"

namespace vd::health {
namespace {

constexpr size_t kEvidenceLimit = 10;

// True when a point still exists (not being deleted, expired or deleted).
bool live(const model::RecoveryPoint& rp) {
    return rp.status != "DELETING" && rp.status != "EXPIRED" && rp.storage_class != "DELETED";
}

}  // namespace

void check_vaults(const CheckContext& ctx, Findings& out) {
    for (const auto& region : ctx.snapshot.regions) {
        for (const auto& v : region.vaults) {
            if (v.locked || v.vault_type == "LOGICALLY_AIR_GAPPED_BACKUP_VAULT") continue;
            Finding f = make_finding(region, "vault-unlocked", Severity::Warning, v.arn, v.name,
                                     "vault has no Vault Lock: recovery points can be deleted early");
            f.evidence.push_back(fmt::format("{} recovery point(s); put-backup-vault-lock-configuration sets a minimum "
                                             "retention",
                                             v.recovery_points));
            out.push_back(std::move(f));
        }
        std::map<std::string, std::vector<const model::RecoveryPoint*>> by_vault;
        for (const auto& rp : region.recovery_points)
            if (!rp.encrypted && live(rp)) by_vault[rp.vault_arn.empty() ? rp.vault_name : rp.vault_arn].push_back(&rp);
        for (const auto& [vault, points] : by_vault) {
            std::string name = points.front()->vault_name.empty() ? short_name(vault) : points.front()->vault_name.str();
            Finding f = make_finding(region, "unencrypted", Severity::Warning, vault, name,
                                     fmt::format("{} recovery point{} not encrypted", points.size(),
                                                 points.size() == 1 ? " is" : "s are"));
            for (size_t i = 0; i < points.size() && i < kEvidenceLimit; ++i)
                f.evidence.push_back(fmt::format("{} ({})", points[i]->arn, points[i]->resource_name));
            if (points.size() > kEvidenceLimit) f.evidence.push_back(fmt::format("and {} more", points.size() - kEvidenceLimit));
            out.push_back(std::move(f));
        }
    }
}

}  // namespace vd::health
