// BackupClient answers: realistic fixtures, empty lists, unknown members and
// enum values kept, a generated page of 1000 items, non-ASCII names,
// NextToken pagination followed, and pipeline errors passed through unchanged.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "backend/core/time_format.hpp"
#include "backend/services/backup_client.hpp"
#include "backend/services/rule_names.hpp"
#include "backend/services/wire_time.hpp"
#include "services/support/fake_aws_client.hpp"

namespace vd::test {
namespace {

using services::BackupClient;

class BackupResponses : public ::testing::Test {
protected:
    std::shared_ptr<FakeAwsClient> fake = std::make_shared<FakeAwsClient>();
    BackupClient client{fake};
};

// A whole-second ISO 8601 time plus milliseconds, built exactly.
TimePoint at(const char* iso, int ms = 0) { return *parse_time(iso) + std::chrono::milliseconds(ms); }

TEST_F(BackupResponses, VaultsKeepUnknownMembersAndEnumValues) {
    fake->push_body(fixture("backup/list_backup_vaults.json"));
    auto vaults = client.list_backup_vaults();
    ASSERT_TRUE(vaults.ok()) << vaults.error().to_string();
    ASSERT_EQ(vaults->size(), 2u);
    const auto& prod = (*vaults)[0];
    EXPECT_EQ(prod.name, "prod-primary");
    EXPECT_TRUE(prod.locked);
    EXPECT_EQ(prod.min_retention_days, 7);
    EXPECT_EQ(prod.max_retention_days, 400);
    EXPECT_EQ(prod.recovery_points, 1432);
    EXPECT_EQ(prod.creation_date, at("2024-06-01T00:00:00Z"));
    EXPECT_EQ(prod.lock_date, at("2025-12-22T03:00:00Z"));
    EXPECT_EQ(prod.extra.at("CreatorRequestId"), "tf-20240601");
    const auto& air = (*vaults)[1];
    EXPECT_EQ(air.name, "produção-vault");
    EXPECT_EQ(air.vault_state, "QUANTUM_SEALED");  // an enum value this version never heard of
    EXPECT_FALSE(air.locked);
    EXPECT_FALSE(air.min_retention_days.has_value());
    EXPECT_EQ(air.creation_date, at("2025-11-22T03:00:00Z", 250));
    EXPECT_EQ(air.extra.at("FutureScalar"), "42");
    EXPECT_EQ(nlohmann::json::parse(air.extra.at("ReplicationPolicy"))["Mode"], "mirror");
}

TEST_F(BackupResponses, RecoveryPointsFollowNextTokenAcrossPages) {
    fake->push_body(fixture("backup/list_recovery_points_page1.json"));
    fake->push_body(fixture("backup/list_recovery_points_page2.json"));
    auto points = client.list_recovery_points_by_backup_vault("prod-primary");
    ASSERT_TRUE(points.ok()) << points.error().to_string();
    ASSERT_EQ(points->size(), 2u);
    ASSERT_EQ(fake->requests().size(), 2u);
    EXPECT_EQ(FakeAwsClient::query_value(fake->requests()[0], "nextToken"), "");
    EXPECT_EQ(FakeAwsClient::query_value(fake->requests()[1], "nextToken"), "page-2-token/with+odd=chars");
    const auto& rds = (*points)[0];
    EXPECT_EQ(rds.resource_type, "RDS");
    EXPECT_EQ(rds.status, "COMPLETED");
    EXPECT_EQ(rds.storage_class, "WARM");
    EXPECT_EQ(rds.backup_size_bytes, 53687091200);
    EXPECT_EQ(rds.creation_date, at("2025-11-22T03:00:00Z", 123));
    EXPECT_EQ(rds.completion_date, at("2025-11-22T03:41:27Z", 500));
    EXPECT_EQ(rds.lifecycle.move_to_cold_storage_after_days, 30);
    EXPECT_EQ(rds.lifecycle.delete_after_days, 365);
    EXPECT_EQ(rds.calculated.move_to_cold_storage_at, at("2025-12-22T03:00:00Z"));
    EXPECT_EQ(rds.calculated.delete_at, at("2026-11-22T03:00:00Z"));
    EXPECT_TRUE(rds.encrypted);
    EXPECT_EQ(rds.backup_rule_id, "rule-daily-0001");
    EXPECT_EQ(rds.backup_plan_name, "prod-daily");
    EXPECT_TRUE(rds.created_by_rule_name.empty());
    EXPECT_EQ(rds.extra.at("IndexStatus"), "ACTIVE");
    const auto& efs = (*points)[1];
    EXPECT_EQ(efs.status, "EXPIRED");
    EXPECT_EQ(efs.storage_class, "COLD");
    EXPECT_EQ(efs.created_by_rule_name, "weekly-sunday");
    EXPECT_EQ(efs.creation_date, at("2025-11-21T03:00:00Z"));
}

TEST_F(BackupResponses, RuleNamesAreResolvedFromThePlanWhenTheAnswerLacksThem) {
    fake->push_body(fixture("backup/list_recovery_points_page1.json"));
    fake->push_body(fixture("backup/list_recovery_points_page2.json"));
    fake->push_body(fixture("backup/get_backup_plan.json"));
    auto points = client.list_recovery_points_by_backup_vault("prod-primary");
    ASSERT_TRUE(points.ok());
    EXPECT_TRUE(services::needs_rule_names(*points));
    auto plan = client.get_backup_plan("7c1d6d6e-1a2b-4c3d-9e8f-001122334455");
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(services::resolve_rule_names(*points, {*plan}), 1u);
    EXPECT_EQ((*points)[0].created_by_rule_name, "daily-0300");
    EXPECT_EQ((*points)[1].created_by_rule_name, "weekly-sunday");  // kept from the answer
    EXPECT_FALSE(services::needs_rule_names(*points));
}

TEST_F(BackupResponses, EmptyListsAndEmptyBodiesAreEmptyNotErrors) {
    fake->push_body(fixture("backup/list_recovery_points_empty.json"));
    auto points = client.list_recovery_points_by_backup_vault("empty-vault");
    ASSERT_TRUE(points.ok());
    EXPECT_TRUE(points->empty());
    fake->push_body("");
    auto jobs = client.list_backup_jobs();
    ASSERT_TRUE(jobs.ok());
    EXPECT_TRUE(jobs->empty());
    fake->push_body("", 204);
    EXPECT_TRUE(client.put_restore_validation_result("RJ-1", "SUCCESSFUL", "").ok());
}

TEST_F(BackupResponses, APageOfOneThousandRecoveryPoints) {
    nlohmann::json page = {{"RecoveryPoints", nlohmann::json::array()}};
    for (int i = 0; i < 1000; ++i) {
        page["RecoveryPoints"].push_back({{"RecoveryPointArn", "arn:aws:backup:eu-west-1:1:recovery-point:" + std::to_string(i)},
                                          {"BackupVaultName", "produção-vault"},
                                          {"ResourceName", "base de dados nº" + std::to_string(i)},
                                          {"Status", i % 7 == 0 ? "PARTIAL" : "COMPLETED"},
                                          {"CreationDate", 1763780400.0 + i * 0.5},
                                          {"BackupSizeInBytes", int64_t(i) * 1024}});
    }
    fake->push_body(page.dump());
    auto points = client.list_recovery_points_by_backup_vault("produção-vault");
    ASSERT_TRUE(points.ok());
    ASSERT_EQ(points->size(), 1000u);
    EXPECT_EQ((*points)[999].arn, "arn:aws:backup:eu-west-1:1:recovery-point:999");
    EXPECT_EQ((*points)[999].resource_name, "base de dados nº999");
    EXPECT_EQ((*points)[999].creation_date, at("2025-11-22T03:08:19Z", 500));
    EXPECT_EQ((*points)[7].status, "PARTIAL");
    EXPECT_EQ((*points)[500].backup_size_bytes, 512000);
    EXPECT_EQ(fake->requests().size(), 1u);
}

TEST_F(BackupResponses, JobsKeepUnknownStatesAndCarryTheirDetails) {
    fake->push_body(fixture("backup/list_backup_jobs.json"));
    auto jobs = client.list_backup_jobs();
    ASSERT_TRUE(jobs.ok());
    ASSERT_EQ(jobs->size(), 2u);
    EXPECT_EQ((*jobs)[0].state, "COMPLETED");
    EXPECT_EQ((*jobs)[0].message_category, "SUCCESS");
    EXPECT_EQ((*jobs)[0].percent_done, "100.0");
    EXPECT_EQ((*jobs)[0].start_by, at("2025-11-22T04:00:00Z"));
    EXPECT_EQ((*jobs)[0].backup_plan_id, "7c1d6d6e");
    EXPECT_EQ((*jobs)[1].state, "TELEPORTING");
    EXPECT_EQ((*jobs)[1].status_message, "Acesso negado à chave KMS");
    EXPECT_EQ((*jobs)[1].vault_name, "produção-vault");
    EXPECT_EQ((*jobs)[1].extra.at("BytesTransferred"), "1048576");

    fake->push_body(fixture("backup/list_restore_jobs.json"));
    auto restores = client.list_restore_jobs();
    ASSERT_TRUE(restores.ok());
    ASSERT_EQ(restores->size(), 1u);
    EXPECT_EQ((*restores)[0].source_resource_arn, "arn:aws:rds:eu-west-1:111122223333:db:orders-prod");
    EXPECT_EQ((*restores)[0].created_resource_arn, "arn:aws:rds:eu-west-1:111122223333:db:orders-drill-20251122");
    EXPECT_EQ((*restores)[0].expected_completion_time_minutes, 42);
    EXPECT_EQ((*restores)[0].validation_status, "SUCCESSFUL");
    EXPECT_EQ((*restores)[0].restore_testing_plan_arn,
              "arn:aws:backup:eu-west-1:111122223333:restore-testing-plan:monthly-abc");

    fake->push_body(fixture("backup/list_copy_jobs.json"));
    auto copies = client.list_copy_jobs();
    ASSERT_TRUE(copies.ok());
    ASSERT_EQ(copies->size(), 1u);
    EXPECT_EQ((*copies)[0].state, "FAILED");
    EXPECT_EQ((*copies)[0].destination_vault_arn, "arn:aws:backup:eu-central-1:111122223333:backup-vault:dr-copy");
    EXPECT_EQ((*copies)[0].message_category, "ACCESS_DENIED");
}

TEST_F(BackupResponses, PlanRulesCarryLifecycleCopyActionsAndTimezone) {
    fake->push_body(fixture("backup/get_backup_plan.json"));
    auto plan = client.get_backup_plan("7c1d6d6e-1a2b-4c3d-9e8f-001122334455");
    ASSERT_TRUE(plan.ok());
    EXPECT_EQ(plan->plan_name, "prod-daily");
    EXPECT_EQ(plan->version_id, "ZWQ0ZjNjZWMtYjNmMS00");
    EXPECT_EQ(plan->last_execution_date, at("2025-11-22T03:00:00Z"));
    ASSERT_EQ(plan->rules.size(), 2u);
    const auto& daily = plan->rules[0];
    EXPECT_EQ(daily.rule_name, "daily-0300");
    EXPECT_EQ(daily.schedule_expression, "cron(0 3 * * ? *)");
    EXPECT_EQ(daily.schedule_expression_timezone, "Europe/Lisbon");
    EXPECT_EQ(daily.start_window_minutes, 60);
    EXPECT_EQ(daily.completion_window_minutes, 180);
    EXPECT_EQ(daily.lifecycle.delete_after_days, 365);
    EXPECT_TRUE(daily.lifecycle.opt_in_to_archive_for_supported_resources);
    EXPECT_TRUE(daily.enable_continuous_backup);
    ASSERT_EQ(daily.copy_actions.size(), 1u);
    EXPECT_EQ(daily.copy_actions[0].destination_vault_arn, "arn:aws:backup:eu-central-1:111122223333:backup-vault:dr-copy");
    EXPECT_EQ(daily.copy_actions[0].lifecycle.delete_after_days, 90);
    EXPECT_TRUE(plan->rules[1].schedule_expression_timezone.empty());
    EXPECT_FALSE(plan->rules[1].lifecycle.move_to_cold_storage_after_days.has_value());
}

TEST_F(BackupResponses, SelectionsProtectedResourcesAndTestingPlans) {
    fake->push_body(fixture("backup/get_backup_selection.json"));
    auto sel = client.get_backup_selection("7c1d6d6e", "sel-0a1b2c");
    ASSERT_TRUE(sel.ok());
    EXPECT_EQ(sel->selection_name, "tagged-prod");
    EXPECT_EQ(sel->resources, std::vector<std::string>{"arn:aws:rds:eu-west-1:111122223333:db:*"});
    EXPECT_EQ(sel->not_resources.size(), 1u);
    ASSERT_EQ(sel->tag_conditions.size(), 1u);
    EXPECT_EQ(sel->tag_conditions[0], (std::pair<std::string, std::string>{"backup", "daily"}));

    fake->push_body(fixture("backup/list_protected_resources.json"));
    auto resources = client.list_protected_resources();
    ASSERT_TRUE(resources.ok());
    ASSERT_EQ(resources->size(), 2u);
    EXPECT_EQ((*resources)[0].last_backup_time, at("2025-11-22T03:41:27Z", 500));
    EXPECT_FALSE((*resources)[1].last_backup_time.has_value());

    fake->push_body(fixture("backup/list_restore_testing_plans.json"));
    auto plans = client.list_restore_testing_plans();
    ASSERT_TRUE(plans.ok());
    ASSERT_EQ(plans->size(), 1u);
    EXPECT_EQ((*plans)[0].name, "monthly_drill");
    EXPECT_EQ((*plans)[0].schedule_expression_timezone, "Europe/Lisbon");
    EXPECT_EQ((*plans)[0].extra.at("StartWindowHours"), "8");

    fake->push_body(fixture("backup/get_restore_testing_plan.json"));
    auto one = client.get_restore_testing_plan("monthly_drill");
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(one->schedule_expression, "cron(0 6 1 * ? *)");
    EXPECT_EQ(one->creation_time, at("2024-06-01T00:00:00Z"));
}

TEST_F(BackupResponses, SummariesMetadataAndByResourceSpelling) {
    fake->push_body(fixture("backup/list_backup_job_summaries.json"));
    auto summaries = client.list_backup_job_summaries("ANY", "ONE_DAY");
    ASSERT_TRUE(summaries.ok());
    ASSERT_EQ(summaries->size(), 2u);
    EXPECT_EQ((*summaries)[1].count, 120);
    EXPECT_EQ((*summaries)[0].account_id, "111122223333");

    fake->push_body(fixture("backup/get_recovery_point_restore_metadata.json"));
    auto md = client.get_recovery_point_restore_metadata("prod-primary", "arn:x");
    ASSERT_TRUE(md.ok());
    EXPECT_EQ(md->metadata.at("DBInstanceClass"), "db.r6g.large");
    EXPECT_EQ(md->resource_type, "RDS");

    fake->push_body(fixture("backup/list_recovery_points_by_resource.json"));
    auto points = client.list_recovery_points_by_resource("arn:aws:rds:eu-west-1:111122223333:db:orders-prod");
    ASSERT_TRUE(points.ok());
    ASSERT_EQ(points->size(), 1u);
    EXPECT_EQ((*points)[0].backup_size_bytes, 53687091200);  // BackupSizeBytes in this answer
    EXPECT_EQ((*points)[0].resource_arn, "arn:aws:rds:eu-west-1:111122223333:db:orders-prod");
    EXPECT_EQ((*points)[0].vault_name, "produção-vault");

    fake->push_body(fixture("backup/describe_recovery_point.json"));
    auto one = client.describe_recovery_point("prod-primary", "arn:x");
    ASSERT_TRUE(one.ok());
    EXPECT_EQ(one->status, "PARTIAL");
    EXPECT_EQ(one->storage_class, "DELETED");
    EXPECT_EQ(one->source_vault_arn, "arn:aws:backup:us-east-1:111122223333:backup-vault:prod-source");
    EXPECT_EQ(one->extra.at("LastRestoreTime"), "1763782887.0");
}

TEST_F(BackupResponses, OddlyTypedMembersAreToleratedNotErrors) {
    fake->push_body(R"({"BackupVaultList":[{"BackupVaultName":7,"NumberOfRecoveryPoints":"12","Locked":"true",
        "CreationDate":"2025-11-22T03:00:00Z","MinRetentionDays":null,"VaultState":{"odd":true}}, "not an object"]})");
    auto vaults = client.list_backup_vaults();
    ASSERT_TRUE(vaults.ok());
    ASSERT_EQ(vaults->size(), 1u);
    EXPECT_EQ((*vaults)[0].name, "7");
    EXPECT_EQ((*vaults)[0].recovery_points, 12);
    EXPECT_TRUE((*vaults)[0].locked);
    EXPECT_EQ((*vaults)[0].creation_date, at("2025-11-22T03:00:00Z"));
    EXPECT_TRUE((*vaults)[0].vault_state.empty());
}

