// Helpers the scenarios build their worlds with: vaults, resources, DB
// instances, plans with rules and selections, and history written by
// running the plans' schedules over the past through the real job code.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "backend/sim/engine.hpp"
#include "backend/sim/ids.hpp"
#include "backend/sim/jobs.hpp"
#include "backend/sim/scenario.hpp"
#include "backend/sim/world.hpp"

namespace vd::sim {

class ScenarioBuilder {
public:
    ScenarioBuilder(World& world, IdSource& ids, TimePoint now);

    TimePoint now() const { return now_; }
    IdSource& ids() { return ids_; }
    World& world() { return world_; }
    RegionState& region(const std::string& name, const std::string& account = {});

    Vault& vault(RegionState& state, const std::string& name, TimePoint created, bool with_kms_key = true);
    void lock(Vault& vault, int64_t min_days, int64_t max_days, TimePoint lock_date);
    Resource& resource(RegionState& state, const std::string& arn, const std::string& name, int64_t size_gb,
                       std::map<std::string, std::string> tags = {});
    DbInstance& db_instance(RegionState& state, DbInstance db);
    DbCluster& db_cluster(RegionState& state, DbCluster cluster);
    void network(RegionState& state, const std::string& subnet_group, const std::vector<std::string>& security_groups);
    // A rule with the given cron and lifecycle; more fields can be set on the result.
    BackupRule rule(const std::string& name, const std::string& vault, const std::string& cron,
                    std::optional<int64_t> cold_days, std::optional<int64_t> delete_days);
    BackupPlan& plan(RegionState& state, const std::string& name, std::vector<BackupRule> rules, TimePoint created);
    BackupSelection& select(BackupPlan& plan, const std::string& name, std::vector<std::string> resources,
                            std::vector<TagCondition> tags = {});
    Bucket& bucket(const std::string& account, const std::string& name, const std::string& region, TimePoint created);

    // Decides, before it runs, how a past job ends (may call set_outcome);
    // `n_from_end` is 0 for the rule's last run before now.
    using Planter = std::function<void(BackupJob& job, const BackupRule& rule, int n_from_end)>;
    // Runs every rule of the plan at each of its cron times from `since` to now.
    void history(RegionState& state, BackupPlan& plan, TimePoint since, const JobOdds& odds, const Planter& plant = {});
    // A finished restore job of the newest point of a resource before `at`; null when there is none.
    RestoreJob* past_restore(RegionState& state, const std::string& resource_arn, TimePoint at,
                             const std::map<std::string, std::string>& metadata, const std::string& testing_plan_arn);
    // Schedules every plan and restore testing plan from now and lets the
    // engine apply lifecycle and settle transitional states.
    void finish(Engine& engine);

    std::string role(const std::string& account) const;

private:
    World& world_;
    IdSource& ids_;
    TimePoint now_;
};

Result<std::vector<PlantedProblem>> build_demo(ScenarioBuilder& b);
Result<std::vector<PlantedProblem>> build_small(ScenarioBuilder& b);
Result<std::vector<PlantedProblem>> build_large(ScenarioBuilder& b, int64_t scale);
Result<std::vector<PlantedProblem>> build_hostile(ScenarioBuilder& b);

}  // namespace vd::sim
