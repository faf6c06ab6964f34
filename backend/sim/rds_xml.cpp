#include "backend/sim/rds_xml.hpp"

#include <algorithm>
#include <cctype>

#include "backend/sim/query_xml.hpp"
#include "backend/sim/rds_ops.hpp"

namespace vd::sim {
namespace {

// <TagList><Tag><Key/><Value/></Tag>...</TagList>
void add_tags(pugi::xml_node parent, const std::vector<std::pair<std::string, std::string>>& tags) {
    auto list = parent.append_child("TagList");
    for (const auto& [k, v] : tags) {
        auto tag = list.append_child("Tag");
        add_text(tag, "Key", k);
        add_text(tag, "Value", v);
    }
}

// A VPC id that stays the same for an account and region.
std::string vpc_id(const RegionState& state) {
    uint64_t h = 14695981039346656037ULL;
    for (char c : state.account_id + state.region) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    static const char* hex = "0123456789abcdef";
    std::string out = "vpc-";
    for (int i = 0; i < 17; ++i, h >>= 4) out.push_back(hex[h & 15]);
    return out;
}

std::string license_model(const std::string& engine) {
    return engine.find("postgres") != std::string::npos ? "postgresql-license" : "general-public-license";
}

// The major version used in default group names (postgres16, aurora-postgresql15).
std::string family(const std::string& engine, const std::string& version) {
    return engine + version.substr(0, version.find('.'));
}

}  // namespace

std::string automated_backups_arn(const RegionState& state, const DbInstance& db) {
    std::string id = db.resource_id.size() > 3 ? db.resource_id.substr(3) : db.resource_id;
    std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return "arn:aws:rds:" + state.region + ":" + state.account_id + ":auto-backup:ab-" + id;
}

void xml_db_instance(pugi::xml_node parent, const char* name, const RegionState& state, const DbInstance& db, TimePoint now) {
    auto n = parent.append_child(name);
    add_text(n, "DBInstanceIdentifier", db.identifier);
    add_text(n, "DBInstanceClass", db.instance_class);
    add_text(n, "Engine", db.engine);
    add_text(n, "DBInstanceStatus", db.status);
    add_text(n, "MasterUsername", db.master_username);
    add_text_if(n, "DBName", db.db_name);
    if (db.status != "creating") {
        auto endpoint = n.append_child("Endpoint");
        add_text(endpoint, "Address", db.endpoint_host.empty() ? endpoint_address(state, db.identifier) : db.endpoint_host);
        add_int(endpoint, "Port", db.port);
        add_text(endpoint, "HostedZoneId", "Z2R2ITUGPM61AM");
        add_time(n, "InstanceCreateTime", db.create_time);
    }
    add_int(n, "AllocatedStorage", db.allocated_storage);
    add_text(n, "PreferredBackupWindow", db.backup_window);
    add_int(n, "BackupRetentionPeriod", db.backup_retention);
    n.append_child("DBSecurityGroups");
    auto vpc_groups = n.append_child("VpcSecurityGroups");
    for (const auto& g : db.security_groups) {
        auto m = vpc_groups.append_child("VpcSecurityGroupMembership");
        add_text(m, "VpcSecurityGroupId", g);
        add_text(m, "Status", "active");
    }
    auto params = n.append_child("DBParameterGroups").append_child("DBParameterGroup");
    add_text(params, "DBParameterGroupName",
             db.parameter_group.empty() ? "default." + family(db.engine, db.engine_version) : db.parameter_group);
    add_text(params, "ParameterApplyStatus", "in-sync");
    add_text_if(n, "AvailabilityZone", db.availability_zone);
    auto subnet = n.append_child("DBSubnetGroup");
    add_text(subnet, "DBSubnetGroupName", db.subnet_group);
    add_text(subnet, "DBSubnetGroupDescription", db.subnet_group + " subnet group");
    add_text(subnet, "VpcId", vpc_id(state));
    add_text(subnet, "SubnetGroupStatus", "Complete");
    add_text(n, "PreferredMaintenanceWindow", db.maintenance_window);
    n.append_child("PendingModifiedValues");
    if (auto window = restore_window(db, now)) add_time(n, "LatestRestorableTime", window->latest);
    add_bool(n, "MultiAZ", db.multi_az);
    add_text(n, "EngineVersion", db.engine_version);
    add_bool(n, "AutoMinorVersionUpgrade", true);
    n.append_child("ReadReplicaDBInstanceIdentifiers");
    add_text(n, "LicenseModel", license_model(db.engine));
    auto option = n.append_child("OptionGroupMemberships").append_child("OptionGroupMembership");
    add_text(option, "OptionGroupName", db.option_group.empty()
                                            ? "default:" + db.engine + "-" + db.engine_version.substr(0, db.engine_version.find('.'))
                                            : db.option_group);
    add_text(option, "Status", "in-sync");
    add_bool(n, "PubliclyAccessible", false);
    add_text(n, "StorageType", db.storage_type);
    if (db.iops > 0) add_int(n, "Iops", db.iops);
    add_int(n, "DbInstancePort", 0);
    add_text_if(n, "DBClusterIdentifier", db.cluster_identifier);
    add_bool(n, "StorageEncrypted", db.encrypted);
    add_text_if(n, "KmsKeyId", db.kms_key_id);
    add_text(n, "DbiResourceId", db.resource_id);
    add_text(n, "CACertificateIdentifier", "rds-ca-rsa2048-g1");
    n.append_child("DomainMemberships");
    add_bool(n, "CopyTagsToSnapshot", db.copy_tags_to_snapshot);
    add_int(n, "MonitoringInterval", 0);
    add_text(n, "DBInstanceArn", db.arn);
    add_bool(n, "IAMDatabaseAuthenticationEnabled", false);
    add_bool(n, "PerformanceInsightsEnabled", false);
    add_bool(n, "DeletionProtection", db.deletion_protection);
    n.append_child("AssociatedRoles");
    add_tags(n, db.tags);
    add_bool(n, "CustomerOwnedIpEnabled", false);
    add_text(n, "NetworkType", "IPV4");
    add_text(n, "BackupTarget", "region");
    add_text_if(n, "AwsBackupRecoveryPointArn", db.restored_from_recovery_point);
    add_bool(n, "DedicatedLogVolume", false);
    add_text(n, "EngineLifecycleSupport", db.engine_lifecycle_support);
}

void xml_db_cluster(pugi::xml_node parent, const RegionState& state, const DbCluster& c, TimePoint now) {
    auto n = parent.append_child("DBCluster");
    add_int(n, "AllocatedStorage", c.allocated_storage);
    auto zones = n.append_child("AvailabilityZones");
    for (const auto& z : c.availability_zones) add_text(zones, "AvailabilityZone", z);
    add_int(n, "BackupRetentionPeriod", c.backup_retention);
    add_text_if(n, "DatabaseName", c.database_name);
    add_text(n, "DBClusterIdentifier", c.identifier);
    add_text(n, "DBClusterParameterGroup", c.parameter_group.empty() ? "default." + family(c.engine, c.engine_version) : c.parameter_group);
    add_text(n, "DBSubnetGroup", c.subnet_group);
    add_text(n, "Status", c.status);
    auto window = cluster_restore_window(c, now);
    if (window) add_time(n, "EarliestRestorableTime", window->earliest);
    std::string suffix = endpoint_address(state, c.identifier);
    suffix = suffix.substr(suffix.find('.') + 1);
    add_text(n, "Endpoint", c.identifier + ".cluster-" + suffix);
    add_text(n, "ReaderEndpoint", c.identifier + ".cluster-ro-" + suffix);
    add_bool(n, "MultiAZ", c.members.size() > 1);
    add_text(n, "Engine", c.engine);
    add_text(n, "EngineVersion", c.engine_version);
    if (window) add_time(n, "LatestRestorableTime", window->latest);
    add_int(n, "Port", c.port);
    add_text(n, "MasterUsername", c.master_username);
    add_text(n, "PreferredBackupWindow", c.backup_window);
    add_text(n, "PreferredMaintenanceWindow", c.maintenance_window);
    n.append_child("ReadReplicaIdentifiers");
    auto members = n.append_child("DBClusterMembers");
    for (const auto& m : c.members) {
        auto member = members.append_child("DBClusterMember");
        add_text(member, "DBInstanceIdentifier", m.instance_identifier);
        add_bool(member, "IsClusterWriter", m.writer);
        add_text(member, "DBClusterParameterGroupStatus", "in-sync");
        add_int(member, "PromotionTier", 1);
    }
    auto vpc_groups = n.append_child("VpcSecurityGroups");
    for (const auto& g : c.security_groups) {
        auto m = vpc_groups.append_child("VpcSecurityGroupMembership");
        add_text(m, "VpcSecurityGroupId", g);
        add_text(m, "Status", "active");
    }
    add_text(n, "HostedZoneId", "Z2R2ITUGPM61AM");
    add_bool(n, "StorageEncrypted", c.encrypted);
    add_text_if(n, "KmsKeyId", c.kms_key_id);
    add_text(n, "DbClusterResourceId", c.resource_id);
    add_text(n, "DBClusterArn", c.arn);
    n.append_child("AssociatedRoles");
    add_bool(n, "IAMDatabaseAuthenticationEnabled", false);
    add_time(n, "ClusterCreateTime", c.create_time);
    add_text(n, "EngineMode", "provisioned");
    add_bool(n, "DeletionProtection", c.deletion_protection);
    add_bool(n, "HttpEndpointEnabled", false);
    add_bool(n, "CopyTagsToSnapshot", c.copy_tags_to_snapshot);
    add_bool(n, "CrossAccountClone", false);
    n.append_child("DomainMemberships");
    add_tags(n, c.tags);
    add_bool(n, "AutoMinorVersionUpgrade", true);
    add_text(n, "NetworkType", "IPV4");
    add_text_if(n, "AwsBackupRecoveryPointArn", c.restored_from_recovery_point);
    add_text(n, "EngineLifecycleSupport", c.engine_lifecycle_support);
}

void xml_db_snapshot(pugi::xml_node parent, const char* name, const RegionState& state, const DbSnapshot& s, TimePoint now) {
    auto n = parent.append_child(name);
    add_text(n, "DBSnapshotIdentifier", s.identifier);
    add_text(n, "DBInstanceIdentifier", s.instance_identifier);
    add_time(n, "SnapshotCreateTime", s.create_time);
    add_text(n, "Engine", s.engine);
    add_int(n, "AllocatedStorage", s.allocated_storage);
    add_text(n, "Status", s.status);
    add_int(n, "Port", s.port);
    add_text_if(n, "AvailabilityZone", s.availability_zone);
    add_text(n, "VpcId", vpc_id(state));
    add_time(n, "InstanceCreateTime", s.instance_create_time);
    add_text(n, "MasterUsername", s.master_username);
    add_text(n, "EngineVersion", s.engine_version);
    add_text(n, "LicenseModel", license_model(s.engine));
    add_text(n, "SnapshotType", s.snapshot_type);
    add_text(n, "OptionGroupName", "default:" + s.engine + "-" + s.engine_version.substr(0, s.engine_version.find('.')));
    int64_t progress = 100;
    if (s.status != "available" && s.ready_at > s.create_time) {
        double f = std::chrono::duration<double>(now - s.create_time) / std::chrono::duration<double>(s.ready_at - s.create_time);
        progress = std::clamp<int64_t>(static_cast<int64_t>(f * 100), 0, 99);
    }
    add_int(n, "PercentProgress", progress);
    add_text_if(n, "SourceRegion", s.source_region);
    add_text_if(n, "SourceDBSnapshotIdentifier", s.source_snapshot);
    add_text(n, "StorageType", "gp3");
    add_bool(n, "Encrypted", s.encrypted);
    add_text_if(n, "KmsKeyId", s.kms_key_id);
    add_text(n, "DBSnapshotArn", s.arn);
    add_bool(n, "IAMDatabaseAuthenticationEnabled", false);
    n.append_child("ProcessorFeatures");
    add_text(n, "DbiResourceId", s.resource_id);
    add_tags(n, s.tags);
    add_time(n, "OriginalSnapshotCreateTime", s.create_time);
    add_text(n, "SnapshotTarget", "region");
    add_bool(n, "DedicatedLogVolume", false);
    add_bool(n, "MultiTenant", false);
}

void xml_cluster_snapshot(pugi::xml_node parent, const RegionState& state, const DbSnapshot& s, TimePoint now) {
    auto n = parent.append_child("DBClusterSnapshot");
    auto zones = n.append_child("AvailabilityZones");
    for (const char* z : {"a", "b", "c"}) add_text(zones, "AvailabilityZone", state.region + z);
    add_text(n, "DBClusterSnapshotIdentifier", s.identifier);
    add_text(n, "DBClusterIdentifier", s.instance_identifier);
    add_time(n, "SnapshotCreateTime", s.create_time);
    add_text(n, "Engine", s.engine);
    add_text(n, "EngineMode", "provisioned");
    add_int(n, "AllocatedStorage", s.allocated_storage);
    add_text(n, "Status", s.status);
    add_int(n, "Port", s.port);
    add_text(n, "VpcId", vpc_id(state));
    add_time(n, "ClusterCreateTime", s.instance_create_time);
    add_text(n, "MasterUsername", s.master_username);
    add_text(n, "EngineVersion", s.engine_version);
    add_text(n, "LicenseModel", license_model(s.engine));
    add_text(n, "SnapshotType", s.snapshot_type);
    add_int(n, "PercentProgress", s.status == "available" || now >= s.ready_at ? 100 : 50);
    add_bool(n, "StorageEncrypted", s.encrypted);
    add_text_if(n, "KmsKeyId", s.kms_key_id);
    add_text(n, "DBClusterSnapshotArn", s.arn);
    add_text_if(n, "SourceDBClusterSnapshotArn", s.source_snapshot);
    add_bool(n, "IAMDatabaseAuthenticationEnabled", false);
    add_tags(n, s.tags);
    add_text(n, "DbClusterResourceId", s.resource_id);
}

void xml_automated_backup(pugi::xml_node parent, const RegionState& state, const DbInstance& db, TimePoint now,
                          const std::optional<TimePoint>& deleted_at) {
    auto n = parent.append_child("DBInstanceAutomatedBackup");
    add_text(n, "DBInstanceArn", db.arn);
    add_text(n, "DbiResourceId", db.resource_id);
    add_text(n, "Region", state.region);
    add_text(n, "DBInstanceIdentifier", db.identifier);
    std::optional<RestoreWindow> window;
    if (deleted_at) {
        window = RestoreWindow{std::max(db.create_time, *deleted_at - std::chrono::hours(24) * db.backup_retention), *deleted_at};
    } else {
        window = restore_window(db, now);
    }
    auto w = n.append_child("RestoreWindow");
    if (window) {
        add_time(w, "EarliestTime", window->earliest);
        add_time(w, "LatestTime", window->latest);
    }
    add_int(n, "AllocatedStorage", db.allocated_storage);
    add_text(n, "Status", deleted_at ? "retained" : (window ? "active" : "pending"));
    add_int(n, "Port", db.port);
    add_text_if(n, "AvailabilityZone", db.availability_zone);
    add_text(n, "VpcId", vpc_id(state));
    add_time(n, "InstanceCreateTime", db.create_time);
    add_text(n, "MasterUsername", db.master_username);
    add_text(n, "Engine", db.engine);
    add_text(n, "EngineVersion", db.engine_version);
    add_text(n, "LicenseModel", license_model(db.engine));
    add_bool(n, "Encrypted", db.encrypted);
    add_text(n, "StorageType", "gp3");
    add_text_if(n, "KmsKeyId", db.kms_key_id);
    add_bool(n, "IAMDatabaseAuthenticationEnabled", false);
    add_int(n, "BackupRetentionPeriod", db.backup_retention);
    add_text(n, "PreferredBackupWindow", db.backup_window);
    add_text(n, "DBInstanceAutomatedBackupsArn", automated_backups_arn(state, db));
    n.append_child("DBInstanceAutomatedBackupsReplications");
    add_text(n, "BackupTarget", "region");
    add_tags(n, db.tags);
}

}  // namespace vd::sim
