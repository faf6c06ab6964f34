// The HTTP seam: the real transport is libcurl (curl_transport.hpp); tests
// talk to loopback servers through the same interface.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "backend/core/result.hpp"

namespace vd::aws {

// Header names are compared case-insensitively; order is kept as given.
using Headers = std::vector<std::pair<std::string, std::string>>;

// The value of the first header with this name (case-insensitive).
std::optional<std::string> find_header(const Headers& headers, std::string_view name);

struct HttpRequest {
    std::string method = "GET";
    std::string url;  // scheme://host[:port]/path?query, already encoded
    Headers headers;
    std::string body;
    std::chrono::milliseconds connect_timeout{3100};
    std::chrono::milliseconds timeout{60000};  // whole request
};

struct HttpResponse {
    int status = 0;
    Headers headers;  // names lower-cased by the transport
    std::string body;
};

// Sends one request; a non-2xx status is still a successful Result (the
// caller turns it into an AWS error); only transport failures are errors.
class HttpTransport {
public:
    virtual ~HttpTransport() = default;
    virtual Result<HttpResponse> send(const HttpRequest& request) = 0;
};

}  // namespace vd::aws
