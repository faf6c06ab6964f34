// Amazon RDS: DB and cluster snapshots (manual, automated, AWS Backup's,
// cross-region copies), automated backups, and copying a snapshot.
#include <fmt/format.h>

#include "backend/sim/arns.hpp"
#include "backend/sim/postgres_backing.hpp"
#include "backend/sim/rds_api.hpp"
#include "backend/sim/rds_ops.hpp"
#include "backend/sim/rds_xml.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim::rds {
namespace {

using std::chrono::minutes;

// The snapshot AWS Backup keeps in RDS for one of its recovery points.
// Taken of the instance or cluster as it is now (or one like it when it is
// gone), so it says what that one says: engine, port, encryption.
DbSnapshot backup_snapshot(const RegionState& state, const RecoveryPoint& rp, std::string_view marker) {
    const std::string identifier = rp.arn.substr(rp.arn.find(marker) + marker.size());
    DbSnapshot s;
    if (rp.resource_type == "Aurora") {
        DbCluster like;
        like.identifier = rp.resource_name;
        like.engine = "aurora-postgresql";
        like.engine_version = "15.4";
        if (auto it = state.db_clusters.find(rp.resource_name); it != state.db_clusters.end()) like = it->second;
        s = snapshot_of(state, like, identifier, rp.creation, minutes(0));
    } else {
        s = snapshot_of(state, instance_like(state, rp.resource_name), identifier, rp.creation, minutes(0));
    }
    s.arn = rp.arn;
    s.snapshot_type = "awsbackup";
    s.ready_at = rp.completion;
    return s;
}

}  // namespace

std::map<std::string, DbSnapshot> all_db_snapshots(const RegionState& state, TimePoint now) {
    std::map<std::string, DbSnapshot> out = state.db_snapshots;
    for (const auto& [id, db] : state.db_instances) {
        for (auto& s : automated_snapshots(state, db, now)) out.emplace(s.identifier, std::move(s));
    }
    for (const auto& [name, vault] : state.vaults) {
        for (const auto& [key, rp] : vault.points) {
            if (rp.resource_type == "RDS" && rp.arn.find(":snapshot:awsbackup:") != std::string::npos) {
                auto s = backup_snapshot(state, rp, ":snapshot:");
                out.emplace(s.identifier, std::move(s));
            }
        }
    }
    return out;
}

std::map<std::string, DbSnapshot> all_cluster_snapshots(const RegionState& state, TimePoint now) {
    std::map<std::string, DbSnapshot> out = state.cluster_snapshots;
    for (const auto& [id, cluster] : state.db_clusters) {
        for (auto& s : automated_cluster_snapshots(state, cluster, now)) out.emplace(s.identifier, std::move(s));
    }
    for (const auto& [name, vault] : state.vaults) {
        for (const auto& [key, rp] : vault.points) {
            if (rp.resource_type == "Aurora" && rp.arn.find(":cluster-snapshot:awsbackup:") != std::string::npos) {
                auto s = backup_snapshot(state, rp, ":cluster-snapshot:");
                out.emplace(s.identifier, std::move(s));
            }
        }
    }
    return out;
}

Result<WireResponse> describe_db_snapshots(Call& call, const QueryInput& in) {
    auto p = paging(in);
    if (!p) return p.error();
    const FilterFields<DbSnapshot> fields = {
        {"db-instance-id", [](const DbSnapshot& s) { return s.instance_identifier; }},
        {"db-snapshot-id", [](const DbSnapshot& s) { return s.identifier; }},
        {"dbi-resource-id", [](const DbSnapshot& s) { return s.resource_id; }},
        {"snapshot-type", [](const DbSnapshot& s) { return s.snapshot_type; }},
        {"engine", [](const DbSnapshot& s) { return s.engine; }},
    };
    auto filters = in.filters();
    if (auto ok = check_filters(filters, fields); !ok) return ok.error();
    std::string type = in.get("SnapshotType");
    if (!type.empty() && type != "automated" && type != "manual" && type != "shared" && type != "public" && type != "awsbackup") {
        return fault(400, "InvalidParameterValue", "Invalid snapshot type: " + type);
    }
    RegionState& state = call.state();
    auto snapshots = all_db_snapshots(state, call.now);
    std::string instance = in.get("DBInstanceIdentifier");
    std::string snapshot_id = in.get("DBSnapshotIdentifier");
    std::string resource = in.get("DbiResourceId");
    if (!snapshot_id.empty()) {
        bool found = std::any_of(snapshots.begin(), snapshots.end(),
                                 [&](const auto& kv) { return kv.first == snapshot_id || kv.second.arn == snapshot_id; });
        if (!found) return fault(404, "DBSnapshotNotFound", "DBSnapshot " + snapshot_id + " not found.");
    }
    auto keep = [&](const DbSnapshot& s) {
        if (!snapshot_id.empty() && s.identifier != snapshot_id && s.arn != snapshot_id) return false;
        if (!instance.empty() && s.instance_identifier != instance) return false;
        if (!resource.empty() && s.resource_id != resource) return false;
        if (!type.empty() && s.snapshot_type != type) return false;
        if (type.empty() && snapshot_id.empty() && s.snapshot_type != "automated" && s.snapshot_type != "manual") return false;
        return passes(s, filters, fields);
    };
    QueryAnswer answer("DescribeDBSnapshots", kRdsNamespace);
    page_into(answer.result(), "DBSnapshots", snapshots, *p, keep,
              [&](pugi::xml_node list, const DbSnapshot& s) { xml_db_snapshot(list, "DBSnapshot", state, s, call.now); });
    return answer.finish(call.request_id);
}

