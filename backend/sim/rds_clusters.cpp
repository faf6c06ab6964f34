// Amazon RDS for Aurora: a new cluster from a cluster snapshot or as of a
// time of another cluster (both without instances, as AWS makes them), and
// CreateDBInstance to add an instance (the writer first) to a cluster, and
// DeleteDBCluster once its instances are being deleted.
#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/sim/arns.hpp"
#include "backend/sim/rds_api.hpp"
#include "backend/sim/rds_ops.hpp"
#include "backend/sim/rds_xml.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim::rds {
namespace {

using std::chrono::minutes;

// Refuses a new cluster identifier that is taken or malformed.
Status check_new_cluster(const RegionState& state, const std::string& id) {
    if (auto ok = check_identifier(id, "DBClusterIdentifier"); !ok) return ok.error();
    if (state.db_clusters.count(id) > 0) return fault(400, "DBClusterAlreadyExistsFault", "DB Cluster already exists");
    return ok_status();
}

// Applies what a cluster restore may set on the new cluster.
Status apply_cluster_options(const QueryInput& in, DbCluster& c) {
    NewResourceSettings common{c.subnet_group, c.security_groups, c.parameter_group, c.port, c.deletion_protection,
                               c.copy_tags_to_snapshot, c.tags, c.engine_lifecycle_support};
    return apply_new_resource_settings(in, "DBClusterParameterGroupName", common);
}

// Answers a cluster restore with the new cluster and keeps it.
WireResponse add_and_answer(Call& call, const char* action, DbCluster cluster) {
    RegionState& state = call.state();
    std::string id = cluster.identifier;
    const DbCluster& added = state.db_clusters.insert_or_assign(id, std::move(cluster)).first->second;
    QueryAnswer answer(action, kRdsNamespace);
    xml_db_cluster(answer.result(), state, added, call.now);
    return answer.finish(call.request_id);
}

}  // namespace

Result<WireResponse> restore_db_cluster_from_snapshot(Call& call, const QueryInput& in) {
    RegionState& state = call.state();
    std::string target = in.get("DBClusterIdentifier");
    if (auto ok = check_new_cluster(state, target); !ok) return ok.error();
    std::string snapshot_id = in.get("SnapshotIdentifier");
    std::string engine = in.get("Engine");
    if (snapshot_id.empty()) return fault(400, "MissingParameter", "The parameter SnapshotIdentifier must be provided and must not be blank.");
    if (engine.empty()) return fault(400, "MissingParameter", "The parameter Engine must be provided and must not be blank.");
    auto snapshots = all_cluster_snapshots(state, call.now);
    auto it = std::find_if(snapshots.begin(), snapshots.end(),
                           [&](const auto& kv) { return kv.first == snapshot_id || kv.second.arn == snapshot_id; });
    if (it == snapshots.end()) return fault(404, "DBClusterSnapshotNotFoundFault", "DBClusterSnapshot " + snapshot_id + " not found.");
    const DbSnapshot& snap = it->second;
    if (snap.status != "available")
        return fault(400, "InvalidDBClusterSnapshotStateFault", "Snapshot " + snap.identifier + " is not available (" + snap.status + ").");
    if (engine != snap.engine)
        return fault(400, "InvalidParameterCombination", "Engine " + engine + " does not match the snapshot's engine " + snap.engine + ".");
    DbCluster like;
    if (auto source = state.db_clusters.find(snap.instance_identifier); source != state.db_clusters.end()) like = source->second;
    like.engine = snap.engine;
    like.engine_version = in.has("EngineVersion") ? in.get("EngineVersion") : snap.engine_version;
    like.port = snap.port;
    DbCluster c = restored_cluster(state, call.ids, like, target, call.now, call.now + minutes(call.ids.range(8, 14)));
    if (auto ok = apply_cluster_options(in, c); !ok) return ok.error();
    return add_and_answer(call, "RestoreDBClusterFromSnapshot", std::move(c));
}

Result<WireResponse> restore_db_cluster_to_point_in_time(Call& call, const QueryInput& in) {
    RegionState& state = call.state();
    std::string target = in.get("DBClusterIdentifier");
    std::string source_id = in.get("SourceDBClusterIdentifier");
    if (source_id.empty()) return fault(400, "MissingParameter", "The parameter SourceDBClusterIdentifier must be provided and must not be blank.");
    auto source = std::find_if(state.db_clusters.begin(), state.db_clusters.end(),
                               [&](const auto& kv) { return kv.first == source_id || kv.second.arn == source_id; });
    if (source == state.db_clusters.end()) return fault(404, "DBClusterNotFoundFault", "DBCluster " + source_id + " not found.");
    if (auto ok = check_new_cluster(state, target); !ok) return ok.error();
    auto use_latest = in.boolean("UseLatestRestorableTime");
    if (!use_latest) return use_latest.error();
    bool latest = use_latest->value_or(false);
    std::string time_text = in.get("RestoreToTime");
    if (latest == !time_text.empty())
        return fault(400, "InvalidParameterCombination", "Give exactly one of RestoreToTime and UseLatestRestorableTime.");
    auto window = cluster_restore_window(source->second, call.now);
    if (!window) return fault(400, "InvalidRestoreFault", "DB cluster " + source_id + " has no restorable time yet.");
    if (!latest) {
        auto when = parse_time(time_text);
        if (!when) return fault(400, "InvalidParameterValue", "RestoreToTime '" + time_text + "' is not a valid timestamp.");
        if (*when < window->earliest || *when > window->latest)
            return fault(400, "InvalidRestoreFault",
                         fmt::format("Restore time {} is not within the restorable window of DB cluster {}: earliest {}, latest {}.",
                                     format_iso8601(*when), source_id, format_iso8601(window->earliest), format_iso8601(window->latest)));
    }
    DbCluster c = restored_cluster(state, call.ids, source->second, target, call.now, call.now + minutes(call.ids.range(8, 14)));
    if (auto ok = apply_cluster_options(in, c); !ok) return ok.error();
    return add_and_answer(call, "RestoreDBClusterToPointInTime", std::move(c));
}

