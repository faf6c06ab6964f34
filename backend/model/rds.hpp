// Plain value types for Amazon RDS backups and their PITR windows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "backend/core/clock.hpp"
#include "backend/model/fields.hpp"
#include "backend/model/backup.hpp"

namespace vd::model {

struct Endpoint {
    std::string address;
    int port = 0;
};
VD_FIELDS(Endpoint, address, port)

struct DbInstance {
    Origin origin;
    std::string identifier;
    std::string arn;
    std::string resource_id;  // db-XXXX (DbiResourceId)
    std::string engine;
    std::string engine_version;
    std::string instance_class;
    std::string status;  // creating, available, deleting, backing-up, ...
    Endpoint endpoint;
    std::string cluster_identifier;
    int64_t allocated_storage_gb = 0;
    int64_t backup_retention_period = 0;
    std::string preferred_backup_window;
    std::optional<TimePoint> latest_restorable_time;
    std::optional<TimePoint> create_time;
    bool storage_encrypted = false;
    bool multi_az = false;
    bool deletion_protection = false;
    std::string subnet_group;
    std::vector<std::pair<std::string, std::string>> tags;
    std::string db_name;  // DBName: the database created with the instance (empty when not reported)
    std::string master_username;
    std::vector<std::string> security_groups;  // VpcSecurityGroups ids
    std::string parameter_group;               // the first DBParameterGroups name
    std::string option_group;                  // the first OptionGroupMemberships name
    std::string storage_type;
    int64_t iops = 0;
    int port = 0;  // DbInstancePort, else the endpoint's port
    bool copy_tags_to_snapshot = false;
    std::string engine_lifecycle_support;
};
VD_FIELDS(DbInstance, origin, identifier, arn, resource_id, engine, engine_version, instance_class, status,
          endpoint, cluster_identifier, allocated_storage_gb, backup_retention_period, preferred_backup_window,
          latest_restorable_time, create_time, storage_encrypted, multi_az, deletion_protection, subnet_group,
          tags, db_name, master_username, security_groups, parameter_group, option_group, storage_type, iops,
          port, copy_tags_to_snapshot, engine_lifecycle_support)

struct DbCluster {
    Origin origin;
    std::string identifier;
    std::string arn;
    std::string engine;
    std::string engine_version;
    std::string status;
    Endpoint endpoint;
    int64_t backup_retention_period = 0;
    std::optional<TimePoint> earliest_restorable_time;
    std::optional<TimePoint> latest_restorable_time;
    std::optional<TimePoint> create_time;
    bool storage_encrypted = false;
    std::vector<std::string> members;
    std::string writer;  // the member that is the cluster writer
    std::string master_username;
    std::string subnet_group;
    std::vector<std::string> security_groups;
    std::string parameter_group;  // DBClusterParameterGroup
    std::string database_name;
    bool deletion_protection = false;
    bool copy_tags_to_snapshot = false;
    std::vector<std::pair<std::string, std::string>> tags;
    std::string engine_lifecycle_support;
};
VD_FIELDS(DbCluster, origin, identifier, arn, engine, engine_version, status, endpoint,
          backup_retention_period, earliest_restorable_time, latest_restorable_time, create_time,
          storage_encrypted, members, writer, master_username, subnet_group, security_groups, parameter_group,
          database_name, deletion_protection, copy_tags_to_snapshot, tags, engine_lifecycle_support)

struct DbSnapshot {
    Origin origin;
    std::string identifier;
    std::string arn;
    std::string instance_identifier;  // DBInstanceIdentifier (or cluster for cluster snapshots)
    bool cluster_snapshot = false;
    std::string snapshot_type;  // automated, manual, awsbackup, shared, public
    std::string status;         // creating, available, copying, ...
    std::string engine;
    std::optional<TimePoint> create_time;
    int64_t allocated_storage_gb = 0;
    bool encrypted = false;
    std::string source_region;   // set on cross-region copies
    std::string source_snapshot_arn;
    int64_t percent_progress = 0;
    int port = 0;
    std::string storage_type;
    int64_t iops = 0;
    std::string engine_version;
};
VD_FIELDS(DbSnapshot, origin, identifier, arn, instance_identifier, cluster_snapshot, snapshot_type, status,
          engine, create_time, allocated_storage_gb, encrypted, source_region, source_snapshot_arn,
          percent_progress, port, storage_type, iops, engine_version)

// The point-in-time recovery window of an instance's automated backups.
struct PitrWindow {
    TimePoint earliest;
    TimePoint latest;
};
VD_FIELDS(PitrWindow, earliest, latest)

struct AutomatedBackup {
    Origin origin;
    std::string instance_identifier;
    std::string arn;             // DBInstanceAutomatedBackupsArn
    std::string instance_arn;
    std::string resource_id;
    std::string status;          // active, retained, pending
    std::string engine;
    int64_t backup_retention_period = 0;
    std::optional<PitrWindow> restore_window;
    bool encrypted = false;
};
VD_FIELDS(AutomatedBackup, origin, instance_identifier, arn, instance_arn, resource_id, status, engine,
          backup_retention_period, restore_window, encrypted)

}  // namespace vd::model