Result<WireResponse> describe_db_cluster_snapshots(Call& call, const QueryInput& in) {
    auto p = paging(in);
    if (!p) return p.error();
    const FilterFields<DbSnapshot> fields = {
        {"db-cluster-id", [](const DbSnapshot& s) { return s.instance_identifier; }},
        {"db-cluster-snapshot-id", [](const DbSnapshot& s) { return s.identifier; }},
        {"snapshot-type", [](const DbSnapshot& s) { return s.snapshot_type; }},
        {"engine", [](const DbSnapshot& s) { return s.engine; }},
    };
    auto filters = in.filters();
    if (auto ok = check_filters(filters, fields); !ok) return ok.error();
    RegionState& state = call.state();
    auto snapshots = all_cluster_snapshots(state, call.now);
    std::string cluster = in.get("DBClusterIdentifier");
    std::string snapshot_id = in.get("DBClusterSnapshotIdentifier");
    std::string type = in.get("SnapshotType");
    if (!snapshot_id.empty()) {
        bool found = std::any_of(snapshots.begin(), snapshots.end(),
                                 [&](const auto& kv) { return kv.first == snapshot_id || kv.second.arn == snapshot_id; });
        if (!found) return fault(404, "DBClusterSnapshotNotFoundFault", "DBClusterSnapshot " + snapshot_id + " not found.");
    }
    auto keep = [&](const DbSnapshot& s) {
        if (!snapshot_id.empty() && s.identifier != snapshot_id && s.arn != snapshot_id) return false;
        if (!cluster.empty() && s.instance_identifier != cluster) return false;
        if (!type.empty() && s.snapshot_type != type) return false;
        if (type.empty() && snapshot_id.empty() && s.snapshot_type != "automated" && s.snapshot_type != "manual") return false;
        return passes(s, filters, fields);
    };
    QueryAnswer answer("DescribeDBClusterSnapshots", kRdsNamespace);
    page_into(answer.result(), "DBClusterSnapshots", snapshots, *p, keep,
              [&](pugi::xml_node list, const DbSnapshot& s) { xml_cluster_snapshot(list, state, s, call.now); });
    return answer.finish(call.request_id);
}

