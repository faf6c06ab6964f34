// One HTTP exchange as the simulator sees it, independent of the HTTP
// library: the server converts to and from these, tests build them directly.
#pragma once

#include <chrono>
#include <string>

#include "backend/aws/http.hpp"

namespace vd::sim {

struct WireRequest {
    std::string method = "GET";
    std::string path = "/";  // raw, still percent-encoded
    std::string query;       // raw, without '?'
    aws::Headers headers;
    std::string body;
};

// What the transport must do besides sending the response.
enum class WireFault { None, Reset, Truncate };

struct WireResponse {
    int status = 200;
    aws::Headers headers;
    std::string body;
    // For the record file and logs.
    std::string service;
    std::string operation;
    WireFault fault = WireFault::None;
    std::chrono::milliseconds delay{0};
};

}  // namespace vd::sim
