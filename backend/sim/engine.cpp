#include "backend/sim/engine.hpp"

#include <algorithm>

#include "backend/sim/arns.hpp"
#include "backend/sim/postgres_backing.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim {
namespace {

// At most this many runs of one schedule are made up in one step (a huge --speed).
constexpr int kMaxCatchUp = 500;

// Removes finished ids from an active list.
template <class Done>
void compact(std::vector<std::string>& ids, Done done) {
    ids.erase(std::remove_if(ids.begin(), ids.end(), done), ids.end());
}

}  // namespace

Engine::Engine(World& world, IdSource& ids, JobOdds odds) : world_(world), ids_(ids), odds_(odds) {}

void Engine::settle_at(TimePoint now) { current_ = now; }

void Engine::advance_to(TimePoint now) {
    if (now <= current_) return;
    for (auto& [account, regions] : world_.accounts) {
        for (auto& [name, state] : regions) {
            run_schedules(state, now);
            advance_jobs(state, now);
            apply_lifecycle(state, now);
            advance_rds(state, now);
        }
    }
    current_ = now;
}

void Engine::run_schedules(RegionState& state, TimePoint now) {
    for (auto& [id, plan] : state.plans) {
        for (auto& rule : plan.rules) {
            for (int n = 0; rule.cron && rule.next_run && *rule.next_run <= now && n < kMaxCatchUp; ++n) {
                TimePoint at = *rule.next_run;
                run_plan_rule(state, plan, rule, at);
                rule.next_run = rule.cron->next_after(at);
            }
        }
    }
    for (auto& [name, plan] : state.restore_testing_plans) {
        for (int n = 0; plan.cron && plan.next_run && *plan.next_run <= now && n < kMaxCatchUp; ++n) {
            TimePoint at = *plan.next_run;
            run_restore_test(state, plan, at);
            plan.next_run = plan.cron->next_after(at);
        }
    }
}

void Engine::run_plan_rule(RegionState& state, BackupPlan& plan, BackupRule& rule, TimePoint at) {
    if (state.vaults.count(rule.target_vault) == 0) return;
    auto creator = creator_of(plan, rule);
    for (const auto& [resource, role] : selected_resources(state, plan)) {
        BackupJobSpec spec;
        spec.resource = resource;
        spec.vault_name = rule.target_vault;
        spec.iam_role_arn = role;
        spec.created_by = creator;
        spec.lifecycle = rule.lifecycle;
        spec.copy_actions = rule.copy_actions;
        spec.start_window_minutes = rule.start_window_minutes.value_or(480);
        add_backup_job(state, new_backup_job(state, ids_, spec, at, odds_), true);
    }
    plan.last_execution = at;
}

void Engine::run_restore_test(RegionState& state, RestoreTestingPlan& plan, TimePoint at) {
    plan.last_execution = at;
    for (const auto& resource_arn : plan.protected_resource_arns) {
        const RecoveryPoint* newest = nullptr;
        for (const auto& [vault_name, vault] : state.vaults) {
            bool included = plan.include_vaults.empty() ||
                            std::any_of(plan.include_vaults.begin(), plan.include_vaults.end(),
                                        [&vault = vault, &vault_name = vault_name](const std::string& v) { return v == "*" || v == vault.arn || v == vault_name; });
            if (!included) continue;
            for (const auto& [key, rp] : vault.points) {
                if (rp.resource_arn != resource_arn || rp.continuous || rp.status != "COMPLETED") continue;
                if (rp.creation > at || rp.creation < at - std::chrono::hours(24) * plan.selection_window_days) continue;
                if (newest == nullptr || rp.creation > newest->creation) newest = &rp;
            }
        }
        if (newest == nullptr) continue;
        std::map<std::string, std::string> metadata;
        if (newest->resource_type == "RDS") metadata["DBInstanceIdentifier"] = "awsbackup-restore-test-" + ids_.hex(8);
        if (newest->resource_type == "Aurora") metadata["DBClusterIdentifier"] = "awsbackup-restore-test-" + ids_.hex(8);
        RestoreJob job = new_restore_job(state, ids_, *newest, metadata, role_arn(state.account_id, "AWSBackupDefaultServiceRole"), at);
        job.restore_testing_plan_arn = plan.arn;
        job.cleanup_at = job.ends_at + std::chrono::hours(2);
        add_restore_job(state, std::move(job), true);
    }
}

