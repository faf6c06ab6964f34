// BackupClient: vaults, recovery points, plans, selections, protected
// resources and restore testing plans. Jobs live in backup_jobs.cpp.
#include "backend/services/backup_client.hpp"

#include "backend/services/backup_filter.hpp"
#include "backend/services/backup_parse.hpp"
#include "backend/services/backup_wire.hpp"
#include "backend/services/query_encoding.hpp"

namespace vd::services {

using namespace backup_wire;

// Wraps the pipeline client of one account and region.
BackupClient::BackupClient(std::shared_ptr<aws::AwsClient> client) : client_(std::move(client)) {}

// Every vault, all pages.
Result<std::vector<model::Vault>> BackupClient::list_backup_vaults() {
    auto r = make("ListBackupVaults", "GET", "/backup-vaults/");
    return list_all<model::Vault>(*client_, r, "BackupVaultList", backup_parse::vault);
}

// One vault by name, with its lock settings.
Result<model::Vault> BackupClient::describe_backup_vault(const std::string& name) {
    if (auto s = require(name, "a vault name", "DescribeBackupVault"); !s) return s.error();
    auto body = call(*client_, make("DescribeBackupVault", "GET", "/backup-vaults/" + encode_label(name)));
    if (!body) return body.error();
    return backup_parse::vault(*body);
}

// Every recovery point of one vault that passes the filter, all pages.
Result<std::vector<model::RecoveryPoint>> BackupClient::list_recovery_points_by_backup_vault(const std::string& vault,
                                                                                           const JobFilter& filter) {
    const char* op = "ListRecoveryPointsByBackupVault";
    if (auto s = require(vault, "a vault name", op); !s) return s.error();
    if (auto s = check_filter(filter, kFilterResourceArn | kFilterResourceType | kFilterAccount | kFilterCreated, op); !s)
        return s.error();
    auto r = make(op, "GET", "/backup-vaults/" + encode_label(vault) + "/recovery-points/");
    add_if(r, "backupVaultAccountId", filter.account_id);
    add_if(r, "resourceArn", filter.resource_arn);
    add_if(r, "resourceType", filter.resource_type);
    add_time(r, "createdBefore", filter.created_before);
    add_time(r, "createdAfter", filter.created_after);
    return list_all<model::RecoveryPoint>(*client_, r, "RecoveryPoints", backup_parse::recovery_point, kLowerNames,
                                          page_size_of(filter));
}

// Every recovery point of one resource across vaults, all pages.
Result<std::vector<model::RecoveryPoint>> BackupClient::list_recovery_points_by_resource(const std::string& resource_arn) {
    const char* op = "ListRecoveryPointsByResource";
    if (auto s = require(resource_arn, "a resource ARN", op); !s) return s.error();
    auto r = make(op, "GET", "/resources/" + encode_label(resource_arn) + "/recovery-points/");
    auto points = list_all<model::RecoveryPoint>(*client_, r, "RecoveryPoints", backup_parse::recovery_point);
    if (points) {
        for (auto& p : *points)
            if (p.resource_arn.empty()) p.resource_arn = resource_arn;
    }
    return points;
}

// One recovery point in full.
Result<model::RecoveryPoint> BackupClient::describe_recovery_point(const std::string& vault, const std::string& arn) {
    const char* op = "DescribeRecoveryPoint";
    if (auto s = require(vault, "a vault name", op); !s) return s.error();
    if (auto s = require(arn, "a recovery point ARN", op); !s) return s.error();
    auto body = call(*client_, make(op, "GET", "/backup-vaults/" + encode_label(vault) + "/recovery-points/" + encode_label(arn)));
    if (!body) return body.error();
    return backup_parse::recovery_point(*body);
}

// The metadata a restore of this point starts from.
Result<model::RestoreMetadata> BackupClient::get_recovery_point_restore_metadata(const std::string& vault,
                                                                                const std::string& arn) {
    const char* op = "GetRecoveryPointRestoreMetadata";
    if (auto s = require(vault, "a vault name", op); !s) return s.error();
    if (auto s = require(arn, "a recovery point ARN", op); !s) return s.error();
    auto path = "/backup-vaults/" + encode_label(vault) + "/recovery-points/" + encode_label(arn) + "/restore-metadata";
    auto body = call(*client_, make(op, "GET", path));
    if (!body) return body.error();
    auto metadata = backup_parse::restore_metadata(*body);
    if (metadata.recovery_point_arn.empty()) metadata.recovery_point_arn = arn;
    return metadata;
}

// Every plan (summaries without rules), all pages.
Result<std::vector<model::BackupPlan>> BackupClient::list_backup_plans() {
    auto r = make("ListBackupPlans", "GET", "/backup/plans/");
    return list_all<model::BackupPlan>(*client_, r, "BackupPlansList", backup_parse::plan_summary);
}

// One plan with its rules, lifecycles and copy actions.
Result<model::BackupPlan> BackupClient::get_backup_plan(const std::string& plan_id) {
    if (auto s = require(plan_id, "a backup plan id", "GetBackupPlan"); !s) return s.error();
    auto body = call(*client_, make("GetBackupPlan", "GET", "/backup/plans/" + encode_label(plan_id) + "/"));
    if (!body) return body.error();
    auto plan = backup_parse::backup_plan(*body);
    if (plan.plan_id.empty()) plan.plan_id = plan_id;
    return plan;
}

// The selections of one plan (ids and names), all pages.
Result<std::vector<model::BackupSelection>> BackupClient::list_backup_selections(const std::string& plan_id) {
    const char* op = "ListBackupSelections";
    if (auto s = require(plan_id, "a backup plan id", op); !s) return s.error();
    auto r = make(op, "GET", "/backup/plans/" + encode_label(plan_id) + "/selections/");
    return list_all<model::BackupSelection>(*client_, r, "BackupSelectionsList", backup_parse::selection_summary);
}

// One selection with its resources and tag conditions.
Result<model::BackupSelection> BackupClient::get_backup_selection(const std::string& plan_id,
                                                                 const std::string& selection_id) {
    const char* op = "GetBackupSelection";
    if (auto s = require(plan_id, "a backup plan id", op); !s) return s.error();
    if (auto s = require(selection_id, "a selection id", op); !s) return s.error();
    auto path = "/backup/plans/" + encode_label(plan_id) + "/selections/" + encode_label(selection_id);
    auto body = call(*client_, make(op, "GET", path));
    if (!body) return body.error();
    auto selection = backup_parse::backup_selection(*body);
    if (selection.selection_id.empty()) selection.selection_id = selection_id;
    return selection;
}

// Every resource AWS Backup has backed up, all pages.
Result<std::vector<model::ProtectedResource>> BackupClient::list_protected_resources() {
    auto r = make("ListProtectedResources", "GET", "/resources/");
    return list_all<model::ProtectedResource>(*client_, r, "Results", backup_parse::protected_resource);
}

// Every restore testing plan, all pages.
Result<std::vector<model::RestoreTestingPlan>> BackupClient::list_restore_testing_plans() {
    auto r = make("ListRestoreTestingPlans", "GET", "/restore-testing/plans");
    return list_all<model::RestoreTestingPlan>(*client_, r, "RestoreTestingPlans", backup_parse::restore_testing_plan,
                                               kUpperNames);
}

// One restore testing plan by name.
Result<model::RestoreTestingPlan> BackupClient::get_restore_testing_plan(const std::string& name) {
    const char* op = "GetRestoreTestingPlan";
    if (auto s = require(name, "a restore testing plan name", op); !s) return s.error();
    auto body = call(*client_, make(op, "GET", "/restore-testing/plans/" + encode_label(name)));
    if (!body) return body.error();
    auto plan = body->find("RestoreTestingPlan");
    if (plan == body->end() || !plan->is_object())
        return make_error(ErrorKind::Parse, std::string(op) + ": the answer has no RestoreTestingPlan", "MalformedJSON");
    return backup_parse::restore_testing_plan(*plan);
}

}  // namespace vd::services
