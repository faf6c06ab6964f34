#include "backend/sim/rds_ops.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "backend/sim/arns.hpp"

namespace vd::sim {
namespace {

using namespace std::chrono;

// The start of a "hh:mm-hh:mm" window as minutes after midnight UTC.
int window_start_minutes(const std::string& window) {
    int h = 3, m = 0;
    if (std::sscanf(window.c_str(), "%d:%d", &h, &m) != 2) return 180;
    return h * 60 + m;
}

// A short stable hash, for endpoint host names that look like AWS's.
std::string host_suffix(const std::string& account, const std::string& region) {
    uint64_t h = 1469598103934665603ULL;
    for (char c : account + region) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    std::string out;
    for (int i = 0; i < 12; ++i, h /= 36) out.push_back("abcdefghijklmnopqrstuvwxyz0123456789"[h % 36]);
    return out;
}

// One automated snapshot per day from `from` to `now`, taken at the window start.
template <class Fill>
void daily_snapshots(TimePoint from, TimePoint now, int window_minutes, int retention_days, Fill fill) {
    if (retention_days <= 0) return;
    TimePoint oldest = std::max(from, now - hours(24) * retention_days);
    auto day = floor<days>(oldest);
    for (; TimePoint(day) <= now; day += days(1)) {
        TimePoint at = TimePoint(day) + minutes(window_minutes);
        if (at < oldest || at > now) continue;
        fill(at);
    }
}

}  // namespace

std::string default_security_group(const RegionState& state) {
    return "sg-0" + host_suffix(state.account_id, state.region + "/default").substr(0, 8);
}

DbCluster restored_cluster(const RegionState& state, IdSource& ids, const DbCluster& like, const std::string& identifier,
                           TimePoint now, TimePoint ready) {
    DbCluster c = like;
    c.identifier = identifier;
    c.arn = db_cluster_arn(state.region, state.account_id, identifier);
    c.resource_id = "cluster-" + ids.upper_alnum(26);
    c.status = "creating";
    c.create_time = now;
    c.members.clear();
    c.tags.clear();
    c.subnet_group = "default";
    c.security_groups = {default_security_group(state)};
    c.parameter_group.clear();
    c.deletion_protection = false;
    c.copy_tags_to_snapshot = false;
    c.engine_lifecycle_support = "open-source-rds-extended-support";
    c.restored_from_recovery_point.clear();
    c.next_status = "available";
    c.next_status_at = ready;
    if (c.availability_zones.empty()) c.availability_zones = {state.region + "a", state.region + "b", state.region + "c"};
    return c;
}

std::string endpoint_address(const RegionState& state, const std::string& identifier) {
    return fmt::format("{}.{}.{}.rds.amazonaws.com", identifier, host_suffix(state.account_id, state.region), state.region);
}

DbInstance restored_instance(const RegionState& state, IdSource& ids, const DbInstance& like,
                             const std::string& identifier, TimePoint now, TimePoint ready) {
    DbInstance db = like;
    db.identifier = identifier;
    db.arn = db_instance_arn(state.region, state.account_id, identifier);
    db.resource_id = "db-" + ids.upper_alnum(26);
    db.status = "creating";
    db.create_time = now;
    db.cluster_identifier.clear();
    db.tags.clear();
    db.deletion_protection = false;
    db.restored_from_recovery_point.clear();
    // What AWS gives a restored instance unless the request says otherwise:
    // the default network and groups, not the source's.
    db.subnet_group = "default";
    db.security_groups = {default_security_group(state)};
    db.parameter_group.clear();
    db.option_group.clear();
    db.multi_az = false;
    db.copy_tags_to_snapshot = false;
    db.engine_lifecycle_support = "open-source-rds-extended-support";
    db.next_status = "available";
    db.next_status_at = ready;
    db.remove_at_next = false;
    return db;
}

DbInstance instance_like(const RegionState& state, const std::string& identifier) {
    if (auto it = state.db_instances.find(identifier); it != state.db_instances.end()) return it->second;
    DbInstance db;
    db.identifier = identifier;
    db.availability_zone = state.region + "a";
    return db;
}

namespace {

// The fields a snapshot copies from what it was taken of, instance or cluster alike.
template <class Source>
DbSnapshot snapshot_fields(const Source& source, const std::string& identifier, TimePoint at, minutes ready_after) {
    DbSnapshot s;
    s.identifier = identifier;
    s.instance_identifier = source.identifier;
    s.resource_id = source.resource_id;
    s.engine = source.engine;
    s.engine_version = source.engine_version;
    s.allocated_storage = source.allocated_storage;
    s.port = source.port;
    s.master_username = source.master_username;
    s.create_time = at;
    s.instance_create_time = source.create_time;
    s.encrypted = source.encrypted;
    s.kms_key_id = source.kms_key_id;
    s.ready_at = at + ready_after;
    return s;
}

}  // namespace

DbSnapshot snapshot_of(const RegionState& state, const DbInstance& instance, const std::string& identifier, TimePoint at,
                       minutes ready_after) {
    DbSnapshot s = snapshot_fields(instance, identifier, at, ready_after);
    s.arn = db_snapshot_arn(state.region, state.account_id, identifier);
    s.availability_zone = instance.availability_zone;
    return s;
}

DbSnapshot snapshot_of(const RegionState& state, const DbCluster& cluster, const std::string& identifier, TimePoint at,
                       minutes ready_after) {
    DbSnapshot s = snapshot_fields(cluster, identifier, at, ready_after);
    s.arn = cluster_snapshot_arn(state.region, state.account_id, identifier);
    return s;
}

std::vector<DbSnapshot> automated_snapshots(const RegionState& state, const DbInstance& instance, TimePoint now) {
    std::vector<DbSnapshot> out;
    if (!instance.cluster_identifier.empty()) return out;  // Aurora members are backed up by the cluster
    daily_snapshots(instance.create_time, now, window_start_minutes(instance.backup_window), instance.backup_retention,
                    [&](TimePoint at) {
                        auto tt = system_clock::to_time_t(at);
                        std::tm tm{};
                        gmtime_r(&tt, &tm);
                        DbSnapshot s = snapshot_of(state, instance,
                                                   fmt::format("rds:{}-{:04d}-{:02d}-{:02d}-{:02d}-{:02d}", instance.identifier,
                                                               tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min),
                                                   at, minutes(8));
                        s.snapshot_type = "automated";
                        s.status = now >= s.ready_at ? "available" : "creating";
                        out.push_back(std::move(s));
                    });
    return out;
}

std::vector<DbSnapshot> automated_cluster_snapshots(const RegionState& state, const DbCluster& cluster, TimePoint now) {
    std::vector<DbSnapshot> out;
    daily_snapshots(cluster.create_time, now, window_start_minutes(cluster.backup_window), cluster.backup_retention,
                    [&](TimePoint at) {
                        auto tt = system_clock::to_time_t(at);
                        std::tm tm{};
                        gmtime_r(&tt, &tm);
                        DbSnapshot s = snapshot_of(state, cluster,
                                                   fmt::format("rds:{}-{:04d}-{:02d}-{:02d}-{:02d}-{:02d}", cluster.identifier,
                                                               tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min),
                                                   at, minutes(5));
                        s.snapshot_type = "automated";
                        s.status = now >= s.ready_at ? "available" : "creating";
                        out.push_back(std::move(s));
                    });
    return out;
}

std::optional<RestoreWindow> restore_window(const DbInstance& instance, TimePoint now) {
    if (instance.backup_retention <= 0 || !instance.cluster_identifier.empty()) return std::nullopt;
    if (instance.status == "creating") return std::nullopt;
    TimePoint latest = now - kPitrLag;
    TimePoint earliest = std::max(instance.create_time + minutes(10), now - hours(24) * instance.backup_retention);
    if (earliest > latest) return std::nullopt;
    return RestoreWindow{earliest, latest};
}

std::optional<RestoreWindow> cluster_restore_window(const DbCluster& cluster, TimePoint now) {
    if (cluster.backup_retention <= 0 || cluster.status == "creating") return std::nullopt;
    TimePoint latest = now - kPitrLag;
    TimePoint earliest = std::max(cluster.create_time + minutes(10), now - hours(24) * cluster.backup_retention);
    if (earliest > latest) return std::nullopt;
    return RestoreWindow{earliest, latest};
}

}  // namespace vd::sim
