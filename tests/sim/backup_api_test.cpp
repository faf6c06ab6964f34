// AWS Backup over rest-json: routing by the model's URI templates, paging
// limits, filters, and errors in the service's own format.
#include <gtest/gtest.h>

#include "backend/aws/http.hpp"
#include "sim/support/sim_fixture.hpp"

namespace vd::sim {
namespace {

using testing::backup_all_pages;
using testing::encode;
using testing::make_sim;

TEST(BackupApi, ErrorsCarryTypeMessageAndHeaders) {
    auto t = make_sim("small");
    auto r = t.call("backup", "GET", "/backup-vaults/no-such-vault");
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(aws::find_header(r.headers, "x-amzn-ErrorType").value_or(""), "ResourceNotFoundException");
    EXPECT_FALSE(aws::find_header(r.headers, "x-amzn-RequestId").value_or("").empty());
    auto body = nlohmann::json::parse(r.body);
    EXPECT_EQ(body["__type"], "ResourceNotFoundException");
    EXPECT_NE(body["message"].get<std::string>().find("no-such-vault"), std::string::npos);
}

TEST(BackupApi, UnknownPathIsUnknownOperationNotHtml) {
    auto t = make_sim("small");
    auto r = t.call("backup", "GET", "/no/such/thing");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(nlohmann::json::parse(r.body)["__type"], "UnknownOperationException");
    EXPECT_EQ(r.operation, "Unknown");
}

TEST(BackupApi, MaxResultsOutsideOneToAThousandIsRefused) {
    auto t = make_sim("small");
    for (const char* q : {"maxResults=0", "maxResults=1001", "maxResults=ten"}) {
        int status = 0;
        auto body = t.backup_get("/backup-jobs/", q, &status);
        EXPECT_EQ(status, 400) << q;
        EXPECT_EQ(body["__type"], "InvalidParameterValueException") << q;
    }
    int status = 0;
    EXPECT_EQ(t.backup_get("/backup-jobs/", "nextToken=garbage", &status)["__type"], "InvalidParameterValueException");
}

TEST(BackupApi, EveryPageSizeGivesTheSameItems) {
    auto t = make_sim("small");
    auto all = backup_all_pages(t, "/backup-jobs/", "BackupJobs", 1000);
    for (int size : {1, 4, 7, 29, 30, 31}) {
        auto paged = backup_all_pages(t, "/backup-jobs/", "BackupJobs", size);
        ASSERT_EQ(paged.size(), all.size()) << size;
        for (size_t i = 0; i < all.size(); ++i) EXPECT_EQ(paged[i]["BackupJobId"], all[i]["BackupJobId"]);
    }
}

TEST(BackupApi, JobFilters) {
    auto t = make_sim("small");
    std::string efs = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0";
    auto by_resource = backup_all_pages(t, "/backup-jobs/", "BackupJobs", 100, "resourceArn=" + encode(efs));
    EXPECT_EQ(by_resource.size(), 10u);
    auto by_vault = backup_all_pages(t, "/backup-jobs/", "BackupJobs", 100, "backupVaultName=small-dev-vault");
    EXPECT_EQ(by_vault.size(), 10u);
    auto by_type = backup_all_pages(t, "/backup-jobs/", "BackupJobs", 100, "resourceType=EFS");
    EXPECT_EQ(by_type.size(), 10u);
    auto recent = backup_all_pages(t, "/backup-jobs/", "BackupJobs", 100, "createdAfter=2026-11-19T00:00:00Z");
    auto older = backup_all_pages(t, "/backup-jobs/", "BackupJobs", 100, "createdBefore=2026-11-19T00:00:00Z");
    EXPECT_EQ(recent.size() + older.size(), 30u);
    EXPECT_GT(recent.size(), 0u);
    auto completed_late = backup_all_pages(t, "/backup-jobs/", "BackupJobs", 100, "completeAfter=1795000000");
    EXPECT_LE(completed_late.size(), 30u);
    int status = 0;
    EXPECT_EQ(t.backup_get("/backup-jobs/", "state=DONE", &status)["__type"], "InvalidParameterValueException");
    EXPECT_EQ(t.backup_get("/backup-jobs/", "accountId=999999999999")["BackupJobs"].size(), 0u);
    EXPECT_EQ(t.backup_get("/backup-jobs/", "accountId=ANY&maxResults=1000")["BackupJobs"].size(), 30u);
}

TEST(BackupApi, RecoveryPointFiltersAndDescribe) {
    auto t = make_sim("small");
    auto rds = backup_all_pages(t, "/backup-vaults/small-vault/recovery-points/", "RecoveryPoints", 100, "resourceType=RDS");
    EXPECT_EQ(rds.size(), 10u);
    for (const auto& p : rds) EXPECT_EQ(p["ResourceType"], "RDS");
    std::string arn = rds[0]["RecoveryPointArn"];
    auto d = t.backup_get("/backup-vaults/small-vault/recovery-points/" + encode(arn));
    EXPECT_EQ(d["RecoveryPointArn"], arn);
    EXPECT_EQ(d["StorageClass"], "WARM");
    EXPECT_TRUE(d["CalculatedLifecycle"].contains("DeleteAt"));
    auto meta = t.backup_get("/backup-vaults/small-vault/recovery-points/" + encode(arn) + "/restore-metadata");
    EXPECT_EQ(meta["RestoreMetadata"]["DBInstanceIdentifier"], "small-db");
    auto by_resource = t.backup_get("/resources/" + encode("arn:aws:rds:us-east-1:123456789012:db:small-db") + "/recovery-points/");
    EXPECT_EQ(by_resource["RecoveryPoints"].size(), 10u);
    int status = 0;
    t.backup_get("/backup-vaults/small-dev-vault/recovery-points/" + encode(arn), {}, &status);
    EXPECT_EQ(status, 400);  // the point is in another vault
}

TEST(BackupApi, SelectionsAndSummaries) {
    auto t = make_sim("small");
    auto plans = t.backup_get("/backup/plans/")["BackupPlansList"];
    ASSERT_FALSE(plans.empty());
    std::string id = plans[0]["BackupPlanId"];
    auto selections = t.backup_get("/backup/plans/" + id + "/selections/")["BackupSelectionsList"];
    ASSERT_EQ(selections.size(), 1u);
    auto selection = t.backup_get("/backup/plans/" + id + "/selections/" + selections[0]["SelectionId"].get<std::string>());
    EXPECT_FALSE(selection["BackupSelection"]["IamRoleArn"].get<std::string>().empty());
    auto summaries = t.backup_get("/audit/backup-job-summaries", "AggregationPeriod=FOURTEEN_DAYS");
    int64_t total = 0;
    for (const auto& s : summaries["BackupJobSummaries"]) total += s["Count"].get<int64_t>();
    EXPECT_EQ(total, 30);
    EXPECT_EQ(summaries["AggregationPeriod"], "FOURTEEN_DAYS");
}

TEST(BackupApi, ValidationResultsOnlyForRestoreTests) {
    auto t = make_sim("small");
    auto jobs = t.backup_get("/restore-jobs/")["RestoreJobs"];
    ASSERT_EQ(jobs.size(), 1u);
    std::string id = jobs[0]["RestoreJobId"];
    auto r = t.call("backup", "PUT", "/restore-jobs/" + id + "/validations", {},
                    R"({"ValidationStatus":"FAILED","ValidationStatusMessage":"row count mismatch"})");
    EXPECT_EQ(r.status, 204);
    EXPECT_TRUE(r.body.empty());
    auto after = t.backup_get("/restore-jobs/" + id);
    EXPECT_EQ(after["ValidationStatus"], "FAILED");
    EXPECT_EQ(after["ValidationStatusMessage"], "row count mismatch");
    auto bad = t.call("backup", "PUT", "/restore-jobs/" + id + "/validations", {}, R"({"ValidationStatus":"GREAT"})");
    EXPECT_EQ(bad.status, 400);
    auto plan = t.backup_get("/restore-testing/plans/small-restore-test");
    EXPECT_EQ(plan["RestoreTestingPlan"]["RecoveryPointSelection"]["Algorithm"], "LATEST_WITHIN_WINDOW");
    auto by_resource = t.backup_get("/resources/" + encode("arn:aws:rds:us-east-1:123456789012:db:small-db") + "/restore-jobs/");
    EXPECT_EQ(by_resource["RestoreJobs"].size(), 1u);
}

TEST(BackupApi, StartRestoreJobChecksItsInput) {
    auto t = make_sim("small");
    auto missing = t.call("backup", "PUT", "/restore-jobs", {}, R"({"Metadata":{}})");
    EXPECT_EQ(nlohmann::json::parse(missing.body)["__type"], "MissingParameterValueException");
    auto unknown = t.call("backup", "PUT", "/restore-jobs", {}, R"({"RecoveryPointArn":"arn:aws:backup:us-east-1:123456789012:recovery-point:X","Metadata":{}})");
    EXPECT_EQ(nlohmann::json::parse(unknown.body)["__type"], "ResourceNotFoundException");
    auto garbage = t.call("backup", "PUT", "/restore-jobs", {}, "{not json");
    EXPECT_EQ(garbage.status, 400);
}

}  // namespace
}  // namespace vd::sim
