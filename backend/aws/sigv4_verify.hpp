// Checking the SigV4 signature of an incoming request, as a service does:
// the simulator and loopback test servers use it to refuse what AWS refuses.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/aws/client.hpp"
#include "backend/aws/http.hpp"
#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::aws::sigv4 {

// A request as the server received it; nothing decoded.
struct IncomingRequest {
    std::string method;
    std::string path;   // raw path from the request line (httplib: Request::target before '?')
    std::string query;  // raw query without '?'
    Headers headers;
    std::string body;
};

// Who signed, for which scope (header or presigned query form).
struct SignatureScope {
    std::string access_key_id;
    std::string date;      // yyyymmdd of the credential scope
    std::string region;
    std::string service;
    TimePoint time;        // x-amz-date / X-Amz-Date
    std::vector<std::string> signed_headers;
    std::string session_token;  // x-amz-security-token, empty when none; never log it
    bool presigned = false;
};

// The error codes a refusal carries (the query-protocol names; see
// error_code_for for what each protocol answers).
namespace verify_code {
inline constexpr std::string_view kMissing = "MissingAuthenticationToken";
inline constexpr std::string_view kIncomplete = "IncompleteSignature";
inline constexpr std::string_view kUnknownKey = "InvalidClientTokenId";
inline constexpr std::string_view kMismatch = "SignatureDoesNotMatch";
inline constexpr std::string_view kSkewed = "RequestTimeTooSkewed";
inline constexpr std::string_view kExpired = "RequestExpired";
}  // namespace verify_code

// Finds the secret key of an access key id; nullopt when the key is unknown.
using SecretLookup = std::function<std::optional<std::string>(const std::string& access_key_id)>;

struct VerifyOptions {
    // When set, a header-form request signed further than max_skew from now
    // is refused (RequestTimeTooSkewed), and an expired presigned URL too.
    std::optional<TimePoint> now;
    std::chrono::seconds max_skew{std::chrono::minutes(5)};
};

// Recomputes the signature of the request and compares it; on success the
// parsed scope, otherwise an Error{kind=Credentials, http_status=403} whose
// code is one of verify_code and whose message says why.
Result<SignatureScope> verify_request(const IncomingRequest& request, const SecretLookup& secrets,
                                      const VerifyOptions& options = {});

// The code a service speaking this protocol answers with for a verify_code
// (rest-json: InvalidSignatureException, UnrecognizedClientException, ...).
std::string error_code_for(Protocol protocol, std::string_view verify_code);

}  // namespace vd::aws::sigv4
