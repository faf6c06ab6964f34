// AWS Backup: vaults, recovery points and protected resources.
#include <fmt/format.h>

#include "backend/sim/backup_api.hpp"
#include "backend/sim/backup_json.hpp"
#include "backend/sim/listing.hpp"
#include "backend/sim/rds_ops.hpp"
#include "backend/sim/rest_json.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim::backup {

using nlohmann::json;

namespace {

// The vault named in the request, or a ResourceNotFoundException.
Result<Vault*> vault_named(Call& call, const std::string& name) {
    auto& vaults = call.state().vaults;
    auto it = vaults.find(name);
    if (it == vaults.end()) {
        return not_found(fmt::format("Backup vault '{}' does not exist in account {} ({}).", name, call.account_id, call.region));
    }
    return &it->second;
}

// The restore metadata AWS Backup records for a recovery point of this type.
std::map<std::string, std::string> restore_metadata(const RegionState& state, const RecoveryPoint& rp) {
    std::map<std::string, std::string> m;
    if (rp.resource_type == "RDS") {
        DbInstance db = instance_like(state, rp.resource_name);
        m = {{"DBInstanceIdentifier", db.identifier},
             {"DBInstanceClass", db.instance_class},
             {"Engine", db.engine},
             {"EngineVersion", db.engine_version},
             {"Port", std::to_string(db.port)},
             {"MultiAZ", db.multi_az ? "true" : "false"},
             {"AvailabilityZone", db.availability_zone},
             {"DBSubnetGroupName", db.subnet_group},
             {"StorageType", db.storage_type},
             {"AllocatedStorage", std::to_string(db.allocated_storage)},
             {"CopyTagsToSnapshot", db.copy_tags_to_snapshot ? "true" : "false"},
             {"DeletionProtection", "false"},
             {"PubliclyAccessible", "false"}};
        m["VpcSecurityGroupIds"] = json(db.security_groups).dump();
    } else if (rp.resource_type == "Aurora") {
        DbCluster cluster;
        if (auto it = state.db_clusters.find(rp.resource_name); it != state.db_clusters.end()) cluster = it->second;
        m = {{"DBClusterIdentifier", rp.resource_name},
             {"Engine", cluster.engine},
             {"EngineVersion", cluster.engine_version},
             {"Port", std::to_string(cluster.port)},
             {"DBSubnetGroupName", cluster.subnet_group},
             {"EngineMode", "provisioned"}};
        m["VpcSecurityGroupIds"] = json(cluster.security_groups).dump();
    } else if (rp.resource_type == "EFS") {
        m = {{"file-system-id", rp.resource_name},
             {"Encrypted", "true"},
             {"PerformanceMode", "generalPurpose"},
             {"newFileSystem", "true"},
             {"CreationToken", "vaultdeck-restore"}};
    } else if (rp.resource_type == "S3") {
        m = {{"DestinationBucketName", rp.resource_name}, {"NewBucket", "false"}, {"Encrypted", "true"}};
    }
    return m;
}

}  // namespace

Result<Reply> list_backup_vaults(Call& call, const Labels&) {
    auto limit = max_results(call);
    if (!limit) return limit.error();
    auto start = page_start(call);
    if (!start) return start.error();
    std::string type = string_param(call, "vaultType");
    if (auto ok = check_enum(type, "ByVaultType", {"BACKUP_VAULT", "LOGICALLY_AIR_GAPPED_BACKUP_VAULT", "RESTORE_ACCESS_BACKUP_VAULT"}); !ok) {
        return ok.error();
    }
    json list = json::array();
    std::string next = page_through(
        call.state().vaults, *start, *limit, [&](const Vault&) { return type.empty() || type == "BACKUP_VAULT"; },
        [&](const Vault& v) { list.push_back(vault_json(v)); });
    json body = {{"BackupVaultList", list}};
    put_string(body, "NextToken", next);
    return Reply(body);
}

Result<Reply> describe_backup_vault(Call& call, const Labels& labels) {
    auto vault = vault_named(call, labels[0]);
    if (!vault) return vault.error();
    return Reply(vault_json(**vault));
}

