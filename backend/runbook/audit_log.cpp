#include "backend/runbook/audit_log.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "backend/core/files.hpp"
#include "backend/core/time_format.hpp"

namespace vd::runbook {
namespace fs = std::filesystem;

namespace {

// A string member, or empty.
std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Writes all of a buffer, retrying on EINTR.
Status write_all(int fd, const std::string& data, const fs::path& path) {
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return make_error(ErrorKind::Internal, fmt::format("cannot write the audit log {}: {}", path.string(), std::strerror(errno)));
        }
        done += static_cast<size_t>(n);
    }
    return ok_status();
}

}  // namespace

// The audit log in the XDG state folder.
fs::path default_audit_path() { return xdg_state_home() / "audit.jsonl"; }

AuditLog::AuditLog(fs::path path) : path_(std::move(path)) {}

// Appends one line under an exclusive lock, then fsyncs it.
Status AuditLog::append(const AuditEntry& entry) {
    if (!path_.parent_path().empty())
        if (auto s = ensure_private_dir(path_.parent_path()); !s) return s;
    std::string line = audit_entry_to_json(entry).dump() + "\n";
    int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return make_error(ErrorKind::Internal, fmt::format("cannot open the audit log {}: {}", path_.string(), std::strerror(errno)));
    ::fchmod(fd, 0600);
    ::flock(fd, LOCK_EX);
    Status written = write_all(fd, line, path_);
    if (written && ::fsync(fd) != 0)
        written = make_error(ErrorKind::Internal, fmt::format("cannot flush the audit log {}: {}", path_.string(), std::strerror(errno)));
    ::flock(fd, LOCK_UN);
    ::close(fd);
    return written;
}

// The JSON object of one entry; empty fields are left out.
nlohmann::ordered_json audit_entry_to_json(const AuditEntry& e) {
    nlohmann::ordered_json j;
    j["time"] = format_iso8601_ms(e.time);
    j["phase"] = e.phase;
    j["action"] = e.action;
    auto put = [&](const char* key, const std::string& v) {
        if (!v.empty()) j[key] = v;
    };
    put("who", e.who);
    put("account", e.account);
    put("profile", e.profile);
    put("region", e.region);
    put("target", e.target);
    put("idempotency_token", e.idempotency_token);
    put("wizard", e.wizard_id);
    put("runbook", e.runbook);
    if (!e.call.operation.empty())  // the operator's own decisions make no call
        j["api"] = {{"service", e.call.service}, {"operation", e.call.operation}, {"parameters", e.call.parameters}};
    put("result", e.result);
    put("request_id", e.request_id);
    put("error", e.error);
    put("outcome", e.outcome);
    return j;
}

// One entry from its JSON object.
Result<AuditEntry> audit_entry_from_json(const nlohmann::json& j) {
    if (!j.is_object()) return make_error(ErrorKind::Parse, "an audit entry is not an object");
    AuditEntry e;
    auto t = parse_time(str(j, "time"));
    if (!t) return make_error(ErrorKind::Parse, "an audit entry has no valid time");
    e.time = *t;
    e.phase = str(j, "phase");
    e.action = str(j, "action");
    e.who = str(j, "who");
    e.account = str(j, "account");
    e.profile = str(j, "profile");
    e.region = str(j, "region");
    e.target = str(j, "target");
    e.idempotency_token = str(j, "idempotency_token");
    e.wizard_id = str(j, "wizard");
    e.runbook = str(j, "runbook");
    if (auto api = j.find("api"); api != j.end() && api->is_object()) {
        e.call.service = str(*api, "service");
        e.call.operation = str(*api, "operation");
        if (auto p = api->find("parameters"); p != api->end()) e.call.parameters = nlohmann::ordered_json::parse(p->dump());
    }
    e.result = str(j, "result");
    e.request_id = str(j, "request_id");
    e.error = str(j, "error");
    e.outcome = str(j, "outcome");
    return e;
}

// The log's entries, newest first.
Result<AuditReadResult> read_audit_log(const fs::path& path, size_t limit) {
    AuditReadResult out;
    std::error_code ec;
    if (!fs::exists(path, ec)) return out;
    auto text = read_file(path);
    if (!text) return text.error();
    std::istringstream in(*text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded()) {
            ++out.malformed_lines;
            continue;
        }
        auto e = audit_entry_from_json(j);
        if (!e) {
            ++out.malformed_lines;
            continue;
        }
        out.entries.push_back(std::move(*e));
    }
    std::reverse(out.entries.begin(), out.entries.end());
    if (limit > 0 && out.entries.size() > limit) out.entries.resize(limit);
    return out;
}

}  // namespace vd::runbook
