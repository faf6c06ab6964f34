#include "backend/sim/jobs.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "backend/sim/arns.hpp"
#include "backend/sim/postgres_backing.hpp"
#include "backend/sim/rds_ops.hpp"
#include "backend/sim/restore_metadata.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim {
namespace {

using std::chrono::minutes;

struct Failure {
    const char* state;
    const char* category;
    const char* message;  // fmt pattern, {0} = resource name, {1} = start window minutes
};

// Realistic endings of failed jobs, by resource type ("" = any type).
struct TypedFailure {
    const char* type;
    Failure failure;
};

const TypedFailure kFailures[] = {
    {"RDS", {"FAILED", "InvalidResourceState",
             "Backup job could not start because it is either inside or too close to the automated backup window "
             "configured in RDS instance {0}."}},
    {"RDS", {"FAILED", "InvalidResourceState",
             "DB instance {0} is in state 'storage-optimization' and cannot be backed up now. The job will be retried "
             "at the next scheduled run."}},
    {"Aurora", {"FAILED", "InvalidResourceState",
                "Aurora cluster {0} is being modified; a cluster snapshot cannot be taken until the modification "
                "completes."}},
    {"EFS", {"FAILED", "AWSServiceError",
             "An internal error occurred while backing up file system {0}. Retry the backup job."}},
    {"", {"FAILED", "AccessDenied",
          "Insufficient privileges to perform this action. Check that the IAM role used by the backup plan has "
          "the AWSBackupServiceRolePolicyForBackup policy attached."}},
    {"", {"EXPIRED", "Expired",
          "Backup job could not start within the start window of {1} minutes; it expired before it ran."}},
    {"", {"ABORTED", "Aborted", "Backup job was stopped by the user."}},
};

// Picks an ending for a job that goes wrong.
Failure pick_failure(IdSource& ids, const std::string& type) {
    std::vector<const Failure*> fits;
    for (const auto& f : kFailures) {
        if (f.type[0] == '\0' || type == f.type) fits.push_back(&f.failure);
    }
    return *fits[static_cast<size_t>(ids.range(0, static_cast<int64_t>(fits.size()) - 1))];
}

// How long a backup of this type and size runs, in minutes.
int64_t backup_minutes(IdSource& ids, const std::string& type, int64_t size_bytes) {
    int64_t gb = std::max<int64_t>(1, size_bytes >> 30);
    int64_t base = type == "EFS" ? 15 : type == "S3" ? 10 : type == "Aurora" ? 4 : 6;
    return base + gb / 25 + ids.range(0, 8);
}

// Finds a DB cluster or instance name for a restored Aurora or RDS resource.
std::string metadata_value(const std::map<std::string, std::string>& metadata, const char* key) {
    auto it = metadata.find(key);
    return it == metadata.end() ? std::string{} : it->second;
}

}  // namespace

std::shared_ptr<const CreatedBy> creator_of(const BackupPlan& plan, BackupRule& rule) {
    if (!rule.creator || rule.creator->plan_version != plan.version_id) {
        auto c = std::make_shared<CreatedBy>();
        c->plan_id = plan.id;
        c->plan_arn = plan.arn;
        c->plan_name = plan.name;
        c->plan_version = plan.version_id;
        c->rule_id = rule.id;
        c->rule_name = rule.name;
        c->rule_cron = rule.schedule;
        c->rule_timezone = rule.timezone.empty() ? "Etc/UTC" : rule.timezone;
        rule.creator = std::move(c);
    }
    return rule.creator;
}

bool selection_selects(const BackupSelection& selection, const Resource& resource) {
    for (const auto& pattern : selection.not_resources) {
        if (wildcard_match(pattern, resource.arn)) return false;
    }
    for (const auto& pattern : selection.resources) {
        if (wildcard_match(pattern, resource.arn)) return true;
    }
    for (const auto& tag : selection.tags) {
        auto it = resource.tags.find(tag.key);
        if (it != resource.tags.end() && it->second == tag.value) return true;
    }
    return false;
}

std::vector<std::pair<const Resource*, std::string>> selected_resources(const RegionState& state, const BackupPlan& plan) {
    std::vector<std::pair<const Resource*, std::string>> out;
    for (const auto& [arn, resource] : state.resources) {
        for (const auto& [id, selection] : plan.selections) {
            if (selection_selects(selection, resource)) {
                out.emplace_back(&resource, selection.iam_role_arn);
                break;
            }
        }
    }
    return out;
}

