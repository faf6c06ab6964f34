// The demo scenario, drawn from the backup set-ups typical teams run:
// account 123456789012, primary region us-east-1, DR region us-west-2.
//
// What it holds:
//   RDS PostgreSQL prod-db (PITR, 30-day automated backups), Aurora
//   PostgreSQL cluster prod-aurora (2 instances), EFS prod-shared-files,
//   dev-db, analytics-db; S3 buckets acme-media-prod (lifecycle: GLACIER after
//   45 days, expire after 365), acme-terraform-state (no lifecycle),
//   acme-media-dr (us-west-2).
//   prod-backup-plan: daily cron(0 3 * * ? *) keep 35 days (continuous for
//   RDS), weekly cron(0 4 ? * SUN *) keep 90, monthly cron(0 5 1 * ? *) cold
//   after 60, keep 365, copied to prod-dr-vault in us-west-2.
//   dev-backup-plan: daily, keep 7 days, selects by tag backup=dev.
//   Vaults: prod-vault (locked), prod-dr-vault (locked), dev-vault and
//   Default (unlocked). 90 days of history, about 3% of jobs failing with
//   realistic messages. Restore testing plan monthly-restore-test.
//
// Planted problems (returned by build_demo, one PlantedProblem each):
//   missed-backups          EFS prod-shared-files: the last two daily backups
//                           did not complete (EXPIRED, then FAILED), and every
//                           other job of it since then failed too
//   job-running             an on-demand backup of prod-db, RUNNING now
//   unprotected-resource    analytics-db: no backup plan selects it
//   vault-unlocked          dev-vault, Default (no vault lock)
//   plan-below-minimum      dev-backup-plan keeps daily points 7 days, under
//                           the 35-day minimum Audit Manager's control asks for
//   copy-missing            the newest monthly copy of prod-db to
//                           prod-dr-vault that ended over 8 days ago FAILED;
//                           the DR point is missing
//   restore-validation-failed  the newest monthly restore test of prod-db
//   leftover-restored-instance an on-call restore 17 days ago left
//                           prod-db-restored-<date> running
//   failed-restore          a restore into the existing dev-db, 30 days ago
//   member-job-failed       payments-db in member account 210987654321: the
//                           newest daily backup FAILED (organization view only)
//   failed-jobs-90d         the randomly failed jobs of the history (count in detail)
// Nothing created in the last eight days fails at random: the job check
// judges jobs that ended in the last seven, and a job can end hours after it
// was created (an EXPIRED one at the end of its start window), so these are
// the only recent problems.
#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/sim/arns.hpp"
#include "backend/sim/rds_ops.hpp"
#include "backend/sim/scenario_builder.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim {
namespace {

using namespace std::chrono;

constexpr const char* kEast = "us-east-1";
constexpr const char* kWest = "us-west-2";

// yyyy-mm-dd of a time, for identifiers.
std::string day_text(TimePoint t) { return format_iso8601(t).substr(0, 10); }

// The databases and file systems of the demo.
void add_resources(ScenarioBuilder& b, RegionState& east) {
    TimePoint now = b.now();
    DbInstance prod;
    prod.identifier = "prod-db";
    prod.instance_class = "db.r6g.xlarge";
    prod.allocated_storage = 200;
    prod.backup_retention = 30;
    prod.backup_window = "06:00-06:30";
    prod.multi_az = true;
    prod.db_name = "app";
    prod.master_username = "app_admin";
    prod.deletion_protection = true;
    prod.sample_data = true;
    prod.create_time = now - days(540);
    prod.tags = {{"env", "prod"}, {"app", "storefront"}, {"backup", "prod"}};
    prod.subnet_group = "prod-db-subnets";
    prod.parameter_group = "prod-postgres16";
    prod.option_group = "prod-postgres16-options";
    prod.copy_tags_to_snapshot = true;
    b.db_instance(east, prod);

    DbInstance dev;
    dev.identifier = "dev-db";
    dev.instance_class = "db.t4g.micro";
    dev.allocated_storage = 20;
    dev.backup_retention = 7;
    dev.db_name = "app";
    dev.create_time = now - days(300);
    dev.tags = {{"env", "dev"}, {"backup", "dev"}};
    b.db_instance(east, dev);

    DbInstance analytics;
    analytics.identifier = "analytics-db";
    analytics.instance_class = "db.t4g.large";
    analytics.engine_version = "15.7";
    analytics.allocated_storage = 100;
    analytics.backup_retention = 1;
    analytics.db_name = "warehouse";
    analytics.create_time = now - days(120);
    analytics.tags = {{"env", "prod"}, {"team", "analytics"}};
    b.db_instance(east, analytics);

    DbCluster cluster;
    cluster.identifier = "prod-aurora";
    cluster.backup_retention = 7;
    cluster.database_name = "events";
    cluster.create_time = now - days(400);
    cluster.members = {{"prod-aurora-1", true}, {"prod-aurora-2", false}};
    cluster.subnet_group = "prod-db-subnets";
    cluster.security_groups = {"sg-0a5e1c7d3b9f24e68"};
    cluster.parameter_group = "prod-aurora-pg15";
    cluster.copy_tags_to_snapshot = true;
    cluster.tags = {{"env", "prod"}, {"app", "events"}};
    b.db_cluster(east, cluster);
    for (const auto& m : cluster.members) {
        DbInstance member;
        member.identifier = m.instance_identifier;
        member.engine = "aurora-postgresql";
        member.engine_version = "15.4";
        member.instance_class = "db.r6g.large";
        member.allocated_storage = 1;
        member.backup_retention = 7;
        member.cluster_identifier = "prod-aurora";
        member.subnet_group = cluster.subnet_group;
        member.security_groups = cluster.security_groups;
        member.availability_zone = m.writer ? "us-east-1a" : "us-east-1b";
        member.create_time = cluster.create_time;
        b.db_instance(east, member);
    }
    b.resource(east, efs_arn(kEast, east.account_id, "fs-0a1b2c3d4e5f60718"), "prod-shared-files", 80, {{"env", "prod"}});
}

// Manual snapshots of prod-db and prod-aurora, and the DR copies of the monthly ones.
void add_snapshots(ScenarioBuilder& b, RegionState& east, RegionState& west) {
    TimePoint now = b.now();
    const DbInstance& prod = east.db_instances.at("prod-db");
    auto manual = [&](const std::string& id, TimePoint at) {
        DbSnapshot s = snapshot_of(east, prod, id, at, minutes(25));
        s.tags = {{"purpose", "manual"}};
        return s;
    };
    east.db_snapshots.emplace("prod-db-pre-migration-" + day_text(now - days(40)), manual("prod-db-pre-migration-" + day_text(now - days(40)), now - days(40)));
    auto month = floor<days>(now);
    for (int i = 0; i < 3; ++i) {
        auto ymd = year_month_day(month);
        year_month ym = year_month(ymd.year(), ymd.month()) - months(i);
        TimePoint at = TimePoint(sys_days(ym / 1)) + hours(2);
        if (at > now) continue;
        std::string id = fmt::format("prod-db-monthly-{}", day_text(at).substr(0, 7));
        DbSnapshot s = manual(id, at);
        east.db_snapshots.emplace(id, s);
        DbSnapshot copy = s;
        copy.identifier = id + "-dr";
        copy.arn = db_snapshot_arn(kWest, west.account_id, copy.identifier);
        copy.source_region = kEast;
        copy.source_snapshot = s.arn;
        copy.availability_zone = "us-west-2a";
        copy.create_time = at + minutes(40);
        copy.ready_at = copy.create_time + minutes(35);
        copy.kms_key_id = kms_key_arn(kWest, west.account_id, b.ids().uuid());
        west.db_snapshots.emplace(copy.identifier, copy);
    }
    const DbCluster& cluster = east.db_clusters.at("prod-aurora");
    DbSnapshot cs = snapshot_of(east, cluster, "prod-aurora-before-upgrade-15-4", now - days(25), minutes(12));
    cs.engine_version = "15.3";  // taken before the upgrade
    east.cluster_snapshots.emplace(cs.identifier, cs);
}

}  // namespace

