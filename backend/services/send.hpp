// The one door every service client goes through to the AwsClient: refuses a
// mutating request up front when the client is read-only (the pipeline checks
// again), and checks required inputs so a bad call never reaches the wire.
#pragma once

#include <string>
#include <string_view>

#include "backend/aws/client.hpp"
#include "backend/core/result.hpp"

namespace vd::services {

// Sends the request, or a ReadOnly error for a mutating request in read-only mode.
Result<aws::HttpResponse> send(aws::AwsClient& client, const aws::ServiceRequest& request);

// An InvalidInput error when a required value is empty: "<operation>: <what> is required".
Status require(const std::string& value, std::string_view what, std::string_view operation);

}  // namespace vd::services
