// `vaultdeck list KIND --output json`: the objects AWS itself returns for the
// operation behind each kind, with AWS's member names and nesting, as the
// AWS CLI prints them (timestamps ISO 8601 with the UTC offset). What
// vaultdeck works out (storage class, cold at, delete at, vault lock in
// words, region, account) goes under a "vaultdeck" member that no AWS shape
// has. The schema is docs/list-json.md, versioned by kListJsonSchema.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backend/core/clock.hpp"
#include "backend/model/backup.hpp"
#include "backend/model/rds.hpp"

namespace vd::cli {

inline constexpr int kListJsonSchema = 1;

using AwsJson = nlohmann::ordered_json;

// A time as the AWS CLI prints it: 2024-05-01T03:00:00+00:00, or with
// .123000 when it has a fraction of a second.
std::string aws_cli_time(TimePoint t);

// The account in an ARN (its fifth field), "" when none.
std::string arn_account(const std::string& arn);

// One list member per model value; `region` is the region it was read in and
// `now` decides the storage class of a recovery point.
AwsJson vault_json(const model::Vault& v, const std::string& region);
AwsJson recovery_point_json(const model::RecoveryPoint& p, const std::string& region, TimePoint now, bool by_resource);
AwsJson backup_job_json(const model::BackupJob& j, const std::string& region);
AwsJson restore_job_json(const model::RestoreJob& j, const std::string& region);
AwsJson copy_job_json(const model::CopyJob& j, const std::string& region);
AwsJson plan_json(const model::BackupPlan& p, const std::string& region);
AwsJson protected_resource_json(const model::ProtectedResource& r, const std::string& region);
AwsJson db_instance_json(const model::DbInstance& d, const std::string& region);
AwsJson db_snapshot_json(const model::DbSnapshot& s, const std::string& region);

// The vault lock in words: "compliance lock since ... (7-35 days)", "not locked".
std::string vault_lock_words(const model::Vault& v, TimePoint now);

}  // namespace vd::cli