std::string new_recovery_point_arn(const RegionState& state, IdSource& ids, const std::string& resource_type) {
    if (resource_type == "RDS") {
        return fmt::format("arn:aws:rds:{}:{}:snapshot:awsbackup:job-{}", state.region, state.account_id, ids.uuid());
    }
    if (resource_type == "Aurora") {
        return fmt::format("arn:aws:rds:{}:{}:cluster-snapshot:awsbackup:job-{}", state.region, state.account_id, ids.uuid());
    }
    return fmt::format("arn:aws:backup:{}:{}:recovery-point:{}", state.region, state.account_id, ids.uuid(true));
}

BackupJob new_backup_job(const RegionState& state, IdSource& ids, const BackupJobSpec& spec, TimePoint at, const JobOdds& odds) {
    const Resource& r = *spec.resource;
    BackupJob job;
    job.id = ids.uuid(true);
    job.vault_name = spec.vault_name;
    job.vault_arn = vault_arn(state.region, state.account_id, spec.vault_name);
    job.recovery_point_arn = new_recovery_point_arn(state, ids, r.type);
    job.resource_arn = r.arn;
    job.resource_type = r.type;
    job.resource_name = r.name;
    job.created_by = spec.created_by;
    job.iam_role_arn = spec.iam_role_arn;
    job.creation = at;
    job.start_by = at + minutes(spec.start_window_minutes);
    job.size_bytes = r.size_bytes + ids.range(0, std::max<int64_t>(1, r.size_bytes / 20));
    job.lifecycle = spec.lifecycle;
    job.idempotency_token = spec.idempotency_token;
    job.runs_at = at + minutes(ids.range(1, 12));
    job.ends_at = job.runs_at + minutes(backup_minutes(ids, r.type, job.size_bytes));
    for (const auto& action : spec.copy_actions) job.copy_to.emplace_back(action.destination_vault_arn, action.lifecycle);
    if (ids.chance(odds.backup_failure)) {
        Failure f = pick_failure(ids, r.type);
        set_outcome(job, f.state, fmt::format(fmt::runtime(f.message), r.name, spec.start_window_minutes), f.category);
    }
    return job;
}

void set_outcome(BackupJob& job, const std::string& state, const std::string& message, const std::string& category) {
    job.outcome = state;
    job.outcome_message = message;
    job.outcome_category = category;
    if (state == "EXPIRED") job.runs_at = job.start_by;
    if (state == "FAILED" || state == "ABORTED") job.ends_at = job.runs_at + (job.ends_at - job.runs_at) / 3;
}

bool advance_backup_job(World& world, RegionState& state, IdSource& ids, BackupJob& job, TimePoint now, const JobOdds& odds) {
    if (job.state == "CREATED" && job.outcome == "EXPIRED") {
        if (now < job.start_by) return false;
        job.state = "EXPIRED";
        job.completion = job.start_by;
        job.status_message = job.outcome_message;
        job.message_category = job.outcome_category;
        return true;
    }
    if (job.state == "CREATED" && now >= job.runs_at) job.state = "RUNNING";
    if (job.state != "RUNNING" || now < job.ends_at) return job.state != "CREATED" && job.state != "RUNNING";
    job.state = job.outcome;
    job.completion = job.ends_at;
    job.status_message = job.outcome_message;
    job.message_category = job.outcome_category;
    if (job.state != "COMPLETED") return true;
    if (state.vaults.count(job.vault_name) == 0) return true;
    if (job.resource_type == "RDS") {
        auto copied = snapshot_data(world, state, point_snapshot_id(job.recovery_point_arn), instance_source(state, job.resource_name));
        if (!copied) {
            job.state = "FAILED";
            job.status_message = "Backup job failed: " + copied.error().message;
            job.message_category = "AWSServiceError";
            return true;
        }
    }
    RecoveryPoint rp;
    rp.arn = job.recovery_point_arn;
    rp.vault_name = job.vault_name;
    rp.resource_arn = job.resource_arn;
    rp.resource_type = job.resource_type;
    rp.resource_name = job.resource_name;
    rp.created_by = job.created_by;
    rp.iam_role_arn = job.iam_role_arn;
    rp.creation = job.runs_at;
    rp.completion = job.ends_at;
    rp.size_bytes = job.size_bytes;
    rp.lifecycle = job.lifecycle;
    rp.encryption_key_arn = state.vaults.at(job.vault_name).encryption_key_arn;
    rp.backup_job_id = job.id;
    add_recovery_point(state, rp);
    for (const auto& [destination, lifecycle] : job.copy_to) {
        CopyJob copy;
        copy.id = ids.uuid(true);
        copy.source_vault_arn = job.vault_arn;
        copy.source_recovery_point_arn = rp.arn;
        copy.destination_vault_arn = destination;
        copy.resource_arn = rp.resource_arn;
        copy.resource_type = rp.resource_type;
        copy.resource_name = rp.resource_name;
        copy.created_by = rp.created_by;
        copy.created_by_backup_job_id = job.id;
        copy.iam_role_arn = job.iam_role_arn;
        copy.creation = job.ends_at + minutes(ids.range(1, 3));
        copy.size_bytes = rp.size_bytes;
        copy.lifecycle = lifecycle;
        copy.runs_at = copy.creation + minutes(ids.range(1, 4));
        copy.ends_at = copy.runs_at + minutes(ids.range(6, 25));
        RegionState* destination_state = nullptr;
        if (find_vault_by_arn(world, destination, &destination_state) != nullptr) {
            copy.destination_recovery_point_arn = new_recovery_point_arn(*destination_state, ids, rp.resource_type);
        }
        if (ids.chance(odds.copy_failure)) {
            copy.outcome = "FAILED";
            copy.outcome_message = "Copy job failed because the destination backup vault's encryption key is not "
                                   "accessible from the source account.";
            copy.outcome_category = "AccessDenied";
        }
        bool done = advance_copy_job(world, state, ids, copy, now);
        add_copy_job(state, std::move(copy), !done);
    }
    return true;
}

