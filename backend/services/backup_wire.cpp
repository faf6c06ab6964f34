#include "backend/services/backup_wire.hpp"

#include "backend/core/time_format.hpp"

namespace vd::services::backup_wire {

aws::ServiceRequest make(std::string operation, std::string method, std::string path) {
    aws::ServiceRequest r;
    r.service = "backup";
    r.operation = std::move(operation);
    r.protocol = aws::Protocol::RestJson;
    r.method = std::move(method);
    r.path = std::move(path);
    return r;
}

void add_if(aws::ServiceRequest& r, const char* name, const std::string& value) {
    if (!value.empty()) r.query.emplace_back(name, value);
}

void add_time(aws::ServiceRequest& r, const char* name, const std::optional<TimePoint>& value) {
    if (value) r.query.emplace_back(name, format_iso8601(*value));
}

Result<nlohmann::json> call(aws::AwsClient& client, const aws::ServiceRequest& request) {
    auto response = send(client, request);
    if (!response) return response.error();
    return parse_json_body(response->body, request.operation);
}

}  // namespace vd::services::backup_wire
