#include "backend/services/rds_parse.hpp"

#include "backend/services/xml_util.hpp"

namespace vd::services::rds_parse {
namespace {

// The <Tag> members of a <TagList>.
std::vector<std::pair<std::string, std::string>> tags(pugi::xml_node n) {
    std::vector<std::pair<std::string, std::string>> out;
    for (pugi::xml_node tag : n.child("TagList").children("Tag")) out.emplace_back(xml_text(tag, "Key"), xml_text(tag, "Value"));
    return out;
}

}  // namespace

model::DbInstance db_instance(pugi::xml_node n) {
    model::DbInstance d;
    d.identifier = xml_text(n, "DBInstanceIdentifier");
    d.arn = xml_text(n, "DBInstanceArn");
    d.resource_id = xml_text(n, "DbiResourceId");
    d.engine = xml_text(n, "Engine");
    d.engine_version = xml_text(n, "EngineVersion");
    d.db_name = xml_text(n, "DBName");
    d.instance_class = xml_text(n, "DBInstanceClass");
    d.status = xml_text(n, "DBInstanceStatus");
    pugi::xml_node endpoint = n.child("Endpoint");
    d.endpoint.address = xml_text(endpoint, "Address");
    d.endpoint.port = static_cast<int>(xml_int(endpoint, "Port").value_or(0));
    d.cluster_identifier = xml_text(n, "DBClusterIdentifier");
    d.allocated_storage_gb = xml_int(n, "AllocatedStorage").value_or(0);
    d.backup_retention_period = xml_int(n, "BackupRetentionPeriod").value_or(0);
    d.preferred_backup_window = xml_text(n, "PreferredBackupWindow");
    d.latest_restorable_time = xml_time(n, "LatestRestorableTime");
    d.create_time = xml_time(n, "InstanceCreateTime");
    d.storage_encrypted = xml_bool(n, "StorageEncrypted");
    d.multi_az = xml_bool(n, "MultiAZ");
    d.deletion_protection = xml_bool(n, "DeletionProtection");
    d.subnet_group = xml_text(n.child("DBSubnetGroup"), "DBSubnetGroupName");
    d.tags = tags(n);
    for (pugi::xml_node g : n.child("VpcSecurityGroups").children("VpcSecurityGroupMembership"))
        d.security_groups.push_back(xml_text(g, "VpcSecurityGroupId"));
    d.parameter_group = xml_text(n.child("DBParameterGroups").child("DBParameterGroup"), "DBParameterGroupName");
    d.option_group = xml_text(n.child("OptionGroupMemberships").child("OptionGroupMembership"), "OptionGroupName");
    d.storage_type = xml_text(n, "StorageType");
    d.master_username = xml_text(n, "MasterUsername");
    d.iops = xml_int(n, "Iops").value_or(0);
    d.port = static_cast<int>(xml_int(n, "DbInstancePort").value_or(0));
    if (d.port == 0) d.port = d.endpoint.port;
    d.copy_tags_to_snapshot = xml_bool(n, "CopyTagsToSnapshot");
    d.engine_lifecycle_support = xml_text(n, "EngineLifecycleSupport");
    return d;
}

model::DbCluster db_cluster(pugi::xml_node n) {
    model::DbCluster c;
    c.identifier = xml_text(n, "DBClusterIdentifier");
    c.arn = xml_text(n, "DBClusterArn");
    c.engine = xml_text(n, "Engine");
    c.engine_version = xml_text(n, "EngineVersion");
    c.status = xml_text(n, "Status");
    c.endpoint.address = xml_text(n, "Endpoint");
    c.endpoint.port = static_cast<int>(xml_int(n, "Port").value_or(0));
    c.backup_retention_period = xml_int(n, "BackupRetentionPeriod").value_or(0);
    c.earliest_restorable_time = xml_time(n, "EarliestRestorableTime");
    c.latest_restorable_time = xml_time(n, "LatestRestorableTime");
    c.create_time = xml_time(n, "ClusterCreateTime");
    c.storage_encrypted = xml_bool(n, "StorageEncrypted");
    for (pugi::xml_node m : n.child("DBClusterMembers").children("DBClusterMember")) {
        c.members.push_back(xml_text(m, "DBInstanceIdentifier"));
        if (xml_bool(m, "IsClusterWriter")) c.writer = c.members.back();
    }
    c.subnet_group = xml_text(n, "DBSubnetGroup");
    for (pugi::xml_node g : n.child("VpcSecurityGroups").children("VpcSecurityGroupMembership"))
        c.security_groups.push_back(xml_text(g, "VpcSecurityGroupId"));
    c.parameter_group = xml_text(n, "DBClusterParameterGroup");
    c.database_name = xml_text(n, "DatabaseName");
    c.master_username = xml_text(n, "MasterUsername");
    c.deletion_protection = xml_bool(n, "DeletionProtection");
    c.copy_tags_to_snapshot = xml_bool(n, "CopyTagsToSnapshot");
    c.tags = tags(n);
    c.engine_lifecycle_support = xml_text(n, "EngineLifecycleSupport");
    return c;
}

model::DbSnapshot db_snapshot(pugi::xml_node n) {
    model::DbSnapshot s;
    s.identifier = xml_text(n, "DBSnapshotIdentifier");
    s.arn = xml_text(n, "DBSnapshotArn");
    s.instance_identifier = xml_text(n, "DBInstanceIdentifier");
    s.snapshot_type = xml_text(n, "SnapshotType");
    s.status = xml_text(n, "Status");
    s.engine = xml_text(n, "Engine");
    s.create_time = xml_time(n, "SnapshotCreateTime");
    s.allocated_storage_gb = xml_int(n, "AllocatedStorage").value_or(0);
    s.encrypted = xml_bool(n, "Encrypted");
    s.source_region = xml_text(n, "SourceRegion");
    s.source_snapshot_arn = xml_text(n, "SourceDBSnapshotIdentifier");
    s.percent_progress = xml_int(n, "PercentProgress").value_or(0);
    s.port = static_cast<int>(xml_int(n, "Port").value_or(0));
    s.storage_type = xml_text(n, "StorageType");
    s.iops = xml_int(n, "Iops").value_or(0);
    s.engine_version = xml_text(n, "EngineVersion");
    return s;
}

model::DbSnapshot db_cluster_snapshot(pugi::xml_node n) {
    model::DbSnapshot s;
    s.cluster_snapshot = true;
    s.identifier = xml_text(n, "DBClusterSnapshotIdentifier");
    s.arn = xml_text(n, "DBClusterSnapshotArn");
    s.instance_identifier = xml_text(n, "DBClusterIdentifier");
    s.snapshot_type = xml_text(n, "SnapshotType");
    s.status = xml_text(n, "Status");
    s.engine = xml_text(n, "Engine");
    s.create_time = xml_time(n, "SnapshotCreateTime");
    s.allocated_storage_gb = xml_int(n, "AllocatedStorage").value_or(0);
    s.encrypted = xml_bool(n, "StorageEncrypted");
    s.source_snapshot_arn = xml_text(n, "SourceDBClusterSnapshotArn");
    s.percent_progress = xml_int(n, "PercentProgress").value_or(0);
    s.port = static_cast<int>(xml_int(n, "Port").value_or(0));
    s.engine_version = xml_text(n, "EngineVersion");
    return s;
}

model::AutomatedBackup automated_backup(pugi::xml_node n) {
    model::AutomatedBackup b;
    b.instance_identifier = xml_text(n, "DBInstanceIdentifier");
    b.arn = xml_text(n, "DBInstanceAutomatedBackupsArn");
    b.instance_arn = xml_text(n, "DBInstanceArn");
    b.resource_id = xml_text(n, "DbiResourceId");
    b.status = xml_text(n, "Status");
    b.engine = xml_text(n, "Engine");
    b.backup_retention_period = xml_int(n, "BackupRetentionPeriod").value_or(0);
    b.encrypted = xml_bool(n, "Encrypted");
    pugi::xml_node window = n.child("RestoreWindow");
    auto earliest = xml_time(window, "EarliestTime");
    auto latest = xml_time(window, "LatestTime");
    if (earliest && latest) b.restore_window = model::PitrWindow{*earliest, *latest};
    return b;
}

}  // namespace vd::services::rds_parse