bool advance_copy_job(World& world, RegionState& state, IdSource& ids, CopyJob& job, TimePoint now) {
    if (job.state == "CREATED" && now >= job.runs_at) job.state = "RUNNING";
    if (job.state != "RUNNING" || now < job.ends_at) return job.state != "CREATED" && job.state != "RUNNING";
    RegionState* destination_state = nullptr;
    Vault* destination = find_vault_by_arn(world, job.destination_vault_arn, &destination_state);
    job.completion = job.ends_at;
    if (destination == nullptr && job.outcome == "COMPLETED") {
        job.outcome = "FAILED";
        job.outcome_message = "Backup vault " + job.destination_vault_arn + " does not exist.";
        job.outcome_category = "InvalidParameters";
    }
    job.state = job.outcome;
    job.status_message = job.outcome_message;
    job.message_category = job.outcome_category;
    if (job.state != "COMPLETED") return true;
    if (job.destination_recovery_point_arn.empty()) {
        job.destination_recovery_point_arn = new_recovery_point_arn(*destination_state, ids, job.resource_type);
    }
    if (job.resource_type == "RDS") {
        auto copied = snapshot_data(world, *destination_state, point_snapshot_id(job.destination_recovery_point_arn),
                                    recovery_point_source(state, job.source_recovery_point_arn, job.resource_arn));
        if (!copied) {
            job.state = "FAILED";
            job.status_message = "Copy job failed: " + copied.error().message;
            job.message_category = "AWSServiceError";
            return true;
        }
    }
    RecoveryPoint rp;
    rp.arn = job.destination_recovery_point_arn;
    rp.vault_name = destination->name;
    rp.source_vault_arn = job.source_vault_arn;
    rp.resource_arn = job.resource_arn;
    rp.resource_type = job.resource_type;
    rp.resource_name = job.resource_name;
    rp.created_by = job.created_by;
    rp.iam_role_arn = job.iam_role_arn;
    rp.creation = job.runs_at;
    rp.completion = job.ends_at;
    rp.size_bytes = job.size_bytes;
    rp.lifecycle = job.lifecycle;
    rp.encryption_key_arn = destination->encryption_key_arn;
    add_recovery_point(*destination_state, rp);
    return true;
}

RestoreJob new_restore_job(const RegionState& state, IdSource& ids, const RecoveryPoint& point,
                           const std::map<std::string, std::string>& metadata, const std::string& iam_role_arn, TimePoint at) {
    RestoreJob job;
    job.id = ids.uuid(true);
    job.recovery_point_arn = point.arn;
    job.source_resource_arn = point.resource_arn;
    job.vault_arn = vault_arn(state.region, state.account_id, point.vault_name);
    job.resource_type = point.resource_type;
    job.iam_role_arn = iam_role_arn;
    job.creation = at;
    job.recovery_point_creation = point.creation;
    job.size_bytes = point.size_bytes;
    job.metadata = metadata;
    int64_t gb = std::max<int64_t>(1, point.size_bytes >> 30);
    job.expected_minutes = 8 + gb / 20 + ids.range(0, 6);
    job.runs_at = at + minutes(1);
    job.ends_at = job.runs_at + minutes(job.expected_minutes);
    if (point.resource_type == "RDS") job.target_identifier = metadata_value(metadata, "DBInstanceIdentifier");
    if (point.resource_type == "Aurora") job.target_identifier = metadata_value(metadata, "DBClusterIdentifier");
    return job;
}