Result<Reply> list_recovery_points_by_backup_vault(Call& call, const Labels& labels) {
    auto vault = vault_named(call, labels[0]);
    if (!vault) return vault.error();
    auto limit = max_results(call);
    if (!limit) return limit.error();
    auto start = page_start(call);
    if (!start) return start.error();
    auto before = time_param(call, "createdBefore");
    if (!before) return before.error();
    auto after = time_param(call, "createdAfter");
    if (!after) return after.error();
    std::string resource_arn = string_param(call, "resourceArn");
    std::string resource_type = string_param(call, "resourceType");
    std::string plan_id = string_param(call, "backupPlanId");
    std::string parent = string_param(call, "parentRecoveryPointArn");
    auto keep = [&](const RecoveryPoint& rp) {
        if (!resource_arn.empty() && rp.resource_arn != resource_arn) return false;
        if (!resource_type.empty() && rp.resource_type != resource_type) return false;
        if (!plan_id.empty() && (!rp.created_by || rp.created_by->plan_id != plan_id)) return false;
        if (!parent.empty()) return false;  // the simulator makes no composite points
        if (*before && rp.creation >= **before) return false;
        if (*after && rp.creation <= **after) return false;
        return true;
    };
    json list = json::array();
    const Vault& v = **vault;
    std::string next = page_through(v.points, *start, *limit, keep, [&](const RecoveryPoint& rp) {
        list.push_back(recovery_point_json(rp, v, call.now, PointShape::ByVault));
    });
    json body = {{"RecoveryPoints", list}};
    put_string(body, "NextToken", next);
    return Reply(body);
}

Result<Reply> list_recovery_points_by_resource(Call& call, const Labels& labels) {
    auto limit = max_results(call);
    if (!limit) return limit.error();
    auto start = page_start(call);
    if (!start) return start.error();
    const std::string& arn = labels[0];
    std::map<std::string, std::pair<const RecoveryPoint*, const Vault*>> points;
    for (const auto& [name, vault] : call.state().vaults) {
        for (const auto& [key, rp] : vault.points) {
            if (rp.resource_arn == arn) points.emplace(key, std::make_pair(&rp, &vault));
        }
    }
    json list = json::array();
    std::string next = page_through(
        points, *start, *limit, [](const auto&) { return true; },
        [&](const auto& item) { list.push_back(recovery_point_json(*item.first, *item.second, call.now, PointShape::ByResource)); });
    json body = {{"RecoveryPoints", list}};
    put_string(body, "NextToken", next);
    return Reply(body);
}

Result<Reply> describe_recovery_point(Call& call, const Labels& labels) {
    auto vault = vault_named(call, labels[0]);
    if (!vault) return vault.error();
    RecoveryPoint* rp = find_recovery_point(call.state(), labels[1], labels[0]);
    if (rp == nullptr) return not_found(fmt::format("Recovery point {} was not found in backup vault {}.", labels[1], labels[0]));
    return Reply(recovery_point_json(*rp, **vault, call.now, PointShape::Describe));
}

Result<Reply> get_recovery_point_restore_metadata(Call& call, const Labels& labels) {
    auto vault = vault_named(call, labels[0]);
    if (!vault) return vault.error();
    RecoveryPoint* rp = find_recovery_point(call.state(), labels[1], labels[0]);
    if (rp == nullptr) return not_found(fmt::format("Recovery point {} was not found in backup vault {}.", labels[1], labels[0]));
    return Reply(json{{"BackupVaultArn", (*vault)->arn},
                      {"RecoveryPointArn", rp->arn},
                      {"RestoreMetadata", restore_metadata(call.state(), *rp)},
                      {"ResourceType", rp->resource_type}});
}

Result<Reply> list_protected_resources(Call& call, const Labels&) {
    auto limit = max_results(call);
    if (!limit) return limit.error();
    auto start = page_start(call);
    if (!start) return start.error();
    json list = json::array();
    std::string next = page_through(
        call.state().protected_resources, *start, *limit, [](const ProtectedResource&) { return true; },
        [&](const ProtectedResource& r) {
            list.push_back({{"ResourceArn", r.arn},
                            {"ResourceType", r.type},
                            {"LastBackupTime", epoch_json(r.last_backup)},
                            {"ResourceName", r.name},
                            {"LastBackupVaultArn", r.last_vault_arn},
                            {"LastRecoveryPointArn", r.last_recovery_point_arn}});
        });
    json body = {{"Results", list}};
    put_string(body, "NextToken", next);
    return Reply(body);
}

}  // namespace vd::sim::backup
