#include "backend/sim/store.hpp"

#include "backend/sim/arns.hpp"
#include "backend/sim/listing.hpp"

namespace vd::sim {
namespace {

constexpr auto kDay = std::chrono::hours(24);

}  // namespace

std::optional<TimePoint> cold_at(const RecoveryPoint& rp) {
    if (rp.continuous || !rp.lifecycle.cold_after_days) return std::nullopt;
    return rp.creation + kDay * *rp.lifecycle.cold_after_days;
}

std::optional<TimePoint> delete_at(const RecoveryPoint& rp) {
    if (rp.continuous || !rp.lifecycle.delete_after_days) return std::nullopt;
    return rp.creation + kDay * *rp.lifecycle.delete_after_days;
}

std::string storage_class(const RecoveryPoint& rp, TimePoint now) {
    auto cold = cold_at(rp);
    return cold && now >= *cold ? "COLD" : "WARM";
}

RecoveryPoint& add_recovery_point(RegionState& state, RecoveryPoint rp) {
    Vault& vault = state.vaults.at(rp.vault_name);
    std::string key = newest_first_key(rp.creation, rp.arn);
    if (auto when = delete_at(rp)) state.deletions.emplace(*when, rp.arn);
    state.point_index[rp.arn] = {rp.vault_name, key};
    if (rp.status == "COMPLETED" || rp.status == "PARTIAL") {
        auto& pr = state.protected_resources[rp.resource_arn];
        if (pr.arn.empty() || pr.last_backup <= rp.creation) {
            pr.arn = rp.resource_arn;
            pr.type = rp.resource_type;
            pr.name = rp.resource_name;
            pr.last_backup = rp.creation;
            pr.last_vault_arn = vault.arn;
            pr.last_recovery_point_arn = rp.arn;
        }
    }
    return vault.points.insert_or_assign(std::move(key), std::move(rp)).first->second;
}

bool remove_recovery_point(RegionState& state, const std::string& arn) {
    auto it = state.point_index.find(arn);
    if (it == state.point_index.end()) return false;
    auto vault = state.vaults.find(it->second.first);
    if (vault != state.vaults.end()) vault->second.points.erase(it->second.second);
    state.point_index.erase(it);
    return true;
}

RecoveryPoint* find_recovery_point(RegionState& state, const std::string& arn, const std::string& vault) {
    auto it = state.point_index.find(arn);
    if (it == state.point_index.end()) return nullptr;
    if (!vault.empty() && it->second.first != vault) return nullptr;
    auto v = state.vaults.find(it->second.first);
    if (v == state.vaults.end()) return nullptr;
    auto p = v->second.points.find(it->second.second);
    return p == v->second.points.end() ? nullptr : &p->second;
}

BackupJob& add_backup_job(RegionState& state, BackupJob job, bool active) {
    std::string key = newest_first_key(job.creation, job.id);
    state.backup_job_index[job.id] = key;
    if (active) state.active_backup_jobs.push_back(job.id);
    return state.backup_jobs.insert_or_assign(std::move(key), std::move(job)).first->second;
}

BackupJob* find_backup_job(RegionState& state, const std::string& id) {
    auto it = state.backup_job_index.find(id);
    if (it == state.backup_job_index.end()) return nullptr;
    auto j = state.backup_jobs.find(it->second);
    return j == state.backup_jobs.end() ? nullptr : &j->second;
}

CopyJob& add_copy_job(RegionState& state, CopyJob job, bool active) {
    std::string key = newest_first_key(job.creation, job.id);
    state.copy_job_index[job.id] = key;
    if (active) state.active_copy_jobs.push_back(job.id);
    return state.copy_jobs.insert_or_assign(std::move(key), std::move(job)).first->second;
}

CopyJob* find_copy_job(RegionState& state, const std::string& id) {
    auto it = state.copy_job_index.find(id);
    if (it == state.copy_job_index.end()) return nullptr;
    auto j = state.copy_jobs.find(it->second);
    return j == state.copy_jobs.end() ? nullptr : &j->second;
}

RestoreJob& add_restore_job(RegionState& state, RestoreJob job, bool active) {
    std::string key = newest_first_key(job.creation, job.id);
    state.restore_job_index[job.id] = key;
    if (active) state.active_restore_jobs.push_back(job.id);
    return state.restore_jobs.insert_or_assign(std::move(key), std::move(job)).first->second;
}

RestoreJob* find_restore_job(RegionState& state, const std::string& id) {
    auto it = state.restore_job_index.find(id);
    if (it == state.restore_job_index.end()) return nullptr;
    auto j = state.restore_jobs.find(it->second);
    return j == state.restore_jobs.end() ? nullptr : &j->second;
}

DbInstance& add_db_instance(RegionState& state, DbInstance db) {
    if (db.cluster_identifier.empty()) {
        Resource r;
        r.arn = db.arn;
        r.type = "RDS";
        r.name = db.identifier;
        for (const auto& [k, v] : db.tags) r.tags[k] = v;
        r.size_bytes = db.allocated_storage * (int64_t{1} << 30) * 2 / 5;
        add_resource(state, std::move(r));
    }
    std::string id = db.identifier;
    return state.db_instances.insert_or_assign(id, std::move(db)).first->second;
}

void remove_db_instance(RegionState& state, const std::string& identifier) {
    auto it = state.db_instances.find(identifier);
    if (it == state.db_instances.end()) return;
    state.resources.erase(it->second.arn);
    state.db_instances.erase(it);
}

void add_resource(RegionState& state, Resource resource) {
    std::string arn = resource.arn;
    state.resources.insert_or_assign(arn, std::move(resource));
}

Vault* find_vault_by_arn(World& world, const std::string& arn, RegionState** owner) {
    RegionState* state = world.find_region(account_of(arn), region_of(arn));
    if (state == nullptr) return nullptr;
    auto it = state->vaults.find(vault_name_of(arn));
    if (it == state->vaults.end() || it->second.arn != arn) return nullptr;
    if (owner != nullptr) *owner = state;
    return &it->second;
}

}  // namespace vd::sim
