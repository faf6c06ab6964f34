// Keeping secrets out of every dump, log line and error: the Authorization
// header, security tokens, presigned-URL credentials and signatures, and
// anything whose name looks like a secret.
#pragma once

#include <string>
#include <string_view>

#include "backend/aws/http.hpp"

namespace vd::aws {

// What replaces a secret value.
inline constexpr std::string_view kRedacted = "[redacted]";

// True for names of secrets: Authorization, X-Amz-Security-Token,
// X-Amz-Credential, X-Amz-Signature, and any name containing secret,
// password, session/security/access/refresh token, private key, signature
// or credential (case, '-' and '_' ignored). NextToken and ClientToken are not secrets.
bool is_secret_name(std::string_view name);

// The headers with secret values replaced.
Headers redact_headers(const Headers& headers);

// A query string (or form body) with secret parameter values replaced.
std::string redact_query(std::string_view query);

// A URL with secret query parameter values replaced.
std::string redact_url(std::string_view url);

// Free text (an error body, a message, a log line) with secrets replaced:
// JSON "name": "value" pairs, XML <Name>value</Name>, name=value pairs and
// "Name: value" header lines whose names look secret.
std::string redact_text(std::string_view text);

// A readable, redacted dump of a request or a response, for debug logs.
std::string dump_request(const HttpRequest& request);
std::string dump_response(const HttpResponse& response);

}  // namespace vd::aws
