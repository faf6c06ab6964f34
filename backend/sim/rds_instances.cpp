// Amazon RDS: DB instances and clusters; restores from snapshots and to a
// point in time; deleting an instance.
#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/sim/arns.hpp"
#include "backend/sim/postgres_backing.hpp"
#include "backend/sim/rds_api.hpp"
#include "backend/sim/rds_ops.hpp"
#include "backend/sim/rds_xml.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim::rds {
namespace {

using std::chrono::minutes;

// Refuses a target identifier that is taken or malformed.
Status check_new_identifier(const RegionState& state, const std::string& id, const char* member) {
    if (auto ok = check_identifier(id, member); !ok) return ok.error();
    if (state.db_instances.count(id) > 0) return fault(400, "DBInstanceAlreadyExists", "DB instance already exists");
    return ok_status();
}

// Applies the optional settings shared by both restore actions.
Status apply_restore_options(const QueryInput& in, DbInstance& db) {
    if (in.has("DBInstanceClass")) db.instance_class = in.get("DBInstanceClass");
    if (in.has("AvailabilityZone")) db.availability_zone = in.get("AvailabilityZone");
    if (in.has("OptionGroupName")) db.option_group = in.get("OptionGroupName");
    if (in.has("StorageType")) db.storage_type = in.get("StorageType");
    auto iops = in.integer("Iops");
    if (!iops) return iops.error();
    if (*iops) db.iops = **iops;
    auto multi_az = in.boolean("MultiAZ");
    if (!multi_az) return multi_az.error();
    if (*multi_az) db.multi_az = **multi_az;
    NewResourceSettings common{db.subnet_group, db.security_groups, db.parameter_group, db.port, db.deletion_protection,
                               db.copy_tags_to_snapshot, db.tags, db.engine_lifecycle_support};
    return apply_new_resource_settings(in, "DBParameterGroupName", common);
}

// The answer to a restore whose database could not be made (--postgres).
Error restore_failed(const std::string& target, const std::string& source, const Error& why) {
    return fault(400, "InvalidRestoreFault", "Cannot restore DB instance " + target + " from " + source + ": " + why.message);
}

// Answers a restore with the new instance.
WireResponse restored_answer(Call& call, const char* action, const DbInstance& db) {
    QueryAnswer answer(action, kRdsNamespace);
    xml_db_instance(answer.result(), "DBInstance", call.state(), db, call.now);
    return answer.finish(call.request_id);
}

}  // namespace

Result<WireResponse> describe_db_instances(Call& call, const QueryInput& in) {
    auto p = paging(in);
    if (!p) return p.error();
    const FilterFields<DbInstance> fields = {
        {"db-instance-id", [](const DbInstance& d) { return d.identifier; }},
        {"db-cluster-id", [](const DbInstance& d) { return d.cluster_identifier; }},
        {"dbi-resource-id", [](const DbInstance& d) { return d.resource_id; }},
        {"engine", [](const DbInstance& d) { return d.engine; }},
        {"domain", [](const DbInstance&) { return std::string{}; }},
    };
    auto filters = in.filters();
    if (auto ok = check_filters(filters, fields); !ok) return ok.error();
    RegionState& state = call.state();
    std::string id = in.get("DBInstanceIdentifier");
    if (!id.empty()) {
        auto it = std::find_if(state.db_instances.begin(), state.db_instances.end(),
                               [&](const auto& kv) { return kv.first == id || kv.second.arn == id; });
        if (it == state.db_instances.end()) return fault(404, "DBInstanceNotFound", "DBInstance " + id + " not found.");
        id = it->first;
    }
    QueryAnswer answer("DescribeDBInstances", kRdsNamespace);
    page_into(answer.result(), "DBInstances", state.db_instances, *p,
              [&](const DbInstance& d) { return (id.empty() || d.identifier == id) && passes(d, filters, fields); },
              [&](pugi::xml_node list, const DbInstance& d) { xml_db_instance(list, "DBInstance", state, d, call.now); });
    return answer.finish(call.request_id);
}

Result<WireResponse> describe_db_clusters(Call& call, const QueryInput& in) {
    auto p = paging(in);
    if (!p) return p.error();
    const FilterFields<DbCluster> fields = {
        {"db-cluster-id", [](const DbCluster& c) { return c.identifier; }},
        {"db-cluster-resource-id", [](const DbCluster& c) { return c.resource_id; }},
        {"engine", [](const DbCluster& c) { return c.engine; }},
        {"clone-group-id", [](const DbCluster&) { return std::string{}; }},
        {"domain", [](const DbCluster&) { return std::string{}; }},
    };
    auto filters = in.filters();
    if (auto ok = check_filters(filters, fields); !ok) return ok.error();
    RegionState& state = call.state();
    std::string id = in.get("DBClusterIdentifier");
    if (!id.empty()) {
        auto it = std::find_if(state.db_clusters.begin(), state.db_clusters.end(),
                               [&](const auto& kv) { return kv.first == id || kv.second.arn == id; });
        if (it == state.db_clusters.end()) return fault(404, "DBClusterNotFoundFault", "DBCluster " + id + " not found.");
        id = it->first;
    }
    QueryAnswer answer("DescribeDBClusters", kRdsNamespace);
    page_into(answer.result(), "DBClusters", state.db_clusters, *p,
              [&](const DbCluster& c) { return (id.empty() || c.identifier == id) && passes(c, filters, fields); },
              [&](pugi::xml_node list, const DbCluster& c) { xml_db_cluster(list, state, c, call.now); });
    return answer.finish(call.request_id);
}