// A member account of the organization (the payments team) in us-east-1.
// Its jobs show only in the organization view (accountId ANY from the
// management account); its newest daily backup FAILED.
void add_member_account(ScenarioBuilder& b, std::vector<PlantedProblem>& planted) {
    const std::string member = "210987654321";
    TimePoint now = b.now();
    RegionState& state = b.region(kEast, member);
    Vault& vault = b.vault(state, "payments-vault", now - days(300));
    b.lock(vault, 30, 400, now - days(200));
    DbInstance db;
    db.identifier = "payments-db";
    db.instance_class = "db.r6g.large";
    db.allocated_storage = 100;
    db.backup_retention = 7;
    db.db_name = "payments";
    db.master_username = "payments_admin";
    db.create_time = now - days(400);
    db.tags = {{"env", "prod"}, {"app", "payments"}};
    b.db_instance(state, db);
    const std::string arn = db_instance_arn(kEast, member, "payments-db");
    BackupPlan& plan = b.plan(state, "payments-backup-plan",
                              {b.rule("daily-backup", "payments-vault", "cron(0 2 * * ? *)", std::nullopt, 35)}, now - days(100));
    b.select(plan, "payments-resources", {arn});
    std::string failed_at;
    b.history(state, plan, now - days(14), JobOdds{0, 0}, [&](BackupJob& job, const BackupRule&, int n_from_end) {
        if (n_from_end != 0) return;
        set_outcome(job, "FAILED", "Insufficient privileges to perform this action on the KMS key of payments-vault.",
                    "AccessDenied");
        failed_at = format_iso8601(job.creation);
    });
    planted.push_back({"member-job-failed", kEast, arn,
                       "payments-db in member account " + member + ": the daily backup of " + failed_at +
                           " FAILED (seen only in the organization view)"});
}