void Engine::advance_jobs(RegionState& state, TimePoint now) {
    compact(state.active_backup_jobs, [&](const std::string& id) {
        BackupJob* job = find_backup_job(state, id);
        return job == nullptr || advance_backup_job(world_, state, ids_, *job, now, odds_);
    });
    compact(state.active_copy_jobs, [&](const std::string& id) {
        CopyJob* job = find_copy_job(state, id);
        return job == nullptr || advance_copy_job(world_, state, ids_, *job, now);
    });
    compact(state.active_restore_jobs, [&](const std::string& id) {
        RestoreJob* job = find_restore_job(state, id);
        return job == nullptr || advance_restore_job(world_, state, ids_, *job, now);
    });
}

void Engine::apply_lifecycle(RegionState& state, TimePoint now) {
    while (!state.deletions.empty() && state.deletions.begin()->first <= now) {
        auto node = state.deletions.extract(state.deletions.begin());
        RecoveryPoint* rp = find_recovery_point(state, node.mapped());
        if (rp == nullptr) continue;
        Vault& vault = state.vaults.at(rp->vault_name);
        // A locked vault keeps points until their minimum retention has passed.
        if (vault.locked && vault.min_retention_days &&
            rp->creation + std::chrono::hours(24) * *vault.min_retention_days > now) {
            continue;
        }
        // A database that cannot be dropped now is dropped when the simulator next starts.
        if (rp->resource_type == "RDS") (void)drop_snapshot_database(world_, state, point_snapshot_id(rp->arn));
        remove_recovery_point(state, node.mapped());
    }
}

void Engine::advance_rds(RegionState& state, TimePoint now) {
    for (auto it = state.db_instances.begin(); it != state.db_instances.end();) {
        DbInstance& db = it->second;
        if (!db.next_status.empty() && now >= db.next_status_at) {
            if (db.remove_at_next) {
                if (auto c = state.db_clusters.find(db.cluster_identifier); c != state.db_clusters.end()) {
                    std::erase_if(c->second.members, [&](const DbClusterMember& m) { return m.instance_identifier == db.identifier; });
                }
                state.resources.erase(db.arn);
                it = state.db_instances.erase(it);
                continue;
            }
            db.status = db.next_status;
            db.next_status.clear();
        }
        ++it;
    }
    for (auto it = state.db_clusters.begin(); it != state.db_clusters.end();) {
        DbCluster& cluster = it->second;
        if (!cluster.next_status.empty() && now >= cluster.next_status_at) {
            if (cluster.remove_at_next) {
                state.resources.erase(cluster.arn);
                it = state.db_clusters.erase(it);
                continue;
            }
            cluster.status = cluster.next_status;
            cluster.next_status.clear();
        }
        ++it;
    }
    for (auto& [id, snap] : state.db_snapshots) {
        if (snap.status != "available" && now >= snap.ready_at) snap.status = "available";
    }
    for (auto& [id, snap] : state.cluster_snapshots) {
        if (snap.status != "available" && now >= snap.ready_at) snap.status = "available";
    }
}

Status schedule_plan(BackupPlan& plan, TimePoint from) {
    for (auto& rule : plan.rules) {
        if (rule.schedule.empty()) continue;
        auto cron = parse_cron(rule.schedule, rule.timezone);
        if (!cron) {
            Error e = cron.error();
            e.message = "rule " + rule.name + ": " + e.message;
            return e;
        }
        rule.cron = *cron;
        rule.next_run = rule.cron->next_after(from);
    }
    return ok_status();
}

Status schedule_restore_testing_plan(RestoreTestingPlan& plan, TimePoint from) {
    auto cron = parse_cron(plan.schedule, plan.timezone);
    if (!cron) return cron.error();
    plan.cron = *cron;
    plan.next_run = plan.cron->next_after(from);
    return ok_status();
}

}  // namespace vd::sim