Result<WireResponse> restore_db_instance_from_db_snapshot(Call& call, const QueryInput& in) {
    RegionState& state = call.state();
    std::string target = in.get("DBInstanceIdentifier");
    if (auto ok = check_new_identifier(state, target, "DBInstanceIdentifier"); !ok) return ok.error();
    std::string snapshot_id = in.get("DBSnapshotIdentifier");
    if (snapshot_id.empty()) {
        return fault(400, "InvalidParameterCombination", "DBSnapshotIdentifier or DBClusterSnapshotIdentifier must be provided.");
    }
    auto snapshots = all_db_snapshots(state, call.now);
    auto it = std::find_if(snapshots.begin(), snapshots.end(),
                           [&](const auto& kv) { return kv.first == snapshot_id || kv.second.arn == snapshot_id; });
    if (it == snapshots.end()) return fault(404, "DBSnapshotNotFound", "DBSnapshot " + snapshot_id + " not found.");
    const DbSnapshot& snap = it->second;
    if (snap.status != "available") {
        return fault(400, "InvalidDBSnapshotState", "Snapshot " + snap.identifier + " is not in available state (" + snap.status + ").");
    }
    DbInstance like = instance_like(state, snap.instance_identifier);
    like.engine = snap.engine;
    like.engine_version = snap.engine_version;
    like.allocated_storage = snap.allocated_storage;
    like.backup_retention = like.backup_retention > 0 ? like.backup_retention : 1;
    like.port = snap.port;
    DbInstance db = restored_instance(state, call.ids, like, target, call.now, call.now + minutes(call.ids.range(12, 20)));
    if (auto ok = apply_restore_options(in, db); !ok) return ok.error();
    if (auto copied = restore_database(call.world, state, db, snapshot_source(state, snap)); !copied) {
        return restore_failed(target, "snapshot " + snap.identifier, copied.error());
    }
    DbInstance& added = add_db_instance(state, std::move(db));
    return restored_answer(call, "RestoreDBInstanceFromDBSnapshot", added);
}

Result<WireResponse> restore_db_instance_to_point_in_time(Call& call, const QueryInput& in) {
    RegionState& state = call.state();
    std::string target = in.get("TargetDBInstanceIdentifier");
    std::string source_id = in.get("SourceDBInstanceIdentifier");
    std::string source_resource = in.get("SourceDbiResourceId");
    std::string source_backups = in.get("SourceDBInstanceAutomatedBackupsArn");
    if (source_id.empty() && source_resource.empty() && source_backups.empty()) {
        return fault(400, "InvalidParameterCombination",
                     "One of SourceDBInstanceIdentifier, SourceDbiResourceId or SourceDBInstanceAutomatedBackupsArn is required.");
    }
    auto use_latest = in.boolean("UseLatestRestorableTime");
    if (!use_latest) return use_latest.error();
    bool latest = use_latest->value_or(false);
    std::string time_text = in.get("RestoreTime");
    if (latest && !time_text.empty()) {
        return fault(400, "InvalidParameterCombination", "Cannot specify both RestoreTime and UseLatestRestorableTime.");
    }
    if (!latest && time_text.empty()) {
        return fault(400, "InvalidParameterCombination", "Either RestoreTime or UseLatestRestorableTime must be specified.");
    }
    // The source: a live instance, or the retained automated backups of a deleted one.
    const DbInstance* source = nullptr;
    std::optional<RestoreWindow> window;
    for (const auto& [id, db] : state.db_instances) {
        if ((!source_id.empty() && (id == source_id || db.arn == source_id)) ||
            (!source_resource.empty() && db.resource_id == source_resource) ||
            (!source_backups.empty() && automated_backups_arn(state, db) == source_backups)) {
            source = &db;
            window = restore_window(db, call.now);
        }
    }
    for (const auto& retained : state.retained_backups) {
        if (source != nullptr) break;
        const DbInstance& db = retained.instance;
        if ((!source_resource.empty() && db.resource_id == source_resource) ||
            (!source_backups.empty() && automated_backups_arn(state, db) == source_backups)) {
            source = &db;
            window = RestoreWindow{std::max(db.create_time, retained.deleted_at - std::chrono::hours(24) * db.backup_retention),
                                   retained.deleted_at};
        }
    }
    if (source == nullptr) {
        if (!source_id.empty()) return fault(404, "DBInstanceNotFound", "DBInstance " + source_id + " not found.");
        return fault(404, "DBInstanceAutomatedBackupNotFound", "Automated backups not found for the given source.");
    }
    if (source->backup_retention <= 0) {
        return fault(400, "PointInTimeRestoreNotEnabled", "Point-in-time restore is not enabled for DB instance " +
                                                              source->identifier + ": its backup retention period is 0.");
    }
    if (auto ok = check_new_identifier(state, target, "TargetDBInstanceIdentifier"); !ok) return ok.error();
    if (!window) return fault(400, "InvalidRestoreFault", "DB instance " + source->identifier + " has no restorable time yet.");
    TimePoint restore_time = window->latest;
    if (!latest) {
        auto parsed = parse_time(time_text);
        if (!parsed) return fault(400, "InvalidParameterValue", "RestoreTime '" + time_text + "' is not a valid timestamp.");
        restore_time = *parsed;
        if (restore_time < window->earliest || restore_time > window->latest) {
            return fault(400, "InvalidRestoreFault",
                         fmt::format("Restore time {} is not within the restorable window of DB instance {}: "
                                     "earliest {}, latest {}.",
                                     format_iso8601(restore_time), source->identifier, format_iso8601(window->earliest),
                                     format_iso8601(window->latest)));
        }
    }
    DbInstance like = *source;
    DbInstance db = restored_instance(state, call.ids, like, target, call.now, call.now + minutes(call.ids.range(12, 20)));
    if (auto ok = apply_restore_options(in, db); !ok) return ok.error();
    if (auto copied = restore_database(call.world, state, db, instance_source(state, source->identifier)); !copied) {
        return restore_failed(target, "DB instance " + source->identifier, copied.error());
    }
    DbInstance& added = add_db_instance(state, std::move(db));
    return restored_answer(call, "RestoreDBInstanceToPointInTime", added);
}

