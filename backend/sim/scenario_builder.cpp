#include "backend/sim/scenario_builder.hpp"

#include <fmt/format.h>

#include "backend/sim/arns.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim {

ScenarioBuilder::ScenarioBuilder(World& world, IdSource& ids, TimePoint now) : world_(world), ids_(ids), now_(now) {}

RegionState& ScenarioBuilder::region(const std::string& name, const std::string& account) {
    return world_.region(account.empty() ? world_.default_account : account, name);
}

std::string ScenarioBuilder::role(const std::string& account) const {
    return "arn:aws:iam::" + account + ":role/service-role/AWSBackupDefaultServiceRole";
}

Vault& ScenarioBuilder::vault(RegionState& state, const std::string& name, TimePoint created, bool with_kms_key) {
    Vault v;
    v.name = name;
    v.arn = vault_arn(state.region, state.account_id, name);
    if (with_kms_key) v.encryption_key_arn = kms_key_arn(state.region, state.account_id, ids_.uuid());
    v.creator_request_id = ids_.uuid();
    v.creation = created;
    return state.vaults.insert_or_assign(name, std::move(v)).first->second;
}

void ScenarioBuilder::lock(Vault& vault, int64_t min_days, int64_t max_days, TimePoint lock_date) {
    vault.locked = true;
    vault.min_retention_days = min_days;
    vault.max_retention_days = max_days;
    vault.lock_date = lock_date;
}

Resource& ScenarioBuilder::resource(RegionState& state, const std::string& arn, const std::string& name, int64_t size_gb,
                                    std::map<std::string, std::string> tags) {
    Resource r;
    r.arn = arn;
    r.type = resource_type_of(arn);
    r.name = name;
    r.tags = std::move(tags);
    r.size_bytes = size_gb * (int64_t{1} << 30);
    add_resource(state, std::move(r));
    return state.resources.at(arn);
}

// The region's VPC gains the subnet group and security groups a database uses.
void ScenarioBuilder::network(RegionState& state, const std::string& subnet_group, const std::vector<std::string>& security_groups) {
    if (state.vpc_id.empty()) {
        // Derived from the account and region, so the scenario's random stream is untouched.
        uint64_t h = 14695981039346656037ull;
        for (char c : state.account_id + state.region) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        state.vpc_id = fmt::format("vpc-0{:016x}", h);
    }
    if (!subnet_group.empty()) state.db_subnet_groups.insert(subnet_group);
    state.security_groups.insert(security_groups.begin(), security_groups.end());
}

DbInstance& ScenarioBuilder::db_instance(RegionState& state, DbInstance db) {
    db.arn = db_instance_arn(state.region, state.account_id, db.identifier);
    if (db.resource_id.empty()) db.resource_id = "db-" + ids_.upper_alnum(26);
    if (db.availability_zone.empty()) db.availability_zone = state.region + "a";
    if (db.kms_key_id.empty() && db.encrypted) db.kms_key_id = kms_key_arn(state.region, state.account_id, ids_.uuid());
    if (db.security_groups.empty()) db.security_groups = {"sg-" + ids_.hex(17)};
    network(state, db.subnet_group, db.security_groups);
    return add_db_instance(state, std::move(db));
}

DbCluster& ScenarioBuilder::db_cluster(RegionState& state, DbCluster cluster) {
    cluster.arn = db_cluster_arn(state.region, state.account_id, cluster.identifier);
    if (cluster.resource_id.empty()) cluster.resource_id = "cluster-" + ids_.upper_alnum(26);
    if (cluster.kms_key_id.empty() && cluster.encrypted) cluster.kms_key_id = kms_key_arn(state.region, state.account_id, ids_.uuid());
    cluster.availability_zones = {state.region + "a", state.region + "b", state.region + "c"};
    network(state, cluster.subnet_group, cluster.security_groups);
    Resource r;
    r.arn = cluster.arn;
    r.type = "Aurora";
    r.name = cluster.identifier;
    r.size_bytes = int64_t{60} << 30;
    add_resource(state, std::move(r));
    std::string id = cluster.identifier;
    return state.db_clusters.insert_or_assign(id, std::move(cluster)).first->second;
}

BackupRule ScenarioBuilder::rule(const std::string& name, const std::string& vault, const std::string& cron,
                                 std::optional<int64_t> cold_days, std::optional<int64_t> delete_days) {
    BackupRule r;
    r.id = ids_.uuid();
    r.name = name;
    r.target_vault = vault;
    r.schedule = cron;
    r.timezone = "Etc/UTC";
    r.start_window_minutes = 60;
    r.completion_window_minutes = 180;
    r.lifecycle.cold_after_days = cold_days;
    r.lifecycle.delete_after_days = delete_days;
    return r;
}