Result<std::vector<PlantedProblem>> build_demo(ScenarioBuilder& b) {
    TimePoint now = b.now();
    World& world = b.world();
    const std::string account = world.default_account;
    RegionState& east = b.region(kEast);
    RegionState& west = b.region(kWest);
    std::vector<PlantedProblem> planted;

    Vault& prod_vault = b.vault(east, "prod-vault", now - days(400));
    b.lock(prod_vault, 30, 400, now - days(200));
    Vault& dev_vault = b.vault(east, "dev-vault", now - days(300));
    Vault& default_vault = b.vault(east, "Default", now - days(400), false);
    Vault& dr_vault = b.vault(west, "prod-dr-vault", now - days(400));
    b.lock(dr_vault, 30, 400, now - days(200));
    planted.push_back({"vault-unlocked", kEast, dev_vault.arn, "dev-vault has no vault lock"});
    planted.push_back({"vault-unlocked", kEast, default_vault.arn, "Default has no vault lock"});

    add_resources(b, east);
    add_member_account(b, planted);
    const std::string prod_db = db_instance_arn(kEast, account, "prod-db");
    const std::string aurora = db_cluster_arn(kEast, account, "prod-aurora");
    const std::string efs = efs_arn(kEast, account, "fs-0a1b2c3d4e5f60718");
    planted.push_back({"unprotected-resource", kEast, db_instance_arn(kEast, account, "analytics-db"),
                       "analytics-db is selected by no backup plan and has no recovery point"});

    BackupRule daily = b.rule("daily-backup", "prod-vault", "cron(0 3 * * ? *)", std::nullopt, 35);
    daily.continuous = true;
    BackupRule weekly = b.rule("weekly-backup", "prod-vault", "cron(0 4 ? * SUN *)", std::nullopt, 90);
    BackupRule monthly = b.rule("monthly-backup", "prod-vault", "cron(0 5 1 * ? *)", 60, 365);
    monthly.copy_actions.push_back({dr_vault.arn, Lifecycle{60, 365, false}});
    BackupPlan& prod_plan = b.plan(east, "prod-backup-plan", {daily, weekly, monthly}, now - days(200));
    b.select(prod_plan, "prod-resources", {prod_db, aurora, efs});
    BackupPlan& dev_plan = b.plan(east, "dev-backup-plan", {b.rule("daily-dev", "dev-vault", "cron(0 3 * * ? *)", std::nullopt, 7)},
                                  now - days(200));
    b.select(dev_plan, "dev-by-tag", {}, {{"backup", "dev"}});
    planted.push_back({"plan-below-minimum", kEast, dev_plan.arn,
                       "dev-backup-plan keeps its daily points 7 days, under the 35-day minimum"});

    // The continuous (PITR) recovery point of prod-db that the daily rule keeps.
    RecoveryPoint continuous;
    continuous.arn = fmt::format("arn:aws:backup:{}:{}:recovery-point:continuous:{}-{}", kEast, account,
                                 east.db_instances.at("prod-db").resource_id, b.ids().hex(8));
    continuous.vault_name = "prod-vault";
    continuous.resource_arn = prod_db;
    continuous.resource_type = "RDS";
    continuous.resource_name = "prod-db";
    continuous.created_by = creator_of(prod_plan, prod_plan.rules[0]);
    continuous.iam_role_arn = b.role(account);
    continuous.creation = now - days(200) + hours(3);
    continuous.completion = continuous.creation + minutes(40);
    continuous.size_bytes = int64_t{200} << 30;
    continuous.lifecycle.delete_after_days = 35;
    continuous.encryption_key_arn = prod_vault.encryption_key_arn;
    continuous.continuous = true;
    add_recovery_point(east, continuous);

    auto daily_cron = parse_cron("cron(0 3 * * ? *)");
    TimePoint last_daily = *daily_cron->previous_at_or_before(now);
    TimePoint second_daily = *daily_cron->previous_at_or_before(last_daily - seconds(1));
    // Longer than the job check's 7 days by more than any job runs.
    const TimePoint quiet_since = now - days(8);
    JobOdds odds;
    b.history(east, prod_plan, now - days(90), odds, [&](BackupJob& job, const BackupRule& rule, int n_from_end) {
        if (job.resource_arn == efs && job.creation >= second_daily) {
            if (rule.name == "daily-backup" && n_from_end == 0) {
                set_outcome(job, "EXPIRED", "Backup job could not start within the start window of 60 minutes; it expired before it ran.",
                            "Expired");
            } else {
                set_outcome(job, "FAILED", "An internal error occurred while backing up file system prod-shared-files. Retry the backup job.",
                            "AWSServiceError");
            }
        } else if (job.creation >= quiet_since && job.outcome != "COMPLETED") {
            set_outcome(job, "COMPLETED", "", "SUCCESS");
        }
    });
    b.history(east, dev_plan, now - days(90), odds, [&](BackupJob& job, const BackupRule&, int) {
        if (job.creation >= quiet_since && job.outcome != "COMPLETED") set_outcome(job, "COMPLETED", "", "SUCCESS");
    });
    planted.push_back({"missed-backups", kEast, efs,
                       "prod-shared-files: the last two daily backups did not complete (EXPIRED " + format_iso8601(last_daily) +
                           ", FAILED " + format_iso8601(second_daily) + ")"});

    int failed = 0, total = 0;
    for (const auto& [key, job] : east.backup_jobs) {
        ++total;
        if (job.state != "COMPLETED" && job.state != "RUNNING" && job.state != "CREATED" && job.creation < second_daily) ++failed;
    }
    planted.push_back({"failed-jobs-90d", kEast, "", fmt::format("{} of {} backup jobs before the last two days did not complete", failed, total)});

    // The newest monthly copy of prod-db that ended more than 8 days ago
    // failed: no DR point for it. A copy that ended in the last 7 days would
    // also be a recent job failure, and one of the last 24 hours is not yet
    // judged missing, so the month's own copy (the 1st) is never the one
    // planted: the findings stay the same on every day of the month.
    CopyJob* failed_copy = nullptr;
    for (auto& [key, copy] : east.copy_jobs) {
        if (copy.resource_arn != prod_db || copy.state != "COMPLETED" || copy.ends_at > now - days(8)) continue;
        if (failed_copy == nullptr || copy.creation > failed_copy->creation) failed_copy = &copy;
    }
    if (failed_copy != nullptr) {
        CopyJob& copy = *failed_copy;
        copy.state = copy.outcome = "FAILED";
        copy.status_message = copy.outcome_message =
            "Copy job failed because the destination backup vault's encryption key is not accessible from the source account.";
        copy.message_category = copy.outcome_category = "AccessDenied";
        remove_recovery_point(west, copy.destination_recovery_point_arn);
        copy.destination_recovery_point_arn.clear();
        planted.push_back({"copy-missing", kWest, prod_db, "the monthly copy of prod-db of " + day_text(copy.creation) +
                                                               " (copy job " + copy.id + ") FAILED; prod-dr-vault lacks that month's point"});
    }

    // An on-demand backup of prod-db, running now.
    BackupJobSpec spec;
    spec.resource = &east.resources.at(prod_db);
    spec.vault_name = "prod-vault";
    spec.iam_role_arn = b.role(account);
    spec.lifecycle.delete_after_days = 35;
    BackupJob running = new_backup_job(east, b.ids(), spec, now - minutes(9), JobOdds{0, 0});
    running.runs_at = now - minutes(7);
    running.ends_at = now + minutes(18);
    running.state = "RUNNING";
    planted.push_back({"job-running", kEast, prod_db, "on-demand backup job " + running.id + " of prod-db is RUNNING"});
    add_backup_job(east, std::move(running), true);

    RestoreTestingPlan test;
    test.name = "monthly-restore-test";
    test.arn = fmt::format("arn:aws:backup:{}:{}:restore-testing-plan:monthly-restore-test-{}", kEast, account, b.ids().alnum(6));
    test.schedule = "cron(0 6 1 * ? *)";
    test.timezone = "Etc/UTC";
    test.start_window_hours = 24;
    test.creation = now - days(200);
    test.last_update = now - days(150);
    test.include_vaults = {prod_vault.arn};
    test.recovery_point_types = {"SNAPSHOT"};
    test.selection_window_days = 7;
    test.protected_resource_arns = {prod_db};
    auto test_cron = parse_cron(test.schedule);
    std::vector<TimePoint> test_runs;
    for (auto t = test_cron->next_after(now - days(90)); t && *t <= now; t = test_cron->next_after(*t)) test_runs.push_back(*t);
    for (size_t i = 0; i < test_runs.size(); ++i) {
        RestoreJob* job = b.past_restore(east, prod_db, test_runs[i], {{"DBInstanceIdentifier", "awsbackup-restore-test-" + b.ids().hex(8)}}, test.arn);
        if (job == nullptr) continue;
        bool newest = i + 1 == test_runs.size();
        job->validation_status = newest ? "FAILED" : "SUCCESSFUL";
        job->validation_message = newest ? "smoke check failed: SELECT count(*) FROM orders returned 0 rows"
                                         : "integrity and smoke checks passed (42 tables, orders present)";
        if (newest) planted.push_back({"restore-validation-failed", kEast, prod_db, "restore test " + job->id + " validation FAILED"});
        test.last_execution = test_runs[i];
    }
    east.restore_testing_plans.emplace(test.name, std::move(test));

    std::string leftover = "prod-db-restored-" + day_text(now - days(17));
    if (RestoreJob* job = b.past_restore(east, prod_db, now - days(17), {{"DBInstanceIdentifier", leftover}, {"DBInstanceClass", "db.r6g.large"}}, "")) {
        planted.push_back({"leftover-restored-instance", kEast, db_instance_arn(kEast, account, leftover),
                           "on-call restore " + job->id + " left " + leftover + " running"});
    }
    if (RestoreJob* job = b.past_restore(east, prod_db, now - days(30), {{"DBInstanceIdentifier", "dev-db"}}, "")) {
        planted.push_back({"failed-restore", kEast, prod_db, "restore " + job->id + " into the existing dev-db FAILED"});
    }

    add_snapshots(b, east, west);
    Bucket& media = b.bucket(account, "acme-media-prod", kEast, now - days(700));
    media.lifecycle.push_back({"media-glacier-then-expire", "media/", "Enabled", 45, "GLACIER", 365});
    b.bucket(account, "acme-terraform-state", kEast, now - days(720));
    b.bucket(account, "acme-media-dr", kWest, now - days(600));
    return planted;
}

}  // namespace vd::sim
