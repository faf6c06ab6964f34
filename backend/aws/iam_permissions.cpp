#include "backend/aws/iam_permissions.hpp"

#include <fmt/format.h>

namespace vd::aws {

const std::vector<Permission>& permissions() {
    using enum Policy;
    static const std::vector<Permission> rows = {
        // AWS Backup: the console, status and list.
        {"backup", "ListBackupVaults", "backup:ListBackupVaults", ReadOnly},
        {"backup", "DescribeBackupVault", "backup:DescribeBackupVault", ReadOnly},
        {"backup", "ListRecoveryPointsByBackupVault", "backup:ListRecoveryPointsByBackupVault", ReadOnly},
        {"backup", "ListRecoveryPointsByResource", "backup:ListRecoveryPointsByResource", ReadOnly},
        {"backup", "DescribeRecoveryPoint", "backup:DescribeRecoveryPoint", ReadOnly},
        {"backup", "GetRecoveryPointRestoreMetadata", "backup:GetRecoveryPointRestoreMetadata", ReadOnly},
        {"backup", "ListBackupPlans", "backup:ListBackupPlans", ReadOnly},
        {"backup", "GetBackupPlan", "backup:GetBackupPlan", ReadOnly},
        {"backup", "ListBackupSelections", "backup:ListBackupSelections", ReadOnly},
        {"backup", "GetBackupSelection", "backup:GetBackupSelection", ReadOnly},
        {"backup", "ListProtectedResources", "backup:ListProtectedResources", ReadOnly},
        {"backup", "ListBackupJobs", "backup:ListBackupJobs", ReadOnly},
        {"backup", "ListBackupJobSummaries", "backup:ListBackupJobSummaries", ReadOnly},
        {"backup", "DescribeBackupJob", "backup:DescribeBackupJob", ReadOnly},
        {"backup", "ListCopyJobs", "backup:ListCopyJobs", ReadOnly},
        {"backup", "ListRestoreJobs", "backup:ListRestoreJobs", ReadOnly},
        {"backup", "ListRestoreJobsByProtectedResource", "backup:ListRestoreJobsByProtectedResource", ReadOnly},
        {"backup", "DescribeRestoreJob", "backup:DescribeRestoreJob", ReadOnly},
        {"backup", "ListRestoreTestingPlans", "backup:ListRestoreTestingPlans", ReadOnly},
        {"backup", "GetRestoreTestingPlan", "backup:GetRestoreTestingPlan", ReadOnly},
        // Amazon RDS: instances, clusters, snapshots, PITR windows.
        {"rds", "DescribeDBInstances", "rds:DescribeDBInstances", ReadOnly},
        {"rds", "DescribeDBClusters", "rds:DescribeDBClusters", ReadOnly},
        {"rds", "DescribeDBSnapshots", "rds:DescribeDBSnapshots", ReadOnly},
        {"rds", "DescribeDBClusterSnapshots", "rds:DescribeDBClusterSnapshots", ReadOnly},
        {"rds", "DescribeDBInstanceAutomatedBackups", "rds:DescribeDBInstanceAutomatedBackups", ReadOnly},
        // Who am I, which regions, and the S3 lifecycle rules the checks read.
        {"sts", "GetCallerIdentity", "sts:GetCallerIdentity", ReadOnly},
        {"ec2", "DescribeRegions", "ec2:DescribeRegions", ReadOnly},
        {"s3", "ListBuckets", "s3:ListAllMyBuckets", ReadOnly},
        {"s3", "GetBucketLifecycleConfiguration", "s3:GetLifecycleConfiguration", ReadOnly},
        // Restores and drills: every call that changes AWS.
        {"backup", "StartRestoreJob", "backup:StartRestoreJob", Restore},
        {"backup", "StartBackupJob", "backup:StartBackupJob", Restore},
        {"backup", "PutRestoreValidationResult", "backup:PutRestoreValidationResult", Restore},
        {"rds", "RestoreDBInstanceFromDBSnapshot", "rds:RestoreDBInstanceFromDBSnapshot", Restore},
        {"rds", "RestoreDBInstanceToPointInTime", "rds:RestoreDBInstanceToPointInTime", Restore},
        {"rds", "CopyDBSnapshot", "rds:CopyDBSnapshot", Restore},
        {"rds", "RestoreDBClusterFromSnapshot", "rds:RestoreDBClusterFromSnapshot", Restore},
        {"rds", "RestoreDBClusterToPointInTime", "rds:RestoreDBClusterToPointInTime", Restore},
        {"rds", "CreateDBInstance", "rds:CreateDBInstance", Restore},  // the writer of a restored Aurora cluster
        {"rds", "DeleteDBInstance", "rds:DeleteDBInstance", Restore},
        {"rds", "DeleteDBCluster", "rds:DeleteDBCluster", Restore},
        // A restore's preflight: the subnet group and security groups exist.
        {"rds", "DescribeDBSubnetGroups", "rds:DescribeDBSubnetGroups", Restore},
        {"ec2", "DescribeSecurityGroups", "ec2:DescribeSecurityGroups", Restore},
    };
    return rows;
}

const std::vector<ImpliedPermission>& implied_permissions() {
    static const std::vector<ImpliedPermission> rows = {
        {"iam:PassRole", "StartRestoreJob", Policy::Restore},            // the restore role AWS Backup assumes
        {"rds:AddTagsToResource", "RestoreDBInstanceFromDBSnapshot", Policy::Restore},  // tags on the new instance
    };
    return rows;
}

std::string_view policy_file(Policy policy) {
    return policy == Policy::ReadOnly ? "vaultdeck-readonly.json" : "vaultdeck-restore.json";
}

std::optional<Permission> permission_for(std::string_view service, std::string_view operation) {
    for (const auto& p : permissions())
        if (p.service == service && p.operation == operation) return p;
    return std::nullopt;
}

bool is_access_denied(const Error& error) {
    static const std::vector<std::string_view> codes = {"AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
                                                        "AuthorizationError", "UnauthorizedException"};
    for (auto c : codes)
        if (error.code == c) return true;
    return false;
}

Error explain_access_denied(Error error, std::string_view service, std::string_view operation) {
    if (!is_access_denied(error)) return error;
    auto permission = permission_for(service, operation);
    if (!permission) return error;
    error.message = fmt::format("{} refused: the identity lacks {}; grant it with docs/iam/{} "
                                "(installed in /usr/share/doc/vaultdeck/iam/)",
                                operation, permission->action, policy_file(permission->policy));
    return error;
}

}  // namespace vd::aws