Result<WireResponse> create_db_instance(Call& call, const QueryInput& in) {
    RegionState& state = call.state();
    std::string id = in.get("DBInstanceIdentifier");
    if (auto ok = check_identifier(id, "DBInstanceIdentifier"); !ok) return ok.error();
    if (state.db_instances.count(id) > 0) return fault(400, "DBInstanceAlreadyExists", "DB instance already exists");
    std::string cls = in.get("DBInstanceClass");
    if (cls.empty()) return fault(400, "MissingParameter", "The parameter DBInstanceClass must be provided and must not be blank.");
    std::string cluster_id = in.get("DBClusterIdentifier");
    if (cluster_id.empty())
        return fault(400, "InvalidParameterCombination",
                     "This simulator creates DB instances only in an Aurora cluster: DBClusterIdentifier is required.");
    auto cluster = state.db_clusters.find(cluster_id);
    if (cluster == state.db_clusters.end()) return fault(404, "DBClusterNotFoundFault", "DBCluster " + cluster_id + " not found.");
    DbCluster& c = cluster->second;
    if (in.get("Engine") != c.engine)
        return fault(400, "InvalidParameterCombination", "Engine " + in.get("Engine") + " does not match the cluster's engine " + c.engine + ".");
    DbInstance like;
    like.engine = c.engine;
    like.engine_version = c.engine_version;
    like.instance_class = cls;
    like.port = c.port;
    like.allocated_storage = 1;
    like.backup_retention = c.backup_retention;
    like.master_username = c.master_username;
    like.db_name = c.database_name;
    like.availability_zone = c.availability_zones.empty() ? state.region + "a" : c.availability_zones.front();
    DbInstance db = restored_instance(state, call.ids, like, id, call.now, std::max(call.now, c.next_status.empty() ? call.now : c.next_status_at) +
                                                                               minutes(call.ids.range(6, 10)));
    db.cluster_identifier = cluster_id;
    db.subnet_group = c.subnet_group;
    db.security_groups = c.security_groups;
    db.engine_lifecycle_support = c.engine_lifecycle_support;
    if (in.has("DBParameterGroupName")) db.parameter_group = in.get("DBParameterGroupName");
    auto copy_tags = in.boolean("CopyTagsToSnapshot");
    if (!copy_tags) return copy_tags.error();
    if (*copy_tags) db.copy_tags_to_snapshot = **copy_tags;
    db.tags = in.tags();
    c.members.push_back({id, std::none_of(c.members.begin(), c.members.end(), [](const DbClusterMember& m) { return m.writer; })});
    DbInstance& added = add_db_instance(state, std::move(db));
    QueryAnswer answer("CreateDBInstance", kRdsNamespace);
    xml_db_instance(answer.result(), "DBInstance", state, added, call.now);
    return answer.finish(call.request_id);
}

Result<WireResponse> delete_db_cluster(Call& call, const QueryInput& in) {
    RegionState& state = call.state();
    std::string id = in.get("DBClusterIdentifier");
    if (id.empty()) return fault(400, "MissingParameter", "The parameter DBClusterIdentifier must be provided and must not be blank.");
    auto it = state.db_clusters.find(id);
    if (it == state.db_clusters.end()) return fault(404, "DBClusterNotFoundFault", "DBCluster " + id + " not found.");
    DbCluster& c = it->second;
    auto skip = in.boolean("SkipFinalSnapshot");
    if (!skip) return skip.error();
    std::string final_id = in.get("FinalDBSnapshotIdentifier");
    bool skip_final = skip->value_or(false);
    if (!skip_final && final_id.empty())
        return fault(400, "InvalidParameterCombination", "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.");
    if (skip_final && !final_id.empty())
        return fault(400, "InvalidParameterCombination", "Cannot specify FinalDBSnapshotIdentifier when SkipFinalSnapshot is true.");
    if (c.deletion_protection)
        return fault(400, "InvalidParameterCombination", "Cannot delete protected Cluster, please disable deletion protection and try again.");
    if (c.status == "deleting") return fault(400, "InvalidDBClusterStateFault", "Cluster " + id + " is already being deleted.");
    for (const auto& m : c.members) {
        auto member = state.db_instances.find(m.instance_identifier);
        if (member != state.db_instances.end() && member->second.status != "deleting")
            return fault(400, "InvalidDBClusterStateFault", "Cluster cannot be deleted, it still contains DB instances in non-deleting state.");
    }
    if (!final_id.empty()) {
        if (state.cluster_snapshots.count(final_id) > 0)
            return fault(400, "DBClusterSnapshotAlreadyExistsFault", "Cannot create the cluster snapshot because one with the identifier " + final_id + " already exists.");
        DbSnapshot s = snapshot_of(state, c, final_id, call.now, minutes(6));
        s.status = "creating";
        state.cluster_snapshots.emplace(final_id, std::move(s));
    }
    c.status = "deleting";
    c.next_status = "deleted";
    c.next_status_at = call.now + minutes(6);
    c.remove_at_next = true;
    QueryAnswer answer("DeleteDBCluster", kRdsNamespace);
    xml_db_cluster(answer.result(), state, c, call.now);
    return answer.finish(call.request_id);
}

}  // namespace vd::sim::rds
