// --record FILE: appends one JSON line per answer the simulator sends,
// {"service","operation","status","content_type","body"}, so a test suite can
// check every body it saw against the service models afterwards. Secret
// values (STS SecretAccessKey and SessionToken) are replaced before writing.
#pragma once

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "backend/core/result.hpp"
#include "backend/sim/wire.hpp"

namespace vd::sim {

class ResponseRecorder {
public:
    // Opens (appending, mode 0600) the record file.
    static Result<std::shared_ptr<ResponseRecorder>> open(const std::string& path);
    ~ResponseRecorder();
    // Appends one line for this answer.
    void record(const WireResponse& response);

private:
    explicit ResponseRecorder(std::FILE* file) : file_(file) {}
    std::mutex mu_;
    std::FILE* file_;
};

// The body with the values of secret elements replaced by "REDACTED".
std::string redact_secrets(std::string body);

}  // namespace vd::sim
