// AWS Backup over rest-json: matches the method and URI templates of the
// service model, runs the operation, and answers in the rest-json form.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backend/sim/call.hpp"
#include "backend/sim/wire.hpp"

namespace vd::sim {

// Handles one AWS Backup request (already authenticated).
WireResponse handle_backup(Call& call);

// The name of the Backup operation a method and raw path would run, or "".
std::string backup_operation_name(const std::string& method, const std::string& raw_path);

namespace backup {

// A handler's answer: HTTP status and JSON body.
struct Reply {
    int status = 200;
    nlohmann::json body = nlohmann::json::object();
    Reply() = default;
    Reply(nlohmann::json b) : body(std::move(b)) {}
};

using Labels = std::vector<std::string>;  // decoded {labels} of the URI template, in order
using Handler = Result<Reply> (*)(Call&, const Labels&);

// Shared request readers; each returns an InvalidParameterValueException-style error on bad input.
Result<int> max_results(const Call& call, const char* name = "maxResults", int high = 1000);
Result<std::optional<std::string>> page_start(const Call& call, const char* name = "nextToken");
Result<std::optional<TimePoint>> time_param(const Call& call, const char* name);
std::string string_param(const Call& call, const char* name);
// Checks that a value is one of the allowed enum values (when not empty).
Status check_enum(const std::string& value, const char* member, std::initializer_list<const char*> allowed);
Result<nlohmann::json> json_body(const Call& call);

// Reads a Lifecycle structure and refuses what AWS refuses (DeleteAfterDays
// less than 90 days after MoveToColdStorageAfterDays); `where` names it in the message.
Result<Lifecycle> parse_lifecycle(const nlohmann::json& j, const std::string& where);

Error invalid_parameter(const std::string& message);
Error missing_parameter(const std::string& message);
Error not_found(const std::string& message);

// The operations, one per model operation.
Result<Reply> list_backup_vaults(Call&, const Labels&);
Result<Reply> describe_backup_vault(Call&, const Labels&);
Result<Reply> list_recovery_points_by_backup_vault(Call&, const Labels&);
Result<Reply> list_recovery_points_by_resource(Call&, const Labels&);
Result<Reply> describe_recovery_point(Call&, const Labels&);
Result<Reply> get_recovery_point_restore_metadata(Call&, const Labels&);
Result<Reply> list_protected_resources(Call&, const Labels&);
Result<Reply> list_backup_jobs(Call&, const Labels&);
Result<Reply> list_backup_job_summaries(Call&, const Labels&);
Result<Reply> describe_backup_job(Call&, const Labels&);
Result<Reply> start_backup_job(Call&, const Labels&);
Result<Reply> list_copy_jobs(Call&, const Labels&);
Result<Reply> list_restore_jobs(Call&, const Labels&);
Result<Reply> list_restore_jobs_by_protected_resource(Call&, const Labels&);
Result<Reply> describe_restore_job(Call&, const Labels&);
Result<Reply> start_restore_job(Call&, const Labels&);
Result<Reply> put_restore_validation_result(Call&, const Labels&);
Result<Reply> list_backup_plans(Call&, const Labels&);
Result<Reply> get_backup_plan(Call&, const Labels&);
Result<Reply> create_backup_plan(Call&, const Labels&);
Result<Reply> list_backup_selections(Call&, const Labels&);
Result<Reply> get_backup_selection(Call&, const Labels&);
Result<Reply> list_restore_testing_plans(Call&, const Labels&);
Result<Reply> get_restore_testing_plan(Call&, const Labels&);

}  // namespace backup
}  // namespace vd::sim
