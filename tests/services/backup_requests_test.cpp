// Every BackupClient operation sends what the AWS Backup model describes:
// method, URI pattern, query names (with their wire names), body members,
// encoded labels, ISO 8601 query timestamps, and mutating flags.
#include <gtest/gtest.h>

#include <set>

#include "backend/core/time_format.hpp"
#include "backend/services/backup_client.hpp"
#include "services/support/fake_aws_client.hpp"
#include "services/support/model_check.hpp"

namespace vd::test {
namespace {

using services::BackupClient;
using services::JobFilter;

TimePoint at(const char* iso) { return *parse_time(iso); }

class BackupRequests : public ::testing::Test {
protected:
    void SetUp() override {
        fake = std::make_shared<FakeAwsClient>();
        fake->set_handler([](const aws::ServiceRequest&) { return Result<aws::HttpResponse>(aws::HttpResponse{200, {}, "{}"}); });
        client = std::make_unique<BackupClient>(fake);
    }

    // Asserts that every request sent so far matches the model.
    void expect_all_match_model() {
        for (const auto& r : fake->requests()) EXPECT_EQ(model.check(r), std::vector<std::string>{}) << r.operation;
    }

    // Calls every operation once, with answers good enough to parse.
    void call_every_operation() {
        JobFilter f;
        f.created_after = at("2025-11-21T03:00:00Z");
        (void)client->list_backup_vaults();
        fake->push_body(fixture("backup/describe_backup_vault.json"));
        (void)client->describe_backup_vault("produção-vault");
        (void)client->list_recovery_points_by_backup_vault("produção-vault", f);
        (void)client->list_recovery_points_by_resource("arn:aws:rds:eu-west-1:111122223333:db:orders-prod");
        (void)client->describe_recovery_point("prod-primary", "arn:aws:backup:eu-west-1:1:recovery-point:ABC");
        (void)client->get_recovery_point_restore_metadata("prod-primary", "arn:aws:backup:eu-west-1:1:recovery-point:ABC");
        (void)client->list_backup_jobs(f);
        (void)client->list_backup_job_summaries("ANY", "ONE_DAY");
        (void)client->describe_backup_job("4D5E6F70");
        (void)client->list_restore_jobs(f);
        (void)client->describe_restore_job("RJ-0001");
        fake->push_body(R"({"RestoreJobId":"RJ-1"})");
        (void)client->start_restore_job({"arn:aws:rds:eu-west-1:1:snapshot:s", {{"DBInstanceIdentifier", "drill-1"}}, "", "tok-1", "RDS", false});
        (void)client->list_copy_jobs(f);
        (void)client->list_backup_plans();
        (void)client->get_backup_plan("7c1d6d6e");
        (void)client->list_backup_selections("7c1d6d6e");
        (void)client->get_backup_selection("7c1d6d6e", "sel-0a1b2c");
        (void)client->list_protected_resources();
        fake->push_body(R"({"BackupJobId":"BJ-1"})");
        (void)client->start_backup_job("prod-primary", "arn:aws:rds:eu-west-1:1:db:orders", "arn:aws:iam::1:role/b", "tok-2");
        (void)client->list_restore_testing_plans();
        fake->push_body(fixture("backup/get_restore_testing_plan.json"));
        (void)client->get_restore_testing_plan("monthly_drill");
        (void)client->list_restore_jobs_by_protected_resource("arn:aws:rds:eu-west-1:1:db:orders");
        (void)client->put_restore_validation_result("RJ-0001", "SUCCESSFUL", "smoke checks passed");
    }