TEST_F(BackupResponses, MalformedJsonIsAParseErrorNamingTheOperation) {
    fake->push_body(R"({"BackupVaultList":[{"BackupVaultName":"a"})");
    auto vaults = client.list_backup_vaults();
    ASSERT_FALSE(vaults.ok());
    EXPECT_EQ(vaults.error().kind, ErrorKind::Parse);
    EXPECT_NE(vaults.error().message.find("ListBackupVaults"), std::string::npos);
    fake->push_body("[1,2,3]");
    EXPECT_FALSE(client.describe_backup_job("x").ok());
    fake->push_body(R"({"Nothing":"here"})");
    EXPECT_FALSE(client.start_restore_job({"arn:x", {}, "", "tok", "", false}).ok());
}

TEST_F(BackupResponses, ErrorsFromThePipelinePassThroughUnchanged) {
    Error e = make_error(ErrorKind::Aws, "User is not authorized", "AccessDeniedException");
    e.http_status = 403;
    e.request_id = "req-123";
    fake->push_body(fixture("backup/list_recovery_points_page1.json"));
    fake->push_error(e);
    auto points = client.list_recovery_points_by_backup_vault("prod-primary");
    ASSERT_FALSE(points.ok());  // a partial listing is never returned as whole
    EXPECT_EQ(points.error().kind, ErrorKind::Aws);
    EXPECT_EQ(points.error().code, "AccessDeniedException");
    EXPECT_EQ(points.error().message, "User is not authorized");
    EXPECT_EQ(points.error().http_status, 403);
    EXPECT_EQ(points.error().request_id, "req-123");
    fake->push_error(make_error(ErrorKind::Timeout, "read timeout"));
    auto plan = client.get_backup_plan("p");
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.error().kind, ErrorKind::Timeout);
}

TEST_F(BackupResponses, AServerThatRepeatsItsTokenDoesNotLoopForever) {
    fake->set_handler([](const aws::ServiceRequest&) {
        return Result<aws::HttpResponse>(aws::HttpResponse{200, {}, R"({"CopyJobs":[],"NextToken":"same"})"});
    });
    auto copies = client.list_copy_jobs();
    ASSERT_FALSE(copies.ok());
    EXPECT_EQ(copies.error().code, "PaginationLoop");
    EXPECT_EQ(fake->requests().size(), 2u);
}

}  // namespace
}  // namespace vd::test

// Found by fuzz_backup_json: a timestamp of 1.76e25 epoch seconds was
// undefined behaviour; it is clamped to the last instant a TimePoint holds.
TEST(WireTime, EpochSecondsOutOfRangeAreClamped) {
    EXPECT_DOUBLE_EQ(vd::to_epoch_seconds(vd::services::time_from_epoch_seconds(1.76369e25)), 9.2e9);
    EXPECT_DOUBLE_EQ(vd::to_epoch_seconds(vd::services::time_from_epoch_seconds(-1.76369e25)), -9.2e9);
}
