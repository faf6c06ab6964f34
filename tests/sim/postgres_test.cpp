// The simulator with --postgres: instances are databases on a real (throw-
// away) PostgreSQL cluster, backups and snapshots copy them, restores copy
// the snapshot into the new instance, deletes drop it, and PostgreSQL errors
// become failed jobs or error answers.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include "backend/sim/embedded.hpp"
#include "backend/sim/postgres_backing.hpp"
#include "runbook/support/pg_cluster.hpp"
#include "sim/support/sim_fixture.hpp"

namespace vd::sim {
namespace {

using testing::make_sim;
using std::chrono::hours;
using std::chrono::minutes;

constexpr const char* kSmallDb = "arn:aws:rds:us-east-1:123456789012:db:small-db";

// One cluster for the whole suite (initdb takes a few seconds).
class SimPostgres : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto started = test::PgCluster::start();
        ASSERT_TRUE(started.ok()) << started.error().message;
        cluster_ = std::move(*started).release();
    }
    static void TearDownTestSuite() {
        delete cluster_;
        cluster_ = nullptr;
    }
    void SetUp() override { ASSERT_NE(cluster_, nullptr) << "PostgreSQL did not start"; }

    // A small-scenario simulator backed by the cluster.
    testing::TestSim sim() {
        auto server = connect_pg_server(cluster_->conninfo());
        EXPECT_TRUE(server.ok()) << server.error().message;
        return make_sim("small", 0, 42, server.ok() ? *server : nullptr);
    }
    static std::string value(const std::string& database, const std::string& sql) {
        auto v = cluster_->value(database, sql);
        return v ? *v : "error: " + v.error().message;
    }
    static bool exists(const std::string& database) {
        return value("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + database + "'") == "1";
    }
    static std::string events(const std::string& database) { return value(database, "SELECT count(*) FROM events"); }

    static test::PgCluster* cluster_;
};

test::PgCluster* SimPostgres::cluster_ = nullptr;

struct Instance {
    std::string status, address, port, db_name;
};

Instance describe(testing::TestSim& t, const std::string& id) {
    auto r = t.query("rds", "DescribeDBInstances", {{"DBInstanceIdentifier", id}});
    auto doc = testing::parse_xml(r.body);
    auto n = doc->first_child().first_child().child("DBInstances").child("DBInstance");
    return {n.child_value("DBInstanceStatus"), n.child("Endpoint").child_value("Address"), n.child("Endpoint").child_value("Port"),
            n.child_value("DBName")};
}

// Starts an on-demand backup of small-db and lets it finish; the job as JSON.
nlohmann::json back_up_small_db(testing::TestSim& t) {
    auto started = t.call("backup", "PUT", "/backup-jobs", {},
                          nlohmann::json{{"BackupVaultName", "small-vault"}, {"ResourceArn", kSmallDb},
                                         {"IamRoleArn", "arn:aws:iam::123456789012:role/backup"}}.dump());
    std::string id = nlohmann::json::parse(started.body).value("BackupJobId", "");
    EXPECT_FALSE(id.empty()) << started.body;
    t.advance(hours(1));
    return t.backup_get("/backup-jobs/" + id);
}

// Restores a recovery point to a new instance through AWS Backup and lets it finish; the job as JSON.
nlohmann::json restore_point(testing::TestSim& t, const std::string& point_arn, const std::string& target) {
    auto started = t.call("backup", "PUT", "/restore-jobs", {},
                          nlohmann::json{{"RecoveryPointArn", point_arn}, {"Metadata", {{"DBInstanceIdentifier", target}}}}.dump());
    std::string id = nlohmann::json::parse(started.body).value("RestoreJobId", "");
    EXPECT_FALSE(id.empty()) << started.body;
    t.advance(hours(1));
    return t.backup_get("/restore-jobs/" + id);
}

TEST(SimDatabaseNames, AreSafeIdentifiersFromTheIds) {
    World w;
    EXPECT_EQ(instance_database(w, "123456789012", "us-east-1", "prod-db"), "vdsim_db_prod_db");
    EXPECT_EQ(snapshot_database(w, "123456789012", "us-east-1", "awsbackup:job-1A2B"), "vdsim_snap_awsbackup_job_1a2b");
    EXPECT_EQ(snapshot_database(w, "123456789012", "us-east-1", "rds:prod-db-2026-11-22-06-00"), "vdsim_snap_rds_prod_db_2026_11_22_06_00");
    std::string west = snapshot_database(w, "123456789012", "us-west-2", "prod-db-monthly-dr");
    EXPECT_EQ(west.rfind("vdsim_snap_", 0), 0u);
    EXPECT_NE(west, snapshot_database(w, "123456789012", "us-east-1", "prod-db-monthly-dr"));
    std::string long_a = snapshot_database(w, "123456789012", "us-east-1", "awsbackup:job-" + std::string(60, 'a'));
    std::string long_b = snapshot_database(w, "123456789012", "us-east-1", "awsbackup:job-" + std::string(59, 'a') + "b");
    EXPECT_EQ(long_a.size(), 63u);
    EXPECT_NE(long_a, long_b);
    EXPECT_EQ(quote_identifier("a\"b"), "\"a\"\"b\"");
    EXPECT_EQ(point_snapshot_id("arn:aws:rds:us-east-1:123456789012:snapshot:awsbackup:job-42"), "awsbackup:job-42");
    EXPECT_EQ(point_snapshot_id("arn:aws:backup:us-east-1:123456789012:recovery-point:continuous:db-X-1"), "");
}

TEST(SimWithoutPostgres, KeepsTheAwsLikeEndpoint) {
    auto t = make_sim("small");
    auto db = describe(t, "small-db");
    EXPECT_EQ(db.db_name, "app");
    EXPECT_NE(db.address.find(".rds.amazonaws.com"), std::string::npos) << db.address;
    EXPECT_EQ(db.port, "5432");
}

TEST_F(SimPostgres, EveryInstanceIsADatabaseAndTheSourceHoldsTheSampleRows) {
    ASSERT_TRUE(cluster_->exec("postgres", "CREATE DATABASE vdsim_db_left_over").ok());
    auto t = sim();
    EXPECT_FALSE(exists("vdsim_db_left_over")) << "databases of an earlier run are dropped at start";
    auto db = describe(t, "small-db");
    EXPECT_EQ(db.address, "127.0.0.1");
    EXPECT_EQ(db.port, std::to_string(cluster_->port()));
    EXPECT_EQ(db.db_name, "vdsim_db_small_db");
    EXPECT_EQ(events("vdsim_db_small_db"), std::to_string(kSampleEvents));
    EXPECT_EQ(value("vdsim_db_small_db", "SELECT count(*) FROM orders"), std::to_string(kSampleOrders));
    EXPECT_EQ(value("vdsim_db_small_db", "SELECT count(*) FROM customers"), std::to_string(kSampleCustomers));
    EXPECT_EQ(describe(t, "small-dev-db").db_name, "vdsim_db_small_dev_db");
    EXPECT_TRUE(exists("vdsim_db_small_dev_db"));
    EXPECT_EQ(value("vdsim_db_small_dev_db", "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"), "0");
    EXPECT_FALSE(exists("vdsim_db_small_aurora_1")) << "Aurora members have no database of their own";
}

TEST_F(SimPostgres, ABackupCopiesTheInstanceAndARestoreCopiesTheBackup) {
    auto t = sim();
    auto job = back_up_small_db(t);
    ASSERT_EQ(job["State"], "COMPLETED") << job.dump();
    std::string point = job["RecoveryPointArn"];
    std::string snap_db = snapshot_database(World{}, "123456789012", "us-east-1", point_snapshot_id(point));
    ASSERT_TRUE(exists(snap_db)) << snap_db;
    EXPECT_EQ(events(snap_db), std::to_string(kSampleEvents));

    // Later changes to the source do not reach the backup; corrupting the backup reaches the restore.
    ASSERT_TRUE(cluster_->exec("vdsim_db_small_db", "INSERT INTO customers VALUES (100000, 'late@example.com', now())").ok());
    ASSERT_TRUE(cluster_->exec(snap_db, "DELETE FROM events WHERE id > 9000").ok());
    auto restore = restore_point(t, point, "small-db-drill");
    ASSERT_EQ(restore["Status"], "COMPLETED") << restore.dump();
    auto restored = describe(t, "small-db-drill");
    EXPECT_EQ(restored.status, "available");
    EXPECT_EQ(restored.db_name, "vdsim_db_small_db_drill");
    EXPECT_EQ(restored.port, std::to_string(cluster_->port()));
    EXPECT_EQ(events(restored.db_name), "9000");
    EXPECT_EQ(value(restored.db_name, "SELECT count(*) FROM customers"), std::to_string(kSampleCustomers));

    auto deleted = t.query("rds", "DeleteDBInstance", {{"DBInstanceIdentifier", "small-db-drill"}, {"SkipFinalSnapshot", "true"}});
    EXPECT_EQ(deleted.status, 200) << deleted.body;
    EXPECT_FALSE(exists("vdsim_db_small_db_drill"));
    EXPECT_TRUE(exists(snap_db)) << "deleting the restored instance keeps the backup";
}

TEST_F(SimPostgres, AnOlderPointGetsItsDatabaseWhenFirstRestored) {
    auto t = sim();
    auto points = t.backup_get("/resources/" + testing::encode(kSmallDb) + "/recovery-points/")["RecoveryPoints"];
    std::string point;
    for (const auto& p : points)
        if (p["Status"] == "COMPLETED" && p["RecoveryPointArn"].get<std::string>().find(":snapshot:") != std::string::npos)
            point = p["RecoveryPointArn"];
    ASSERT_FALSE(point.empty()) << points.dump();
    std::string snap_db = snapshot_database(World{}, "123456789012", "us-east-1", point_snapshot_id(point));
    EXPECT_FALSE(exists(snap_db)) << "history points have no database until they are needed";
    auto restore = restore_point(t, point, "small-db-old");
    ASSERT_EQ(restore["Status"], "COMPLETED") << restore.dump();
    EXPECT_TRUE(exists(snap_db));
    EXPECT_EQ(events("vdsim_db_small_db_old"), std::to_string(kSampleEvents));
}

TEST_F(SimPostgres, RdsRestoresCopyTheSnapshotOrTheInstance) {
    auto t = sim();
    auto from_snapshot = t.query("rds", "RestoreDBInstanceFromDBSnapshot",
                                 {{"DBInstanceIdentifier", "from-manual"}, {"DBSnapshotIdentifier", "small-db-before-upgrade"}});
    ASSERT_EQ(from_snapshot.status, 200) << from_snapshot.body;
    EXPECT_EQ(events("vdsim_db_from_manual"), std::to_string(kSampleEvents));
    EXPECT_TRUE(exists("vdsim_snap_small_db_before_upgrade"));

    ASSERT_TRUE(cluster_->exec("vdsim_db_small_db", "DELETE FROM events WHERE id <= 10").ok());
    auto pitr = t.query("rds", "RestoreDBInstanceToPointInTime",
                        {{"SourceDBInstanceIdentifier", "small-db"}, {"TargetDBInstanceIdentifier", "small-db-pitr"},
                         {"UseLatestRestorableTime", "true"}});
    ASSERT_EQ(pitr.status, 200) << pitr.body;
    EXPECT_EQ(events("vdsim_db_small_db_pitr"), std::to_string(kSampleEvents - 10));
    t.advance(hours(1));
    EXPECT_EQ(describe(t, "small-db-pitr").status, "available");
    EXPECT_EQ(describe(t, "small-db-pitr").db_name, "vdsim_db_small_db_pitr");

    auto final_snapshot = t.query("rds", "DeleteDBInstance", {{"DBInstanceIdentifier", "small-db-pitr"}, {"FinalDBSnapshotIdentifier", "pitr-final"}});
    ASSERT_EQ(final_snapshot.status, 200) << final_snapshot.body;
    EXPECT_FALSE(exists("vdsim_db_small_db_pitr"));
    EXPECT_EQ(events("vdsim_snap_pitr_final"), std::to_string(kSampleEvents - 10));
}

TEST_F(SimPostgres, ABackupWaitsForOrEndsOtherSessionsOnTheSource) {
    auto t = sim();
    std::string conninfo = cluster_->conninfo();
    conninfo.replace(conninfo.find("dbname=postgres"), 15, "dbname=vdsim_db_small_db");
    PGconn* held = PQconnectdb(conninfo.c_str());
    ASSERT_EQ(PQstatus(held), CONNECTION_OK) << PQerrorMessage(held);
    auto job = back_up_small_db(t);
    EXPECT_EQ(job["State"], "COMPLETED") << job.dump();
    PGresult* r = PQexec(held, "SELECT 1");
    EXPECT_NE(PQresultStatus(r), PGRES_TUPLES_OK) << "the session on the source was ended for the copy";
    PQclear(r);
    PQfinish(held);
}

TEST_F(SimPostgres, PostgresErrorsFailTheJobOrTheCallWithTheReason) {
    auto t = sim();
    // The source's database disappears behind the simulator's back.
    ASSERT_TRUE(cluster_->exec("postgres", "ALTER DATABASE vdsim_db_small_db RENAME TO small_db_moved").ok());
    auto job = back_up_small_db(t);
    EXPECT_EQ(job["State"], "FAILED");
    std::string message = job.value("StatusMessage", "");
    EXPECT_NE(message.find("PostgreSQL"), std::string::npos) << message;
    EXPECT_NE(message.find("vdsim_db_small_db"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos);

    auto pitr = t.query("rds", "RestoreDBInstanceToPointInTime",
                        {{"SourceDBInstanceIdentifier", "small-db"}, {"TargetDBInstanceIdentifier", "small-db-pitr"},
                         {"UseLatestRestorableTime", "true"}});
    EXPECT_EQ(pitr.status, 400);
    EXPECT_NE(pitr.body.find("InvalidRestoreFault"), std::string::npos) << pitr.body;
    EXPECT_EQ(describe(t, "small-db-pitr").status, "") << "no instance without its database";
    ASSERT_TRUE(cluster_->exec("postgres", "DROP DATABASE small_db_moved").ok());
}

TEST_F(SimPostgres, AServerThatCannotBeReachedStopsTheStartWithOneLine) {
    SimOptions o;
    o.scenario = "small";
    o.postgres = "host=127.0.0.1 port=1 user=postgres password=hunter2 dbname=postgres connect_timeout=2";
    EmbeddedSimulator sim(o);
    auto started = sim.start();
    ASSERT_FALSE(started.ok());
    EXPECT_NE(started.error().message.find("PostgreSQL: cannot connect to"), std::string::npos) << started.error().message;
    EXPECT_NE(started.error().message.find("port=1"), std::string::npos) << started.error().message;
    EXPECT_EQ(started.error().message.find('\n'), std::string::npos);
    EXPECT_EQ(started.error().message.find("hunter2"), std::string::npos) << "never the password";
}

}  // namespace
}  // namespace vd::sim