    inline static ServiceModel model = ServiceModel::load("backup");
    std::shared_ptr<FakeAwsClient> fake;
    std::unique_ptr<BackupClient> client;
};

TEST_F(BackupRequests, EveryOperationOfTheIssueMatchesTheModel) {
    call_every_operation();
    std::set<std::string> sent;
    for (const auto& r : fake->requests()) sent.insert(r.operation);
    const std::set<std::string> issue = {
        "ListBackupVaults", "DescribeBackupVault", "ListRecoveryPointsByBackupVault", "ListRecoveryPointsByResource",
        "DescribeRecoveryPoint", "GetRecoveryPointRestoreMetadata", "ListBackupJobs", "ListBackupJobSummaries",
        "DescribeBackupJob", "ListRestoreJobs", "DescribeRestoreJob", "StartRestoreJob", "ListCopyJobs",
        "ListBackupPlans", "GetBackupPlan", "ListBackupSelections", "GetBackupSelection", "ListProtectedResources",
        "StartBackupJob", "ListRestoreTestingPlans", "GetRestoreTestingPlan", "ListRestoreJobsByProtectedResource",
        "PutRestoreValidationResult"};
    EXPECT_EQ(sent, issue);
    expect_all_match_model();
    for (const auto& r : fake->requests()) {
        bool mutating = r.operation.rfind("Start", 0) == 0 || r.operation.rfind("Put", 0) == 0;
        EXPECT_EQ(r.mutating, mutating) << r.operation;
        EXPECT_EQ(r.service, "backup");
    }
}

TEST_F(BackupRequests, ListRecoveryPointsByBackupVaultEncodesTheVaultAndSendsIsoTimes) {
    JobFilter f;
    f.resource_arn = "arn:aws:rds:eu-west-1:111122223333:db:orders-prod";
    f.resource_type = "RDS";
    f.created_after = at("2025-11-21T03:00:00Z");
    f.created_before = at("2025-11-22T03:00:00.750Z");
    ASSERT_TRUE(client->list_recovery_points_by_backup_vault("produção-vault", f).ok());
    const auto& r = fake->last();
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.path, "/backup-vaults/produ%C3%A7%C3%A3o-vault/recovery-points/");
    EXPECT_EQ(FakeAwsClient::query_value(r, "resourceArn"), f.resource_arn);
    EXPECT_EQ(FakeAwsClient::query_value(r, "resourceType"), "RDS");
    EXPECT_EQ(FakeAwsClient::query_value(r, "createdAfter"), "2025-11-21T03:00:00Z");
    EXPECT_EQ(FakeAwsClient::query_value(r, "createdBefore"), "2025-11-22T03:00:00Z");
    EXPECT_EQ(FakeAwsClient::query_value(r, "maxResults"), "1000");
    expect_all_match_model();
}

TEST_F(BackupRequests, ListBackupJobsSendsEveryFilterUnderItsWireName) {
    JobFilter f;
    f.state = "FAILED";
    f.account_id = "ANY";
    f.vault_name = "prod-primary";
    f.resource_arn = "arn:aws:rds:eu-west-1:1:db:x";
    f.resource_type = "RDS";
    f.created_after = at("2025-11-21T00:00:00Z");
    f.created_before = at("2025-11-22T00:00:00Z");
    f.completed_after = at("2025-11-21T01:00:00Z");
    f.completed_before = at("2025-11-22T01:00:00Z");
    f.page_size = 50;
    ASSERT_TRUE(client->list_backup_jobs(f).ok());
    const auto& r = fake->last();
    EXPECT_EQ(r.path, "/backup-jobs/");
    EXPECT_EQ(FakeAwsClient::query_value(r, "state"), "FAILED");
    EXPECT_EQ(FakeAwsClient::query_value(r, "accountId"), "ANY");
    EXPECT_EQ(FakeAwsClient::query_value(r, "backupVaultName"), "prod-primary");
    EXPECT_EQ(FakeAwsClient::query_value(r, "completeAfter"), "2025-11-21T01:00:00Z");
    EXPECT_EQ(FakeAwsClient::query_value(r, "completeBefore"), "2025-11-22T01:00:00Z");
    EXPECT_EQ(FakeAwsClient::query_value(r, "maxResults"), "50");
    EXPECT_EQ(r.query.size(), 10u);
    expect_all_match_model();
}

TEST_F(BackupRequests, ArnLabelsAreOneEncodedSegment) {
    ASSERT_TRUE(client->describe_recovery_point("prod-primary", "arn:aws:ec2:eu-west-1::image/ami-0abc").ok());
    EXPECT_EQ(fake->last().path, "/backup-vaults/prod-primary/recovery-points/arn%3Aaws%3Aec2%3Aeu-west-1%3A%3Aimage%2Fami-0abc");
    ASSERT_TRUE(client->list_recovery_points_by_resource("arn:aws:s3:::media bucket").ok());
    EXPECT_EQ(fake->last().path, "/resources/arn%3Aaws%3As3%3A%3A%3Amedia%20bucket/recovery-points/");
    expect_all_match_model();
}

TEST_F(BackupRequests, StartRestoreJobPutsAJsonBodyAndIsMutating) {
    fake->push_body(R"({"RestoreJobId":"RJ-42"})");
    services::StartRestoreJobRequest req;
    req.recovery_point_arn = "arn:aws:rds:eu-west-1:111122223333:snapshot:awsbackup:job-8f2c1a";
    req.metadata = {{"DBInstanceIdentifier", "orders-drill-1"}, {"DBInstanceClass", "db.t4g.medium"}};
    req.iam_role_arn = "arn:aws:iam::111122223333:role/backup";
    req.idempotency_token = "2f0c1d2e-drill";
    req.resource_type = "RDS";
    req.copy_source_tags_to_restored_resource = true;
    auto id = client->start_restore_job(req);
    ASSERT_TRUE(id.ok()) << id.error().to_string();
    EXPECT_EQ(*id, "RJ-42");
    const auto& r = fake->last();
    EXPECT_EQ(r.method, "PUT");
    EXPECT_EQ(r.path, "/restore-jobs");
    EXPECT_TRUE(r.mutating);
    auto body = nlohmann::json::parse(r.body);
    EXPECT_EQ(body["RecoveryPointArn"], req.recovery_point_arn);
    EXPECT_EQ(body["Metadata"]["DBInstanceIdentifier"], "orders-drill-1");
    EXPECT_EQ(body["IdempotencyToken"], "2f0c1d2e-drill");
    EXPECT_EQ(body["CopySourceTagsToRestoredResource"], true);
    expect_all_match_model();
}

TEST_F(BackupRequests, MutatingCallsNeedAnIdempotencyTokenAndAreRefusedWhenReadOnly) {
    auto missing = client->start_restore_job({"arn:x", {}, "", "", "", false});
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().kind, ErrorKind::InvalidInput);
    fake->mutable_options().read_only = true;
    auto refused = client->start_backup_job("v", "arn:r", "arn:role", "tok");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::ReadOnly);
    auto validation = client->put_restore_validation_result("RJ-1", "FAILED", "row count mismatch");
    ASSERT_FALSE(validation.ok());
    EXPECT_EQ(validation.error().kind, ErrorKind::ReadOnly);
    EXPECT_TRUE(fake->requests().empty());
    EXPECT_TRUE(client->list_backup_vaults().ok());  // reading still works
}

