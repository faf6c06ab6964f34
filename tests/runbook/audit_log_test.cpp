// The audit log: one complete, fsynced JSON line per entry, private to the
// user, read back newest first.
#include <gtest/gtest.h>

#include <fstream>
#include <sys/stat.h>

#include "backend/core/files.hpp"
#include "backend/core/time_format.hpp"
#include "backend/runbook/audit_log.hpp"
#include "support/temp_dir.hpp"

using namespace vd;
using namespace vd::runbook;

namespace {

// The lines of a file as they are on disk now.
std::vector<std::string> lines_of(const std::filesystem::path& p) {
    std::vector<std::string> out;
    std::ifstream in(p);
    std::string line;
    while (std::getline(in, line)) out.push_back(line);
    return out;
}

AuditEntry entry(const std::string& phase, int second) {
    AuditEntry e;
    e.time = *parse_time("2026-11-22T03:00:00Z") + Seconds(second);
    e.phase = phase;
    e.action = "restore";
    e.who = "arn:aws:iam::123456789012:user/oncall";
    e.profile = "prod";
    e.region = "eu-central-1";
    e.target = "prod-db-restore-20261122";
    e.idempotency_token = "3f2c9a6e-0000-4000-8000-000000000001";
    e.wizard_id = "20261122-030000-abcdef";
    e.call.service = "backup";
    e.call.operation = "StartRestoreJob";
    e.call.parameters["RecoveryPointArn"] = "arn:aws:backup:eu-central-1:123456789012:recovery-point:abc";
    e.call.parameters["IdempotencyToken"] = e.idempotency_token;
    return e;
}

}  // namespace

TEST(AuditLog, EachAppendIsOnDiskBeforeItReturns) {
    test::TempDir dir;
    AuditLog log(dir.path / "state" / "audit.jsonl");
    ASSERT_TRUE(log.append(entry("before", 0)).ok());
    auto after_one = lines_of(log.path());
    ASSERT_EQ(after_one.size(), 1u);
    auto first = nlohmann::json::parse(after_one[0]);
    EXPECT_EQ(first["phase"], "before");
    EXPECT_EQ(first["api"]["operation"], "StartRestoreJob");
    EXPECT_EQ(first["idempotency_token"], "3f2c9a6e-0000-4000-8000-000000000001");
    EXPECT_EQ(first["who"], "arn:aws:iam::123456789012:user/oncall");

    AuditEntry after = entry("after", 2);
    after.result = "ok";
    after.request_id = "req-1";
    after.outcome = "job-1";
    ASSERT_TRUE(log.append(after).ok());
    auto after_two = lines_of(log.path());
    ASSERT_EQ(after_two.size(), 2u);
    EXPECT_EQ(after_two[0], after_one[0]);
    EXPECT_EQ(nlohmann::json::parse(after_two[1])["request_id"], "req-1");

    struct stat st {};
    ASSERT_EQ(::stat(log.path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
    ASSERT_EQ(::stat(log.path().parent_path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0077, 0u);
}

TEST(AuditLog, ReadsNewestFirstAndSkipsDamagedLines) {
    test::TempDir dir;
    AuditLog log(dir.path / "audit.jsonl");
    ASSERT_TRUE(log.append(entry("before", 0)).ok());
    {
        std::ofstream out(log.path(), std::ios::app);
        out << "{not json\n";
    }
    AuditEntry after = entry("after", 5);
    after.result = "error";
    after.error = "DBInstanceAlreadyExists: exists";
    ASSERT_TRUE(log.append(after).ok());
    auto read = read_audit_log(log.path());
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->malformed_lines, 1);
    ASSERT_EQ(read->entries.size(), 2u);
    EXPECT_EQ(read->entries[0].phase, "after");
    EXPECT_EQ(read->entries[0].error, "DBInstanceAlreadyExists: exists");
    EXPECT_EQ(read->entries[1].phase, "before");
    EXPECT_EQ(read->entries[1].call.parameters["RecoveryPointArn"], "arn:aws:backup:eu-central-1:123456789012:recovery-point:abc");
    EXPECT_EQ(format_iso8601(read->entries[1].time), "2026-11-22T03:00:00Z");
    auto limited = read_audit_log(log.path(), 1);
    ASSERT_TRUE(limited.ok());
    ASSERT_EQ(limited->entries.size(), 1u);
    EXPECT_EQ(limited->entries[0].phase, "after");
}

TEST(AuditLog, MissingFileIsAnEmptyLog) {
    test::TempDir dir;
    auto read = read_audit_log(dir.path / "none.jsonl");
    ASSERT_TRUE(read.ok());
    EXPECT_TRUE(read->entries.empty());
}

TEST(AuditLog, DefaultPathIsInTheStateFolder) {
    EXPECT_EQ(default_audit_path(), xdg_state_home() / "audit.jsonl");
}
