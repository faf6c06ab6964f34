// Turning an AWS error response into an Error value, per protocol:
// rest-json (x-amzn-ErrorType, __type or code, message), query XML
// (<ErrorResponse><Error><Code>) and rest-xml (S3's <Error><Code>).
#pragma once

#include <string>
#include <string_view>

#include "backend/aws/client.hpp"
#include "backend/aws/http.hpp"
#include "backend/core/result.hpp"

namespace vd::aws {

// The AWS error code without a "prefix#" namespace or a ":suffix" URL.
std::string clean_error_code(std::string_view raw);

// The request id from x-amzn-RequestId, x-amz-request-id or x-amzn-request-id ("" when none).
std::string request_id_from_headers(const Headers& headers);

// The Error for a non-2xx response: kind Aws with the code when the
// response names one, kind Http when it names none, kind Parse when the
// body is malformed for the protocol. Carries the status, the request id,
// a message free of secrets, and whether standard mode would retry it.
// `operation` ("ListBackupVaults") only enriches messages.
Error parse_error_response(const HttpResponse& response, Protocol protocol, std::string_view operation = {});

}  // namespace vd::aws
