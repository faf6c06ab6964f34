// The sample snapshot.
#include "console/support/sample_snapshot.hpp"

#include <fmt/format.h>

#include "backend/core/time_format.hpp"

namespace vd::testing {

using namespace std::chrono_literals;

namespace {

const char* kAccount = "111122223333";
const char* kVault = "arn:aws:backup:eu-central-1:111122223333:backup-vault:prod-vault";
const char* kDrVault = "arn:aws:backup:us-east-1:111122223333:backup-vault:prod-dr-vault";
const char* kOrders = "arn:aws:rds:eu-central-1:111122223333:db:orders-db";
const char* kUsers = "arn:aws:rds:eu-central-1:111122223333:db:users-db";

// A recovery point of an RDS instance created at `t` by a rule.
model::RecoveryPoint point(const std::string& resource, const std::string& name, TimePoint t,
                           const std::string& rule, int cold_days, int delete_days, std::uint64_t size) {
    model::RecoveryPoint rp;
    rp.origin = {kAccount, "eu-central-1"};
    rp.arn = fmt::format("arn:aws:rds:eu-central-1:111122223333:snapshot:awsbackup:job-{}-{}", name,
                         to_epoch_seconds(t));
    rp.vault_name = "prod-vault";
    rp.vault_arn = kVault;
    rp.resource_arn = resource;
    rp.resource_type = "RDS";
    rp.resource_name = name;
    rp.status = "COMPLETED";
    rp.creation_date = t;
    rp.completion_date = t + 12min;
    rp.backup_size_bytes = static_cast<std::int64_t>(size);
    if (cold_days > 0) rp.lifecycle.move_to_cold_storage_after_days = cold_days;
    rp.lifecycle.delete_after_days = delete_days;
    if (cold_days > 0) rp.calculated.move_to_cold_storage_at = t + std::chrono::hours(24 * cold_days);
    rp.calculated.delete_at = t + std::chrono::hours(24 * delete_days);
    rp.storage_class = cold_days > 0 && sample_now() >= *rp.calculated.move_to_cold_storage_at ? "COLD" : "WARM";
    rp.encrypted = true;
    rp.encryption_key_arn = "arn:aws:kms:eu-central-1:111122223333:key/1111-2222";
    rp.iam_role_arn = "arn:aws:iam::111122223333:role/AWSBackupDefaultServiceRole";
    rp.backup_plan_id = "plan-prod-db";
    rp.backup_plan_name = "prod-db-plan";
    rp.created_by_rule_name = rule;
    return rp;
}

// A backup job that made (or failed to make) a point.
model::BackupJob job(const model::RecoveryPoint& rp, const std::string& state, const std::string& message) {
    model::BackupJob j;
    j.origin = rp.origin;
    j.job_id = "job-" + rp.resource_name + "-" + std::to_string(static_cast<long long>(to_epoch_seconds(*rp.creation_date)));
    j.vault_name = rp.vault_name;
    j.vault_arn = rp.vault_arn;
    j.recovery_point_arn = state == "COMPLETED" ? rp.arn : "";
    j.resource_arn = rp.resource_arn;
    j.resource_type = rp.resource_type;
    j.resource_name = rp.resource_name;
    j.state = state;
    j.status_message = message;
    j.message_category = state == "COMPLETED" ? "SUCCESS" : (state == "FAILED" ? "ACCESS_DENIED" : "");
    j.percent_done = state == "COMPLETED" ? "100.0" : (state == "RUNNING" ? "45.0" : "0.0");
    j.creation_date = rp.creation_date;
    if (state != "RUNNING") j.completion_date = rp.completion_date;
    j.backup_size_bytes = rp.backup_size_bytes;
    j.backup_plan_id = rp.backup_plan_id;
    j.account_id = kAccount;
    return j;
}

// Marks every kind as fetched 12 seconds before now.
void fresh_status(poll::RegionData& rd) {
    for (int k = 0; k < poll::kKindCount; ++k) {
        poll::KindStatus st;
        st.last_success = sample_now() - 12s;
        st.last_attempt = st.last_success;
        st.loaded = true;
        rd.status[static_cast<poll::Kind>(k)] = st;
    }
}

// The production region: plans, points, jobs, RDS.
poll::RegionData production() {
    poll::RegionData rd;
    rd.account_name = "prod-main";
    rd.profile = "prod";
    rd.account_id = kAccount;
    rd.region = "eu-central-1";
    rd.environment = "production";
    rd.identity = {kAccount, "arn:aws:sts::111122223333:assumed-role/oncall/alice", "AROA1:alice"};
    model::Vault v;
    v.origin = {kAccount, rd.region};
    v.name = "prod-vault";
    v.arn = kVault;
    v.vault_type = "BACKUP_VAULT";
    v.vault_state = "AVAILABLE";
    v.locked = true;
    v.min_retention_days = 7;
    v.max_retention_days = 400;
    rd.vaults.push_back(v);

    model::BackupPlan plan;
    plan.origin = v.origin;
    plan.plan_id = "plan-prod-db";
    plan.plan_arn = "arn:aws:backup:eu-central-1:111122223333:backup-plan:plan-prod-db";
    plan.plan_name = "prod-db-plan";
    model::BackupRule daily;
    daily.rule_id = "r-daily";
    daily.rule_name = "daily";
    daily.target_vault_name = "prod-vault";
    daily.schedule_expression = "cron(0 3 * * ? *)";
    daily.start_window_minutes = 60;
    daily.completion_window_minutes = 180;
    daily.lifecycle.delete_after_days = 35;
    daily.enable_continuous_backup = true;
    model::BackupRule weekly = daily;
    weekly.rule_id = "r-weekly";
    weekly.rule_name = "weekly";
    weekly.schedule_expression = "cron(0 4 ? * SUN *)";
    weekly.lifecycle.move_to_cold_storage_after_days = 30;
    weekly.lifecycle.delete_after_days = 90;
    weekly.enable_continuous_backup = false;
    model::BackupRule monthly = weekly;
    monthly.rule_id = "r-monthly";
    monthly.rule_name = "monthly";
    monthly.schedule_expression = "cron(0 5 1 * ? *)";
    monthly.lifecycle.move_to_cold_storage_after_days = 60;
    monthly.lifecycle.delete_after_days = 365;
    model::CopyAction copy;
    copy.destination_vault_arn = kDrVault;
    copy.lifecycle.move_to_cold_storage_after_days = 30;
    copy.lifecycle.delete_after_days = 365;
    monthly.copy_actions.push_back(copy);
    plan.rules = {daily, weekly, monthly};
    model::BackupSelection sel;
    sel.selection_id = "sel-1";
    sel.selection_name = "prod-databases";
    sel.iam_role_arn = "arn:aws:iam::111122223333:role/AWSBackupDefaultServiceRole";
    sel.resources = {kOrders, kUsers};
    plan.selections.push_back(sel);
    rd.plans.push_back(plan);

    // users-db: a daily point every day for 14 days, the Sundays' weekly too.
    for (int d = 0; d < 14; ++d) {
        const TimePoint t = at("2025-06-15T03:05:00Z") - std::chrono::hours(24 * d);
        auto rp = point(kUsers, "users-db", t, "daily", 0, 35, 20ull << 30);
        rd.recovery_points.push_back(rp);
        rd.backup_jobs.push_back(job(rp, "COMPLETED", ""));
    }
    for (const char* w : {"2025-06-15T04:05:00Z", "2025-06-08T04:05:00Z", "2025-05-04T04:05:00Z"}) {
        auto rp = point(kUsers, "users-db", at(w), "weekly", 30, 90, 21ull << 30);
        rd.recovery_points.push_back(rp);
        rd.backup_jobs.push_back(job(rp, "COMPLETED", ""));
    }
    auto monthly_point = point(kUsers, "users-db", at("2025-03-01T05:05:00Z"), "monthly", 60, 365, 19ull << 30);
    rd.recovery_points.push_back(monthly_point);

    // orders-db: daily points with a three-day gap, yesterday's job failed.
    for (int d : {2, 6, 7, 8, 9, 10}) {
        const TimePoint t = at("2025-06-15T03:04:00Z") - std::chrono::hours(24 * d);
        auto rp = point(kOrders, "orders-db", t, "daily", 0, 35, 80ull << 30);
        rd.recovery_points.push_back(rp);
        rd.backup_jobs.push_back(job(rp, "COMPLETED", ""));
    }
    auto failed = point(kOrders, "orders-db", at("2025-06-14T03:04:00Z"), "daily", 0, 35, 0);
    rd.backup_jobs.push_back(job(failed, "FAILED",
                                 "Insufficient privileges to perform this action: rds:CreateDBSnapshot denied"));
    auto failed_today = point(kOrders, "orders-db", at("2025-06-15T03:04:00Z"), "daily", 0, 35, 0);
    rd.backup_jobs.push_back(job(failed_today, "FAILED",
                                 "Insufficient privileges to perform this action: rds:CreateDBSnapshot denied"));
    auto running = point(kUsers, "users-db", at("2025-06-15T11:40:00Z"), "on-demand", 0, 35, 5ull << 30);
    rd.backup_jobs.push_back(job(running, "RUNNING", ""));

    model::CopyJob cj;
    cj.origin = v.origin;
    cj.copy_job_id = "copy-users-0301";
    cj.source_vault_arn = kVault;
    cj.source_recovery_point_arn = monthly_point.arn;
    cj.destination_vault_arn = kDrVault;
    cj.destination_recovery_point_arn = "arn:aws:rds:us-east-1:111122223333:snapshot:awsbackup:copy-users-0301";
    cj.resource_arn = kUsers;
    cj.resource_type = "RDS";
    cj.resource_name = "users-db";
    cj.state = "COMPLETED";
    cj.creation_date = at("2025-06-01T05:30:00Z");
    cj.completion_date = at("2025-06-01T05:52:00Z");
    rd.copy_jobs.push_back(cj);

    model::RestoreJob restore;
    restore.origin = v.origin;
    restore.restore_job_id = "restore-users-drill";
    restore.recovery_point_arn = rd.recovery_points[3].arn;
    restore.resource_type = "RDS";
    restore.created_resource_arn = "arn:aws:rds:eu-central-1:111122223333:db:users-db-drill-20250612";
    restore.status = "COMPLETED";
    restore.percent_done = "100.0";
    restore.creation_date = at("2025-06-12T09:00:00Z");
    restore.completion_date = at("2025-06-12T09:41:00Z");
    rd.restore_jobs.push_back(restore);

    for (const auto& [arn, name, last] : {std::tuple{kOrders, "orders-db", "2025-06-13T03:16:00Z"},
                                          std::tuple{kUsers, "users-db", "2025-06-15T04:17:00Z"}}) {
        model::ProtectedResource pr;
        pr.origin = v.origin;
        pr.resource_arn = arn;
        pr.resource_type = "RDS";
        pr.resource_name = name;
        pr.last_backup_time = at(last);
        rd.protected_resources.push_back(pr);
    }

    for (const auto& [name, arn] : {std::pair{"orders-db", kOrders}, std::pair{"users-db", kUsers}}) {
        model::DbInstance db;
        db.origin = v.origin;
        db.identifier = name;
        db.arn = arn;
        db.engine = "postgres";
        db.engine_version = "15.4";
        db.instance_class = "db.r6g.large";
        db.status = "available";
        db.backup_retention_period = 7;
        db.preferred_backup_window = "02:00-02:30";
        db.latest_restorable_time = sample_now() - 5min;
        db.storage_encrypted = true;
        db.multi_az = true;
        db.allocated_storage_gb = 100;
        rd.db_instances.push_back(db);
        model::AutomatedBackup ab;
        ab.origin = v.origin;
        ab.instance_identifier = name;
        ab.instance_arn = arn;
        ab.status = "active";
        ab.engine = "postgres";
        ab.backup_retention_period = 7;
        ab.restore_window = model::PitrWindow{sample_now() - std::chrono::hours(24 * 7), sample_now() - 5min};
        rd.automated_backups.push_back(ab);
        model::DbSnapshot snap;
        snap.origin = v.origin;
        snap.identifier = std::string("rds:") + name + "-2025-06-15-02-10";
        snap.arn = std::string("arn:aws:rds:eu-central-1:111122223333:snapshot:") + snap.identifier;
        snap.instance_identifier = name;
        snap.snapshot_type = "automated";
        snap.status = "available";
        snap.engine = "postgres";
        snap.create_time = at("2025-06-15T02:10:00Z");
        snap.allocated_storage_gb = 100;
        snap.encrypted = true;
        rd.db_snapshots.push_back(snap);
    }
    model::DbSnapshot manual;
    manual.origin = v.origin;
    manual.identifier = "orders-db-before-migration-42";
    manual.arn = "arn:aws:rds:eu-central-1:111122223333:snapshot:orders-db-before-migration-42";
    manual.instance_identifier = "orders-db";
    manual.snapshot_type = "manual";
    manual.status = "available";
    manual.engine = "postgres";
    manual.create_time = at("2025-05-28T18:30:00Z");
    manual.allocated_storage_gb = 100;
    manual.encrypted = true;
    rd.db_snapshots.push_back(manual);

    fresh_status(rd);
    rd.status[poll::Kind::DbSnapshots].last_error = "ThrottlingException: Rate exceeded";
    rd.status[poll::Kind::DbSnapshots].stale = true;
    return rd;
}

// The DR region: an unlocked vault with the monthly copy and a snapshot copy.
poll::RegionData disaster_recovery() {
    poll::RegionData rd;
    rd.account_name = "prod-main";
    rd.profile = "prod";
    rd.account_id = kAccount;
    rd.region = "us-east-1";
    rd.environment = "production";
    rd.identity = {kAccount, "arn:aws:sts::111122223333:assumed-role/oncall/alice", "AROA1:alice"};
    model::Vault v;
    v.origin = {kAccount, rd.region};
    v.name = "prod-dr-vault";
    v.arn = kDrVault;
    v.vault_type = "BACKUP_VAULT";
    v.vault_state = "AVAILABLE";
    rd.vaults.push_back(v);
    auto copy = point(kUsers, "users-db", at("2025-03-01T05:05:00Z"), "monthly", 30, 365, 19ull << 30);
    copy.origin = v.origin;
    copy.arn = "arn:aws:rds:us-east-1:111122223333:snapshot:awsbackup:copy-users-0301";
    copy.vault_name = "prod-dr-vault";
    copy.vault_arn = kDrVault;
    copy.source_vault_arn = kVault;
    rd.recovery_points.push_back(copy);
    model::DbSnapshot snap;
    snap.origin = v.origin;
    snap.identifier = "orders-db-dr-2025-06-14";
    snap.arn = "arn:aws:rds:us-east-1:111122223333:snapshot:orders-db-dr-2025-06-14";
    snap.instance_identifier = "orders-db";
    snap.snapshot_type = "manual";
    snap.status = "available";
    snap.engine = "postgres";
    snap.create_time = at("2025-06-14T06:00:00Z");
    snap.allocated_storage_gb = 100;
    snap.encrypted = true;
    snap.source_region = "eu-central-1";
    snap.source_snapshot_arn = "arn:aws:rds:eu-central-1:111122223333:snapshot:rds:orders-db-2025-06-14-02-10";
    rd.db_snapshots.push_back(snap);
    fresh_status(rd);
    return rd;
}

}  // namespace

TimePoint sample_now() { return at("2025-06-15T12:00:00Z"); }

TimePoint at(const char* iso) { return *parse_time(iso); }

poll::Snapshot sample_snapshot() {
    poll::Snapshot s;
    s.taken = sample_now();
    s.generation = 7;
    s.regions = {production(), disaster_recovery()};
    poll::DrillRecord ok;
    ok.id = "drill-users-0512";
    ok.resource = kUsers;
    ok.runbook = "monthly-drill";
    ok.started = at("2025-05-12T09:00:00Z");
    ok.finished = at("2025-05-12T09:55:00Z");
    ok.rto_seconds = 41 * 60;
    ok.rpo_seconds = 6 * 3600;
    ok.passed = true;
    ok.checks_passed = 5;
    ok.checks_total = 5;
    poll::DrillRecord bad = ok;
    bad.id = "drill-orders-0402";
    bad.resource = kOrders;
    bad.started = at("2025-04-02T09:00:00Z");
    bad.finished = at("2025-04-02T11:40:00Z");
    bad.rto_seconds = 2 * 3600 + 35 * 60;
    bad.passed = false;
    bad.checks_passed = 3;
    s.drills = {ok, bad};
    return s;
}

std::vector<health::Finding> sample_findings() {
    using health::Severity;
    std::vector<health::Finding> f;
    f.push_back({Severity::Critical, "rpo", kAccount, "eu-central-1", kOrders, "orders-db",
                 "RPO missed: newest completed recovery point is 2 d 8 h old (target 24 h)",
                 {"newest point 2025-06-13 03:04 UTC in prod-vault", "target 24 h (default)"},
                 at("2025-06-13T03:04:00Z")});
    f.push_back({Severity::Critical, "job-failed", kAccount, "eu-central-1", kOrders, "orders-db",
                 "backup job failed 8 h ago: Insufficient privileges to perform this action",
                 {"job job-orders-db-1749956640 FAILED (ACCESS_DENIED)"}, at("2025-06-15T03:04:00Z")});
    f.push_back({Severity::Warning, "plan-rule", kAccount, "eu-central-1",
                 "arn:aws:backup:eu-central-1:111122223333:backup-plan:plan-prod-db", "prod-db-plan/weekly",
                 "deletes 90 d after creation but goes cold at 30 d: AWS needs delete >= cold + 90 d",
                 {"MoveToColdStorageAfterDays 30, DeleteAfterDays 90"}, std::nullopt});
    f.push_back({Severity::Warning, "vault-unlocked", kAccount, "us-east-1", kDrVault, "prod-dr-vault",
                 "vault has no Vault Lock", {}, std::nullopt});
    f.push_back({Severity::Warning, "drill-due", kAccount, "eu-central-1", kOrders, "orders-db",
                 "restore drill overdue: last drill failed 74 d ago (every 30 d)", {}, at("2025-05-02T11:40:00Z")});
    f.push_back({Severity::Ok, "rpo", kAccount, "eu-central-1", kUsers, "users-db",
                 "RPO met: newest point 7 h old (target 24 h)", {}, at("2025-06-15T04:05:00Z")});
    return f;
}

}  // namespace vd::testing
