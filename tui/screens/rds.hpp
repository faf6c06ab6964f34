// Screen 6, RDS: DB instances and clusters with their point-in-time
// restore windows and backup settings, and under the selected one its
// native snapshots (automated, manual, awsbackup) and cross-region copies.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tui/screens/screen.hpp"

namespace vd::tui {

// One instance or cluster as the RDS screen lists it.
struct RdsDatabase {
    std::string identifier;
    std::string arn;
    std::string kind;  // instance, cluster
    std::string engine;
    std::string status;
    std::string region;
    std::int64_t retention_days = 0;
    std::string backup_window;
    std::optional<model::PitrWindow> pitr;
    bool encrypted = false;
    std::string cluster;  // the cluster an instance belongs to (its PITR window is the cluster's)
};

// The databases in scope.
std::vector<RdsDatabase> rds_databases(const ScreenContext& ctx);

// The snapshots of a database in every region in scope (copies included),
// newest first.
std::vector<const model::DbSnapshot*> rds_snapshots(const ScreenContext& ctx, const RdsDatabase& db);

std::unique_ptr<Screen> make_rds_screen();

// The ways to restore a database, each opening its wizard with the source
// and region chosen: point in time (with the window), the newest snapshot,
// the newest DR-region copy, an AWS Backup recovery point.
// The restore-from-snapshot wizard of one snapshot, in the snapshot's region
// (a DR copy restores in the DR region).
WizardRequest snapshot_restore(const ScreenContext& ctx, const RdsDatabase& db, const model::DbSnapshot& snapshot);

DialogRequest restore_choices(const ScreenContext& ctx, const RdsDatabase& db,
                              const std::vector<const model::DbSnapshot*>& snapshots);

}  // namespace vd::tui
