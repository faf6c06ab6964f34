#include "backend/sim/backup_api.hpp"

#include <charconv>

#include "backend/core/time_format.hpp"
#include "backend/sim/listing.hpp"
#include "backend/sim/rest_json.hpp"

namespace vd::sim {
namespace {

using namespace backup;

struct Route {
    const char* method;
    const char* path;  // the model's requestUri
    const char* operation;
    Handler handler;
};

const Route kRoutes[] = {
    {"GET", "/backup-vaults/", "ListBackupVaults", list_backup_vaults},
    {"GET", "/backup-vaults/{backupVaultName}", "DescribeBackupVault", describe_backup_vault},
    {"GET", "/backup-vaults/{backupVaultName}/recovery-points/", "ListRecoveryPointsByBackupVault",
     list_recovery_points_by_backup_vault},
    {"GET", "/backup-vaults/{backupVaultName}/recovery-points/{recoveryPointArn}", "DescribeRecoveryPoint",
     describe_recovery_point},
    {"GET", "/backup-vaults/{backupVaultName}/recovery-points/{recoveryPointArn}/restore-metadata",
     "GetRecoveryPointRestoreMetadata", get_recovery_point_restore_metadata},
    {"GET", "/resources/", "ListProtectedResources", list_protected_resources},
    {"GET", "/resources/{resourceArn}/recovery-points/", "ListRecoveryPointsByResource", list_recovery_points_by_resource},
    {"GET", "/resources/{resourceArn}/restore-jobs/", "ListRestoreJobsByProtectedResource",
     list_restore_jobs_by_protected_resource},
    {"GET", "/backup-jobs/", "ListBackupJobs", list_backup_jobs},
    {"GET", "/backup-jobs/{backupJobId}", "DescribeBackupJob", describe_backup_job},
    {"PUT", "/backup-jobs", "StartBackupJob", start_backup_job},
    {"GET", "/audit/backup-job-summaries", "ListBackupJobSummaries", list_backup_job_summaries},
    {"GET", "/copy-jobs/", "ListCopyJobs", list_copy_jobs},
    {"GET", "/restore-jobs/", "ListRestoreJobs", list_restore_jobs},
    {"GET", "/restore-jobs/{restoreJobId}", "DescribeRestoreJob", describe_restore_job},
    {"PUT", "/restore-jobs", "StartRestoreJob", start_restore_job},
    {"PUT", "/restore-jobs/{restoreJobId}/validations", "PutRestoreValidationResult", put_restore_validation_result},
    {"GET", "/backup/plans/", "ListBackupPlans", list_backup_plans},
    {"PUT", "/backup/plans/", "CreateBackupPlan", create_backup_plan},
    {"GET", "/backup/plans/{backupPlanId}/", "GetBackupPlan", get_backup_plan},
    {"GET", "/backup/plans/{backupPlanId}/selections/", "ListBackupSelections", list_backup_selections},
    {"GET", "/backup/plans/{backupPlanId}/selections/{selectionId}", "GetBackupSelection", get_backup_selection},
    {"GET", "/restore-testing/plans", "ListRestoreTestingPlans", list_restore_testing_plans},
    {"GET", "/restore-testing/plans/{RestoreTestingPlanName}", "GetRestoreTestingPlan", get_restore_testing_plan},
};

// Path segments without a trailing empty one ("/a/b/" and "/a/b" match alike).
std::vector<std::string> segments(std::string_view raw) {
    auto out = split_path(raw);
    while (!out.empty() && out.back().empty()) out.pop_back();
    return out;
}

// Matches a raw path against a URI template, collecting the decoded labels.
bool match(const char* pattern, const std::vector<std::string>& path, Labels& labels) {
    auto want = segments(pattern);
    if (want.size() != path.size()) return false;
    labels.clear();
    for (size_t i = 0; i < want.size(); ++i) {
        if (!want[i].empty() && want[i].front() == '{') {
            if (path[i].empty()) return false;
            labels.push_back(percent_decode(path[i]));
        } else if (want[i] != path[i]) {
            return false;
        }
    }
    return true;
}

// The route for a request, or null.
const Route* find_route(const std::string& method, const std::string& raw_path, Labels& labels) {
    auto path = segments(raw_path);
    for (const auto& route : kRoutes) {
        if (method == route.method && match(route.path, path, labels)) return &route;
    }
    return nullptr;
}

}  // namespace

std::string backup_operation_name(const std::string& method, const std::string& raw_path) {
    Labels labels;
    const Route* route = find_route(method, raw_path, labels);
    return route ? route->operation : "";
}

WireResponse handle_backup(Call& call) {
    Labels labels;
    const Route* route = find_route(call.wire.method, call.wire.path, labels);
    if (route == nullptr) {
        call.operation = "Unknown";
        return json_error_response(api_error(404, "UnknownOperationException",
                                             "No AWS Backup operation matches " + call.wire.method + " " + call.wire.path),
                                   call.request_id);
    }
    call.operation = route->operation;
    auto reply = route->handler(call, labels);
    if (!reply) return json_error_response(reply.error(), call.request_id);
    return json_response(reply->status, reply->body, call.request_id);
}

namespace backup {

Error invalid_parameter(const std::string& message) { return api_error(400, "InvalidParameterValueException", message); }
Error missing_parameter(const std::string& message) { return api_error(400, "MissingParameterValueException", message); }
Error not_found(const std::string& message) { return api_error(400, "ResourceNotFoundException", message); }

std::string string_param(const Call& call, const char* name) { return param(call.query, name).value_or(""); }

Result<int> max_results(const Call& call, const char* name, int high) {
    auto text = param(call.query, name);
    if (!text) return high;
    int value = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc{} || ptr != text->data() + text->size() || value < 1 || value > high) {
        return invalid_parameter(std::string(name) + " must be a number from 1 to " + std::to_string(high) + ", got '" +
                                 *text + "'");
    }
    return value;
}

Result<std::optional<std::string>> page_start(const Call& call, const char* name) {
    auto token = param(call.query, name);
    if (!token || token->empty()) return std::optional<std::string>{};
    auto key = decode_page_token(*token);
    if (!key) return invalid_parameter("The " + std::string(name) + " is not valid: " + *token);
    return std::optional<std::string>(*key);
}

Result<std::optional<TimePoint>> time_param(const Call& call, const char* name) {
    auto text = param(call.query, name);
    if (!text || text->empty()) return std::optional<TimePoint>{};
    if (auto t = parse_time(*text)) return std::optional<TimePoint>(*t);
    double seconds = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), seconds);
    if (ec == std::errc{} && ptr == text->data() + text->size()) return std::optional<TimePoint>(from_epoch_seconds(seconds));
    return invalid_parameter(std::string(name) + " is not a timestamp: '" + *text + "'");
}

Status check_enum(const std::string& value, const char* member, std::initializer_list<const char*> allowed) {
    if (value.empty()) return ok_status();
    for (const char* a : allowed) {
        if (value == a) return ok_status();
    }
    std::string list;
    for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    return invalid_parameter("Invalid value '" + value + "' for " + member + "; valid values: " + list);
}

Result<nlohmann::json> json_body(const Call& call) {
    if (call.wire.body.empty()) return nlohmann::json::object();
    auto body = nlohmann::json::parse(call.wire.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
        return api_error(400, "SerializationException", "The request body is not a JSON object");
    }
    return body;
}

}  // namespace backup
}  // namespace vd::sim
