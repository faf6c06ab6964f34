// RDS instances backed by real databases (`sim serve --postgres`): every DB
// instance that is not an Aurora member is a database on the PostgreSQL
// server, and a DB snapshot or AWS Backup recovery point of it is a copy of
// that database (CREATE DATABASE ... TEMPLATE). Restores copy the snapshot's
// database into the new instance's; deleting an instance drops its database.
//
// Names: every database the simulator owns starts with "vdsim_" (it drops
// them all when it starts): "vdsim_db_<instance>" and "vdsim_snap_<snapshot>",
// the identifier lower-cased with every other character than a-z and 0-9 made
// "_" ("prod-db" -> vdsim_db_prod_db, "awsbackup:job-1a2b..." ->
// vdsim_snap_awsbackup_job_1a2b...). Outside the default account's primary
// region an 8-hex hash of account and region follows the kind, and a name
// longer than 63 characters is cut and ends in a hash of the whole.
//
// Snapshots and recovery points taken while the simulator runs copy their
// instance's database when they complete. Those of the scenario's history
// (taken "before" the simulator started) get theirs when first restored,
// copied from their instance's database at that moment.
//
// Every function is a no-op (ok) when the world has no server; all run under
// the world lock.
#pragma once

#include <memory>
#include <string>

#include "backend/core/result.hpp"
#include "backend/sim/pg_server.hpp"
#include "backend/sim/world.hpp"

namespace vd::sim {

inline constexpr const char* kSimDatabasePrefix = "vdsim_";

// The database names of an instance and of a snapshot (or an RDS recovery
// point's snapshot identifier) in one account and region.
std::string instance_database(const World& world, const std::string& account, const std::string& region, const std::string& identifier);
std::string snapshot_database(const World& world, const std::string& account, const std::string& region, const std::string& snapshot_id);

// Where the data of a restore or a new snapshot comes from: a snapshot of an
// instance, or (no snapshot id) the instance's data now.
struct DataSource {
    std::string account;
    std::string region;
    std::string snapshot_id;          // empty: the instance's current data
    std::string instance_account;     // whose database a snapshot without one is copied from
    std::string instance_region;
    std::string instance_identifier;
};

// The source of a DB snapshot (a cross-region copy reads its source's instance).
DataSource snapshot_source(const RegionState& state, const DbSnapshot& snapshot);
// The source of an RDS recovery point (a continuous point: the instance now).
DataSource recovery_point_source(const RegionState& state, const std::string& point_arn, const std::string& resource_arn);
// An instance's data now (point-in-time restores).
DataSource instance_source(const RegionState& state, const std::string& identifier);

// Connects the world to the server: drops the vdsim_ databases left from
// before, then gives every instance an empty database (with the sample
// schema and rows when it has sample_data) and points its endpoint there.
Status attach_postgres(World& world, std::shared_ptr<PgServer> server);

// Gives a new (restored) instance its database, a copy of the source's data,
// and points its endpoint and DBName there.
Status restore_database(World& world, const RegionState& state, DbInstance& db, const DataSource& from);
// Keeps a copy of the source's data as the database of a new snapshot or recovery point.
Status snapshot_data(World& world, const RegionState& state, const std::string& snapshot_id, const DataSource& from);
// Drops an instance's database.
Status drop_instance_database(World& world, const RegionState& state, const DbInstance& db);
// Drops a snapshot's database, if it has one (expired recovery points).
Status drop_snapshot_database(World& world, const RegionState& state, const std::string& snapshot_id);

// The snapshot identifier inside an RDS recovery point's ARN
// ("awsbackup:job-..."), empty for a continuous point.
std::string point_snapshot_id(const std::string& point_arn);

// The sample schema and rows: customers, orders and events.
std::string sample_data_sql();
inline constexpr int kSampleCustomers = 250;
inline constexpr int kSampleOrders = 1000;
inline constexpr int kSampleEvents = 10000;

}  // namespace vd::sim
