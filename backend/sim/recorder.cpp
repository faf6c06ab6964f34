#include "backend/sim/recorder.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

namespace vd::sim {

Result<std::shared_ptr<ResponseRecorder>> ResponseRecorder::open(const std::string& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0) return make_error(ErrorKind::Config, "cannot open record file " + path + ": " + std::strerror(errno));
    std::FILE* file = fdopen(fd, "a");
    if (file == nullptr) {
        ::close(fd);
        return make_error(ErrorKind::Config, "cannot open record file " + path + ": " + std::strerror(errno));
    }
    return std::shared_ptr<ResponseRecorder>(new ResponseRecorder(file));
}

ResponseRecorder::~ResponseRecorder() {
    if (file_ != nullptr) std::fclose(file_);
}

void ResponseRecorder::record(const WireResponse& response) {
    std::string type;
    for (const auto& [k, v] : response.headers) {
        if (strcasecmp(k.c_str(), "content-type") == 0) type = v;
    }
    nlohmann::json line = {{"service", response.service},
                           {"operation", response.operation},
                           {"status", response.status},
                           {"content_type", type},
                           {"body", redact_secrets(response.body)}};
    std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    std::lock_guard<std::mutex> lock(mu_);
    std::fwrite(text.data(), 1, text.size(), file_);
    std::fflush(file_);
}

std::string redact_secrets(std::string body) {
    for (const char* tag : {"SecretAccessKey", "SessionToken"}) {
        std::string open = std::string("<") + tag + ">", close = std::string("</") + tag + ">";
        for (size_t at = body.find(open); at != std::string::npos; at = body.find(open, at + 1)) {
            size_t start = at + open.size(), end = body.find(close, start);
            if (end == std::string::npos) break;
            body.replace(start, end - start, "REDACTED");
        }
    }
    return body;
}

}  // namespace vd::sim