bool advance_restore_job(World& world, RegionState& state, IdSource& ids, RestoreJob& job, TimePoint now) {
    if (job.status == "PENDING" && now >= job.runs_at) {
        job.status = "RUNNING";
        if (job.resource_type == "RDS") {
            if (state.db_instances.count(job.target_identifier) > 0) {
                job.status = "FAILED";
                job.completion = job.runs_at;
                job.status_message = "Failed to restore the RDS instance: DB instance " + job.target_identifier +
                                     " already exists (DBInstanceAlreadyExists). Choose a new DBInstanceIdentifier.";
                return true;
            }
            DbInstance like = instance_like(state, resource_name_of(job.source_resource_arn));
            if (auto cls = metadata_value(job.metadata, "DBInstanceClass"); !cls.empty()) like.instance_class = cls;
            if (auto az = metadata_value(job.metadata, "AvailabilityZone"); !az.empty()) like.availability_zone = az;
            like.backup_retention = like.backup_retention > 0 ? like.backup_retention : 1;
            DbInstance db = restored_instance(state, ids, like, job.target_identifier, job.runs_at, job.ends_at);
            apply_instance_metadata(job.metadata, db);
            db.restored_from_recovery_point = job.recovery_point_arn;
            auto copied = restore_database(world, state, db, recovery_point_source(state, job.recovery_point_arn, job.source_resource_arn));
            if (!copied) {
                job.status = "FAILED";
                job.completion = job.runs_at;
                job.status_message = "Failed to restore the RDS instance: " + copied.error().message;
                return true;
            }
            add_db_instance(state, std::move(db));
        } else if (job.resource_type == "Aurora") {
            if (state.db_clusters.count(job.target_identifier) > 0) {
                job.status = "FAILED";
                job.completion = job.runs_at;
                job.status_message = "Failed to restore the Aurora cluster: DB cluster " + job.target_identifier +
                                     " already exists (DBClusterAlreadyExistsFault).";
                return true;
            }
            DbCluster like;
            if (auto it = state.db_clusters.find(resource_name_of(job.source_resource_arn)); it != state.db_clusters.end()) {
                like = it->second;
            }
            DbCluster cluster = restored_cluster(state, ids, like, job.target_identifier, job.runs_at, job.runs_at);
            cluster.status = "available";
            cluster.next_status.clear();
            cluster.restored_from_recovery_point = job.recovery_point_arn;
            apply_cluster_metadata(job.metadata, cluster);
            state.db_clusters[cluster.identifier] = std::move(cluster);
        }
    }
    if (job.status == "RUNNING" && now >= job.ends_at) {
        job.status = job.outcome;
        job.status_message = job.outcome_message;
        job.completion = job.ends_at;
        if (job.resource_type == "RDS") {
            job.created_resource_arn = db_instance_arn(state.region, state.account_id, job.target_identifier);
        } else if (job.resource_type == "Aurora") {
            job.created_resource_arn = db_cluster_arn(state.region, state.account_id, job.target_identifier);
        } else if (job.resource_type == "EFS") {
            job.created_resource_arn = efs_arn(state.region, state.account_id, "fs-" + ids.hex(17));
        } else {
            job.created_resource_arn = job.source_resource_arn;
        }
    }
    if (job.status == "COMPLETED" && job.cleanup_at && now >= *job.cleanup_at && job.deletion_status.empty()) {
        job.deletion_status = "SUCCESSFUL";
        job.deletion_message = "The restored resource was deleted after the validation window.";
        if (job.resource_type == "RDS") {
            auto it = state.db_instances.find(job.target_identifier);
            Status dropped = it == state.db_instances.end() ? ok_status() : drop_instance_database(world, state, it->second);
            if (dropped) {
                remove_db_instance(state, job.target_identifier);
            } else {
                job.deletion_status = "FAILED";
                job.deletion_message = "The restored resource could not be deleted: " + dropped.error().message;
            }
        }
        if (job.resource_type == "Aurora") state.db_clusters.erase(job.target_identifier);
    }
    bool waiting_for_cleanup = job.status == "COMPLETED" && job.cleanup_at && job.deletion_status.empty();
    return job.status != "PENDING" && job.status != "RUNNING" && !waiting_for_cleanup;
}

std::string percent_done(TimePoint start, TimePoint end, TimePoint now) {
    if (now <= start) return "0.00%";
    if (now >= end || end <= start) return "100.00%";
    double fraction = std::chrono::duration<double>(now - start) / std::chrono::duration<double>(end - start);
    return fmt::format("{:.2f}%", fraction * 100.0);
}

}  // namespace vd::sim