Result<WireResponse> describe_db_instance_automated_backups(Call& call, const QueryInput& in) {
    auto p = paging(in);
    if (!p) return p.error();
    RegionState& state = call.state();
    struct Entry {
        const DbInstance* db;
        std::optional<TimePoint> deleted_at;
    };
    std::map<std::string, Entry> entries;
    for (const auto& [id, db] : state.db_instances) {
        if (db.backup_retention > 0 && db.cluster_identifier.empty()) entries[id + "|" + db.resource_id] = {&db, std::nullopt};
    }
    for (const auto& r : state.retained_backups) entries[r.instance.identifier + "|" + r.instance.resource_id] = {&r.instance, r.deleted_at};
    const FilterFields<Entry> fields = {
        {"status", [&](const Entry& e) { return std::string(e.deleted_at ? "retained" : "active"); }},
        {"db-instance-id", [](const Entry& e) { return e.db->identifier; }},
        {"dbi-resource-id", [](const Entry& e) { return e.db->resource_id; }},
    };
    auto filters = in.filters();
    if (auto ok = check_filters(filters, fields); !ok) return ok.error();
    std::string id = in.get("DBInstanceIdentifier");
    std::string resource = in.get("DbiResourceId");
    std::string arn = in.get("DBInstanceAutomatedBackupsArn");
    auto keep = [&](const Entry& e) {
        if (!id.empty() && e.db->identifier != id) return false;
        if (!resource.empty() && e.db->resource_id != resource) return false;
        if (!arn.empty() && automated_backups_arn(state, *e.db) != arn) return false;
        return passes(e, filters, fields);
    };
    if ((!id.empty() || !resource.empty() || !arn.empty()) &&
        std::none_of(entries.begin(), entries.end(), [&](const auto& kv) { return keep(kv.second); })) {
        return fault(404, "DBInstanceAutomatedBackupNotFound", "No automated backups found for " + (id.empty() ? resource + arn : id) + ".");
    }
    QueryAnswer answer("DescribeDBInstanceAutomatedBackups", kRdsNamespace);
    page_into(answer.result(), "DBInstanceAutomatedBackups", entries, *p, keep, [&](pugi::xml_node list, const Entry& e) {
        xml_automated_backup(list, state, *e.db, call.now, e.deleted_at);
    });
    return answer.finish(call.request_id);
}

Result<WireResponse> copy_db_snapshot(Call& call, const QueryInput& in) {
    std::string source_id = in.get("SourceDBSnapshotIdentifier");
    std::string target_id = in.get("TargetDBSnapshotIdentifier");
    if (source_id.empty()) return fault(400, "MissingParameter", "The parameter SourceDBSnapshotIdentifier must be provided and must not be blank.");
    if (target_id.empty()) return fault(400, "MissingParameter", "The parameter TargetDBSnapshotIdentifier must be provided and must not be blank.");
    bool is_arn = source_id.rfind("arn:", 0) == 0;
    std::string source_region = is_arn ? region_of(source_id) : call.region;
    std::string source_account = is_arn ? account_of(source_id) : call.account_id;
    RegionState* source_state = call.world.find_region(source_account, source_region);
    std::optional<DbSnapshot> source;
    if (source_state != nullptr) {
        auto snapshots = all_db_snapshots(*source_state, call.now);
        for (const auto& [id, s] : snapshots) {
            if (id == source_id || s.arn == source_id) source = s;
        }
    }
    if (!source) return fault(404, "DBSnapshotNotFound", "DBSnapshot " + source_id + " not found.");
    if (source->status != "available") {
        return fault(400, "InvalidDBSnapshotState", "Snapshot " + source->identifier + " is not in available state (" + source->status + ").");
    }
    RegionState& state = call.state();
    if (state.db_snapshots.count(target_id) > 0) {
        return fault(400, "DBSnapshotAlreadyExists", "Cannot create the snapshot because a snapshot with the identifier " + target_id + " already exists.");
    }
    bool cross_region = source_region != call.region;
    DbSnapshot copy = *source;
    copy.identifier = target_id;
    copy.arn = db_snapshot_arn(call.region, call.account_id, target_id);
    copy.snapshot_type = "manual";
    copy.status = cross_region ? "pending" : "creating";
    copy.create_time = call.now;
    copy.ready_at = call.now + minutes(cross_region ? call.ids.range(10, 25) : call.ids.range(2, 5));
    copy.source_region = cross_region ? source_region : "";
    copy.source_snapshot = source->arn;
    copy.availability_zone = cross_region ? call.region + "a" : source->availability_zone;
    if (in.has("KmsKeyId")) copy.kms_key_id = in.get("KmsKeyId");
    auto copy_tags = in.boolean("CopyTags");
    if (!copy_tags) return copy_tags.error();
    copy.tags = copy_tags->value_or(false) ? source->tags : in.tags();
    if (auto copied = snapshot_data(call.world, state, target_id, snapshot_source(*source_state, *source)); !copied) {
        return fault(400, "InvalidDBSnapshotState", "Cannot copy snapshot " + source->identifier + ": " + copied.error().message);
    }
    auto& added = state.db_snapshots.emplace(target_id, std::move(copy)).first->second;
    QueryAnswer answer("CopyDBSnapshot", kRdsNamespace);
    xml_db_snapshot(answer.result(), "DBSnapshot", state, added, call.now);
    return answer.finish(call.request_id);
}

}  // namespace vd::sim::rds