BackupPlan& ScenarioBuilder::plan(RegionState& state, const std::string& name, std::vector<BackupRule> rules, TimePoint created) {
    BackupPlan p;
    p.id = ids_.uuid();
    p.arn = plan_arn(state.region, state.account_id, p.id);
    p.name = name;
    p.version_id = ids_.alnum(48);
    p.creator_request_id = ids_.uuid();
    p.creation = created;
    p.rules = std::move(rules);
    (void)schedule_plan(p, created);
    std::string id = p.id;
    return state.plans.emplace(id, std::move(p)).first->second;
}

BackupSelection& ScenarioBuilder::select(BackupPlan& plan, const std::string& name, std::vector<std::string> resources,
                                         std::vector<TagCondition> tags) {
    BackupSelection s;
    s.id = ids_.uuid();
    s.name = name;
    s.iam_role_arn = role(account_of(plan.arn));
    s.resources = std::move(resources);
    s.tags = std::move(tags);
    s.creation = plan.creation;
    s.creator_request_id = ids_.uuid();
    std::string id = s.id;
    return plan.selections.emplace(id, std::move(s)).first->second;
}

Bucket& ScenarioBuilder::bucket(const std::string& account, const std::string& name, const std::string& region, TimePoint created) {
    Bucket b;
    b.name = name;
    b.region = region;
    b.creation = created;
    return world_.buckets[account].insert_or_assign(name, std::move(b)).first->second;
}

void ScenarioBuilder::history(RegionState& state, BackupPlan& plan, TimePoint since, const JobOdds& odds, const Planter& plant) {
    for (auto& rule : plan.rules) {
        if (!rule.cron) continue;
        std::vector<TimePoint> runs;
        for (auto t = rule.cron->next_after(since); t && *t <= now_; t = rule.cron->next_after(*t)) runs.push_back(*t);
        auto creator = creator_of(plan, rule);
        for (size_t k = 0; k < runs.size(); ++k) {
            for (const auto& [resource, role_arn] : selected_resources(state, plan)) {
                BackupJobSpec spec;
                spec.resource = resource;
                spec.vault_name = rule.target_vault;
                spec.iam_role_arn = role_arn;
                spec.created_by = creator;
                spec.lifecycle = rule.lifecycle;
                spec.copy_actions = rule.copy_actions;
                spec.start_window_minutes = rule.start_window_minutes.value_or(480);
                BackupJob job = new_backup_job(state, ids_, spec, runs[k], odds);
                if (plant) plant(job, rule, static_cast<int>(runs.size() - 1 - k));
                bool done = advance_backup_job(world_, state, ids_, job, now_, odds);
                add_backup_job(state, std::move(job), !done);
            }
        }
        if (!runs.empty() && (!plan.last_execution || runs.back() > *plan.last_execution)) plan.last_execution = runs.back();
    }
}

RestoreJob* ScenarioBuilder::past_restore(RegionState& state, const std::string& resource_arn, TimePoint at,
                                          const std::map<std::string, std::string>& metadata, const std::string& testing_plan_arn) {
    const RecoveryPoint* newest = nullptr;
    for (const auto& [name, vault] : state.vaults) {
        for (const auto& [key, rp] : vault.points) {
            if (rp.resource_arn != resource_arn || rp.continuous || rp.creation >= at) continue;
            if (newest == nullptr || rp.creation > newest->creation) newest = &rp;
        }
    }
    if (newest == nullptr) return nullptr;
    RestoreJob job = new_restore_job(state, ids_, *newest, metadata, role(state.account_id), at);
    job.restore_testing_plan_arn = testing_plan_arn;
    if (!testing_plan_arn.empty()) job.cleanup_at = job.ends_at + std::chrono::hours(2);
    bool done = advance_restore_job(world_, state, ids_, job, now_);
    std::string id = job.id;
    add_restore_job(state, std::move(job), !done);
    return find_restore_job(state, id);
}

void ScenarioBuilder::finish(Engine& engine) {
    for (auto& [account, regions] : world_.accounts) {
        for (auto& [name, state] : regions) {
            for (auto& [id, plan] : state.plans) (void)schedule_plan(plan, now_);
            for (auto& [id, plan] : state.restore_testing_plans) (void)schedule_restore_testing_plan(plan, now_);
        }
    }
    engine.settle_at(now_ - std::chrono::milliseconds(1));
    engine.advance_to(now_);
}

}  // namespace vd::sim
