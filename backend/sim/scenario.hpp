// Scenarios: the worlds the simulator starts with. Each is deterministic for
// a seed (times are relative to the start time).
//
//   demo   (default) the backup set-ups of typical teams, with planted
//          problems for the health checks to find (demo_planted below)
//   empty  one account, two regions, nothing in them
//   small  a few of each, with exact counts (small_counts) for fast tests
//   large  `scale` recovery points over 24 vaults and hundreds of resources
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "backend/core/result.hpp"
#include "backend/sim/engine.hpp"
#include "backend/sim/ids.hpp"
#include "backend/sim/world.hpp"

namespace vd::sim {

// A problem a scenario put there on purpose, for tests of the health checks.
struct PlantedProblem {
    std::string kind;          // missed-backups, job-running, unprotected-resource, vault-unlocked, ...
    std::string region;
    std::string resource_arn;  // the resource, vault or job it concerns
    std::string detail;        // one line for people
};

struct ScenarioOptions {
    std::string name = "demo";
    uint64_t seed = 42;
    int64_t scale = 0;
    TimePoint now;
};

// Fills an empty world; returns what was planted. An error for an unknown name or a bad scale.
Result<std::vector<PlantedProblem>> build_scenario(World& world, IdSource& ids, Engine& engine, const ScenarioOptions& options);

// The scenario names build_scenario accepts.
const std::vector<std::string>& scenario_names();

// The hostile scenario's names and job message (escape sequences, OSC 52, a
// right-to-left override, a C1 CSI, a line break),
// for tests that check none reaches a terminal raw.
extern const char* const kHostilePlanName;
extern const char* const kHostileVaultName;
extern const char* const kHostileFilesName;
extern const char* const kHostileMessage;

// Exact numbers of the small scenario (account 123456789012), for tests.
struct SmallCounts {
    static constexpr int kVaultsEast = 2;             // small-vault (locked), small-dev-vault
    static constexpr int kVaultsWest = 1;             // small-dr-vault
    static constexpr int kPointsSmallVault = 19;      // 10 daily runs x 2 resources, one FAILED
    static constexpr int kPointsDevVault = 3;         // kept 3 days
    static constexpr int kPointsDrVault = 19;         // copies of small-vault's points
    static constexpr int kBackupJobs = 30;            // 20 + 10
    static constexpr int kFailedBackupJobs = 1;       // fs-small, 2 days ago
    static constexpr int kCopyJobs = 19;
    static constexpr int kRestoreJobs = 1;            // a restore test, validated SUCCESSFUL
    static constexpr int kPlans = 2;                  // small-plan, small-dev-plan
    static constexpr int kProtectedResources = 3;     // small-db, fs-small, small-dev-db
    static constexpr int kDbInstances = 3;            // small-db, small-dev-db, small-aurora-1
    static constexpr int kDbClusters = 1;             // small-aurora
    static constexpr int kManualSnapshotsEast = 1;    // small-db-before-upgrade
    static constexpr int kManualSnapshotsWest = 1;    // its cross-region copy
    static constexpr int kBuckets = 2;                // small-media (lifecycle), small-logs (none)
    static constexpr int kRestoreTestingPlans = 1;
};

}  // namespace vd::sim