TEST_F(BackupRequests, FiltersAnOperationCannotSendAreErrorsNotSilentlyDropped) {
    JobFilter f;
    f.vault_name = "prod-primary";
    auto restores = client->list_restore_jobs(f);
    ASSERT_FALSE(restores.ok());
    EXPECT_EQ(restores.error().kind, ErrorKind::InvalidInput);
    auto copies = client->list_copy_jobs(f);
    ASSERT_FALSE(copies.ok());
    JobFilter state;
    state.state = "COMPLETED";
    EXPECT_FALSE(client->list_recovery_points_by_backup_vault("v", state).ok());
    EXPECT_TRUE(fake->requests().empty());
    auto empty_vault = client->describe_backup_vault("");
    ASSERT_FALSE(empty_vault.ok());
    EXPECT_EQ(empty_vault.error().kind, ErrorKind::InvalidInput);
}

TEST_F(BackupRequests, RestoreJobFiltersUseStatusAndCompleteNames) {
    JobFilter f;
    f.state = "RUNNING";
    f.completed_after = at("2025-11-21T00:00:00Z");
    ASSERT_TRUE(client->list_restore_jobs(f).ok());
    EXPECT_EQ(FakeAwsClient::query_value(fake->last(), "status"), "RUNNING");
    EXPECT_EQ(FakeAwsClient::query_value(fake->last(), "completeAfter"), "2025-11-21T00:00:00Z");
    expect_all_match_model();
}

TEST_F(BackupRequests, PaginatedOperationsAreExactlyThoseOfThePaginatorsFile) {
    // A listing sends the paginator's limit key (under its wire name) at the
    // largest page; a single-item call sends no page size and no token.
    call_every_operation();
    for (const auto& r : fake->requests()) {
        const auto& pag = model.paginator(r.operation);
        if (!pag.is_null()) {
            std::string limit = model.input_wire_name(r.operation, pag["limit_key"]);
            EXPECT_EQ(FakeAwsClient::query_value(r, limit), "1000") << r.operation;
            continue;
        }
        if (r.operation == "ListBackupJobSummaries") {
            // Missing from paginators-1.json, yet its output carries NextToken: followed too.
            EXPECT_EQ(FakeAwsClient::query_value(r, "MaxResults"), "1000");
            continue;
        }
        for (const auto& [name, value] : r.query) {
            EXPECT_NE(name, model.input_wire_name(r.operation, "MaxResults")) << r.operation;
            EXPECT_NE(name, model.input_wire_name(r.operation, "NextToken")) << r.operation;
        }
    }
}

}  // namespace
}  // namespace vd::test
