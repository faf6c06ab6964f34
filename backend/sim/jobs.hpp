// The life of backup, copy and restore jobs: how a new job is set up (when it
// will start, how long it runs, how it ends) and how it moves along as the
// simulated clock passes, producing recovery points, copies and DB instances.
// The engine drives these for live jobs; scenarios use the same functions to
// write history, so past and present look alike.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "backend/sim/ids.hpp"
#include "backend/sim/world.hpp"

namespace vd::sim {

// How the simulated jobs go wrong, and how often.
struct JobOdds {
    double backup_failure = 0.03;  // FAILED, EXPIRED or ABORTED
    double copy_failure = 0.01;
};

// The CreatedBy block of a plan's rule (cached on the rule).
std::shared_ptr<const CreatedBy> creator_of(const BackupPlan& plan, BackupRule& rule);

// Whether a selection picks this resource (ARN patterns or tags, minus NotResources).
bool selection_selects(const BackupSelection& selection, const Resource& resource);
// Every resource in the region that one of the plan's selections picks, with the selection's role.
std::vector<std::pair<const Resource*, std::string>> selected_resources(const RegionState& state, const BackupPlan& plan);

// The ARN a new recovery point of this resource type gets.
std::string new_recovery_point_arn(const RegionState& state, IdSource& ids, const std::string& resource_type);

struct BackupJobSpec {
    const Resource* resource = nullptr;
    std::string vault_name;
    std::string iam_role_arn;
    std::shared_ptr<const CreatedBy> created_by;
    Lifecycle lifecycle;
    std::vector<CopyAction> copy_actions;
    int64_t start_window_minutes = 480;
    std::string idempotency_token;
};

// A new backup job CREATED at `at`, with its start, duration and ending
// decided now (from the odds). The caller adds it with add_backup_job.
BackupJob new_backup_job(const RegionState& state, IdSource& ids, const BackupJobSpec& spec, TimePoint at, const JobOdds& odds);
// Forces the ending of a job (scenarios plant problems with it).
void set_outcome(BackupJob& job, const std::string& state, const std::string& message, const std::string& category);

// Moves a job to time now; returns true once it has reached its final state.
bool advance_backup_job(World& world, RegionState& state, IdSource& ids, BackupJob& job, TimePoint now, const JobOdds& odds);
bool advance_copy_job(World& world, RegionState& state, IdSource& ids, CopyJob& job, TimePoint now);
bool advance_restore_job(World& world, RegionState& state, IdSource& ids, RestoreJob& job, TimePoint now);

// A new restore job for a recovery point, PENDING at `at`.
RestoreJob new_restore_job(const RegionState& state, IdSource& ids, const RecoveryPoint& point,
                           const std::map<std::string, std::string>& metadata, const std::string& iam_role_arn, TimePoint at);

// "42.17%" for a running job between start and end at time now.
std::string percent_done(TimePoint start, TimePoint end, TimePoint now);

}  // namespace vd::sim
