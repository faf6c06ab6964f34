// The audit log: append-only JSON lines in the XDG state folder (0600),
// flushed and fsynced per entry. Every call that changes AWS is written
// before it is sent (what, by whom, on what, with which idempotency token)
// and after (result, request id, error); the operator's own decisions
// (checklist ticks and notes, skipped steps, aborts, confirmations typed or
// given by --yes) are written too, with phase "operator" and no call. The
// Audit screen reads it back.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/runbook/api_call.hpp"

namespace vd::runbook {

struct AuditEntry {
    TimePoint time;
    std::string phase;    // before, after, dry-run, adopt (resume found an earlier call's result), operator
    std::string action;   // restore, restore-writer, cleanup, validation; operator: tick, untick, note, skip, abort, confirm, switch
    std::string who;      // the STS identity ARN
    std::string account;
    std::string profile;
    std::string region;
    std::string target;   // the instance restored or deleted
    std::string idempotency_token;
    std::string wizard_id;
    std::string runbook;
    ApiCall call;         // the exact operation and parameters
    std::string result;   // after: ok or error
    std::string request_id;
    std::string error;
    std::string outcome;  // after: the job id or resource created
};

// xdg_state_home()/audit.jsonl.
std::filesystem::path default_audit_path();

// Appends entries to one file; each append is a complete, fsynced line.
class AuditLog {
public:
    explicit AuditLog(std::filesystem::path path);
    // Writes one entry as a JSON line and fsyncs it before returning.
    Status append(const AuditEntry& entry);
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// One entry as its JSON object, and back.
nlohmann::ordered_json audit_entry_to_json(const AuditEntry& entry);
Result<AuditEntry> audit_entry_from_json(const nlohmann::json& j);

struct AuditReadResult {
    std::vector<AuditEntry> entries;  // newest first
    int malformed_lines = 0;          // skipped, counted for the screen
};

// Reads the log, newest first; at most limit entries (0: all). A missing
// file is an empty log.
Result<AuditReadResult> read_audit_log(const std::filesystem::path& path, size_t limit = 0);

}  // namespace vd::runbook
