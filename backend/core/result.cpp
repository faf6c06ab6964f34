#include "backend/core/result.hpp"

#include <fmt/format.h>

namespace vd {

std::string Error::to_string() const {
    std::string out = code.empty() ? message : (message.empty() ? code : code + ": " + message);
    if (http_status != 0 && request_id.empty()) {
        out += fmt::format(" (HTTP {})", http_status);
    } else if (http_status != 0) {
        out += fmt::format(" (HTTP {}, request id {})", http_status, request_id);
    }
    return out;
}

Error make_error(ErrorKind kind, std::string message, std::string code) {
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    e.code = std::move(code);
    return e;
}

}  // namespace vd