Result<WireResponse> delete_db_instance(Call& call, const QueryInput& in) {
    RegionState& state = call.state();
    std::string id = in.get("DBInstanceIdentifier");
    if (id.empty()) return fault(400, "MissingParameter", "The parameter DBInstanceIdentifier must be provided and must not be blank.");
    auto it = state.db_instances.find(id);
    if (it == state.db_instances.end()) return fault(404, "DBInstanceNotFound", "DBInstance " + id + " not found.");
    DbInstance& db = it->second;
    auto skip = in.boolean("SkipFinalSnapshot");
    if (!skip) return skip.error();
    auto keep_backups = in.boolean("DeleteAutomatedBackups");
    if (!keep_backups) return keep_backups.error();
    std::string final_id = in.get("FinalDBSnapshotIdentifier");
    bool skip_final = skip->value_or(false);
    if (!skip_final && final_id.empty() && db.cluster_identifier.empty()) {
        return fault(400, "InvalidParameterCombination", "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
    }
    if (skip_final && !final_id.empty()) {
        return fault(400, "InvalidParameterCombination", "Cannot specify FinalDBSnapshotIdentifier when SkipFinalSnapshot is true.");
    }
    if (db.deletion_protection) {
        return fault(400, "InvalidParameterCombination",
                     "Cannot delete protected DB Instance, please disable deletion protection and try again.");
    }
    if (db.status == "deleting") return fault(400, "InvalidDBInstanceState", "Instance " + id + " is already being deleted.");
    // An Aurora instance goes without a snapshot of its own (the cluster keeps
    // the data); SkipFinalSnapshot does not apply to it.
    if (!db.cluster_identifier.empty() && !final_id.empty()) {
        return fault(400, "InvalidParameterCombination", "FinalDBSnapshotIdentifier can not be specified when deleting a cluster instance");
    }
    if (!final_id.empty()) {
        if (db.status != "available") {
            return fault(400, "InvalidDBInstanceState", "Instance " + id + " is currently " + db.status + " - a final snapshot cannot be taken.");
        }
        if (state.db_snapshots.count(final_id) > 0) return fault(400, "DBSnapshotAlreadyExists", "Cannot create the snapshot because a snapshot with the identifier " + final_id + " already exists.");
        DbSnapshot s = snapshot_of(state, db, final_id, call.now, minutes(6));
        s.snapshot_type = "manual";
        s.status = "creating";
        if (auto copied = snapshot_data(call.world, state, final_id, instance_source(state, id)); !copied) {
            return fault(400, "InvalidDBInstanceState", "Cannot take the final snapshot " + final_id + ": " + copied.error().message);
        }
        state.db_snapshots.emplace(final_id, std::move(s));
    }
    if (auto dropped = drop_instance_database(call.world, state, db); !dropped) {
        return fault(400, "InvalidDBInstanceState", "Instance " + id + " cannot be deleted now: " + dropped.error().message);
    }
    if (keep_backups->has_value() && !**keep_backups && db.backup_retention > 0) {
        state.retained_backups.push_back({db, call.now});
    }
    db.status = "deleting";
    db.next_status = "deleted";
    db.next_status_at = call.now + minutes(8);
    db.remove_at_next = true;
    QueryAnswer answer("DeleteDBInstance", kRdsNamespace);
    xml_db_instance(answer.result(), "DBInstance", state, db, call.now);
    return answer.finish(call.request_id);
}

}  // namespace vd::sim::rds
