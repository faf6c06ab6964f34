// The pieces behind the checking steps: libpq sessions on a real PostgreSQL
// (read-only, errors as values), the loopback guard, command steps without
// a shell, and the API call as the dry run shows it.
#include <gtest/gtest.h>

#include "backend/runbook/api_call.hpp"
#include "backend/runbook/command_runner.hpp"
#include "backend/runbook/sql_runner.hpp"
#include "support/pg_cluster.hpp"

using namespace vd;
using namespace vd::runbook;

namespace {

test::PgCluster* pg() {
    static std::unique_ptr<test::PgCluster> cluster = [] {
        auto started = test::PgCluster::start();
        EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message);
        if (!started.ok()) return std::unique_ptr<test::PgCluster>();
        EXPECT_TRUE((*started)->exec("postgres", "CREATE DATABASE shop").ok());
        EXPECT_TRUE((*started)->exec("shop", "CREATE TABLE items (id int); INSERT INTO items SELECT generate_series(1, 42)").ok());
        return std::move(*started);
    }();
    return cluster.get();
}

ConnectionParams shop() {
    ConnectionParams p;
    p.host = pg()->host();
    p.port = pg()->port();
    p.database = "shop";
    p.user = "postgres";
    return p;
}

}  // namespace

TEST(SqlRunner, ReadsOneValue) {
    ASSERT_NE(pg(), nullptr);
    auto session = make_libpq_runner()->connect(shop());
    ASSERT_TRUE(session.ok()) << session.error().message;
    auto count = (*session)->query_value("SELECT count(*) FROM items");
    ASSERT_TRUE(count.ok()) << count.error().message;
    EXPECT_EQ(*count, "42");
    EXPECT_EQ(*(*session)->query_value("SELECT NULL"), "NULL");
}

TEST(SqlRunner, SessionsAreReadOnly) {
    ASSERT_NE(pg(), nullptr);
    auto session = make_libpq_runner()->connect(shop());
    ASSERT_TRUE(session.ok());
    auto write = (*session)->query_value("DELETE FROM items RETURNING id");
    ASSERT_FALSE(write.ok());
    EXPECT_NE(write.error().message.find("read-only"), std::string::npos) << write.error().message;
    EXPECT_EQ(*(*session)->query_value("SELECT count(*) FROM items"), "42");
}

TEST(SqlRunner, ErrorsAreOneLineValues) {
    ASSERT_NE(pg(), nullptr);
    auto session = make_libpq_runner()->connect(shop());
    ASSERT_TRUE(session.ok());
    auto bad = (*session)->query_value("SELECT * FROM nosuch");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("nosuch"), std::string::npos);
    EXPECT_EQ(bad.error().message.find('\n'), std::string::npos);
    auto empty = (*session)->query_value("SELECT 1 WHERE false");
    ASSERT_FALSE(empty.ok());
    ConnectionParams wrong = shop();
    wrong.database = "missing_db";
    auto refused = make_libpq_runner()->connect(wrong);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("dbname=missing_db"), std::string::npos);
}

TEST(SqlRunner, LoopbackGuardRefusesRealAddresses) {
    EXPECT_TRUE(is_loopback_host("127.0.0.1"));
    EXPECT_TRUE(is_loopback_host("127.5.6.7"));
    EXPECT_TRUE(is_loopback_host("localhost"));
    EXPECT_TRUE(is_loopback_host("/var/run/postgresql"));
    EXPECT_FALSE(is_loopback_host("127.example.com"));
    EXPECT_FALSE(is_loopback_host("prod-db.abc.us-east-1.rds.amazonaws.com"));
    EXPECT_FALSE(is_loopback_host(""));
    auto guarded = make_loopback_only_runner(make_libpq_runner());
    ConnectionParams remote = shop();
    remote.host = "prod-db.abc.us-east-1.rds.amazonaws.com";
    auto r = guarded->connect(remote);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().message.find("not connecting to prod-db.abc"), std::string::npos);
    ASSERT_NE(pg(), nullptr);
    EXPECT_TRUE(guarded->connect(shop()).ok());
}

TEST(CommandRunner, RunsArgvWithoutAShell) {
    CommandSpec spec;
    spec.argv = {"/bin/echo", "$HOME", "a b", ";", "rm -rf /"};
    auto r = make_process_runner()->run(spec);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->exit_code, 0);
    EXPECT_EQ(r->output, "$HOME a b ; rm -rf /\n");
    EXPECT_EQ(command_line_text(spec), "/bin/echo '$HOME' 'a b' ';' 'rm -rf /'");
}

TEST(CommandRunner, ShellOnlyWhenAskedAndEnvironmentPassed) {
    CommandSpec spec;
    spec.shell = true;
    spec.shell_command = "echo \"$VAULTDECK_TARGET\" >&2; exit 3";
    spec.env = {{"VAULTDECK_TARGET", "prod-db-restore"}};
    auto r = make_process_runner()->run(spec);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->exit_code, 3);
    EXPECT_EQ(r->output, "prod-db-restore\n");
    EXPECT_EQ(command_line_text(spec), "/bin/sh -c 'echo \"$VAULTDECK_TARGET\" >&2; exit 3'");
}

TEST(CommandRunner, TimesOutAndReportsMissingPrograms) {
    CommandSpec slow;
    slow.argv = {"/bin/sleep", "30"};
    slow.timeout = Seconds(1);
    auto r = make_process_runner()->run(slow);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->timed_out);
    EXPECT_NE(r->exit_code, 0);
    CommandSpec missing;
    missing.argv = {"/nonexistent/program"};
    auto m = make_process_runner()->run(missing);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(m->exit_code, 127);
    EXPECT_NE(m->output.find("cannot execute"), std::string::npos);
}

TEST(ApiCall, DescribesTheCallAndItsCliEquivalent) {
    ApiCall call{"rds", "RestoreDBInstanceToPointInTime", {}};
    call.parameters["SourceDBInstanceIdentifier"] = "prod-db";
    call.parameters["TargetDBInstanceIdentifier"] = "prod-db-pitr";
    call.parameters["UseLatestRestorableTime"] = true;
    call.parameters["VpcSecurityGroupIds"] = {"sg-1", "sg-2"};
    EXPECT_EQ(aws_cli_equivalent(call, "us-east-1"),
              "aws rds restore-db-instance-to-point-in-time --region us-east-1 --source-db-instance-identifier prod-db "
              "--target-db-instance-identifier prod-db-pitr --use-latest-restorable-time --vpc-security-group-ids sg-1 sg-2");
    std::string text = describe_api_call(call);
    EXPECT_EQ(text.rfind("rds RestoreDBInstanceToPointInTime\n{", 0), 0u);
    ApiCall start{"backup", "StartRestoreJob", {}};
    start.parameters["Metadata"] = {{"DBInstanceIdentifier", "x"}};
    EXPECT_EQ(aws_cli_equivalent(start, ""), "aws backup start-restore-job --metadata '{\"DBInstanceIdentifier\":\"x\"}'");
}
