#include "backend/services/send.hpp"

namespace vd::services {

Result<aws::HttpResponse> send(aws::AwsClient& client, const aws::ServiceRequest& request) {
    if (request.mutating && client.options().read_only)
        return make_error(ErrorKind::ReadOnly, request.operation + " changes AWS and the session is read-only",
                          "ReadOnly");
    return client.call(request);
}

Status require(const std::string& value, std::string_view what, std::string_view operation) {
    if (!value.empty()) return ok_status();
    return make_error(ErrorKind::InvalidInput, std::string(operation) + ": " + std::string(what) + " is required",
                      "MissingParameter");
}

}  // namespace vd::services
