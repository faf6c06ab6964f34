// ARNs and names the way AWS builds them, and what can be read back out of a
// resource ARN (its AWS Backup resource type and short name).
#pragma once

#include <string>
#include <string_view>

namespace vd::sim {

std::string vault_arn(std::string_view region, std::string_view account, std::string_view name);
std::string plan_arn(std::string_view region, std::string_view account, std::string_view plan_id);
std::string db_instance_arn(std::string_view region, std::string_view account, std::string_view identifier);
std::string db_cluster_arn(std::string_view region, std::string_view account, std::string_view identifier);
std::string db_snapshot_arn(std::string_view region, std::string_view account, std::string_view identifier);
std::string cluster_snapshot_arn(std::string_view region, std::string_view account, std::string_view identifier);
std::string efs_arn(std::string_view region, std::string_view account, std::string_view file_system_id);
std::string kms_key_arn(std::string_view region, std::string_view account, std::string_view key_id);
std::string role_arn(std::string_view account, std::string_view role_name);

// The AWS Backup resource type of a resource ARN: RDS, Aurora, EFS, S3, EC2, EBS, DynamoDB; "" when unknown.
std::string resource_type_of(std::string_view arn);
// The short name in a resource ARN (the part after the last ':' or '/').
std::string resource_name_of(std::string_view arn);
// The region field of an ARN ("" for global ARNs such as S3 buckets).
std::string region_of(std::string_view arn);
// The account field of an ARN.
std::string account_of(std::string_view arn);
// The last field of a vault ARN (its name).
std::string vault_name_of(std::string_view vault_arn);
// Whether text matches a pattern where '*' stands for any run of characters.
bool wildcard_match(std::string_view pattern, std::string_view text);

}  // namespace vd::sim
