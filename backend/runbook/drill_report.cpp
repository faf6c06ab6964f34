#include "backend/runbook/drill_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "backend/core/files.hpp"
#include "backend/core/time_format.hpp"
#include "backend/runbook/runbook_reader.hpp"

namespace vd::runbook {
namespace fs = std::filesystem;
using nlohmann::ordered_json;

namespace {

// A value of the state, or empty.
std::string value(const WizardState& s, const char* key) {
    auto it = s.values.find(key);
    return it == s.values.end() ? std::string() : it->second;
}

// A time value of the state.
// A time the engine recorded (ISO 8601), if it did.
std::optional<TimePoint> fact_time(const std::string& iso) {
    if (iso.empty()) return std::nullopt;
    auto t = parse_time(iso);
    return t ? std::optional<TimePoint>(*t) : std::nullopt;
}

std::optional<TimePoint> time_value(const WizardState& s, const char* key) {
    std::string v = value(s, key);
    if (v.empty()) return std::nullopt;
    return parse_time(v);
}

// "1h2m3s" for a number of seconds (rounded).
std::string duration_text(double seconds) {
    return format_duration(Seconds(static_cast<int64_t>(seconds + 0.5)));
}

// "12m30s (target 2h: met)".
std::string against_target(const std::optional<double>& v, const std::optional<double>& target) {
    if (!v) return "not measured";
    std::string out = duration_text(*v);
    if (target) out += fmt::format(" (target {}: {})", duration_text(*target), *v <= *target ? "met" : "EXCEEDED");
    return out;
}

// A table cell: no pipes, no line breaks.
std::string cell(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

// An optional time as ISO text, or empty.
std::string iso(const std::optional<TimePoint>& t) { return t ? format_iso8601(*t) : std::string(); }

// A JSON number or null.
ordered_json num(const std::optional<double>& v) { return v ? ordered_json(*v) : ordered_json(nullptr); }

// Whether a wizard's steps of one kind all have one of the given statuses.
bool any_step(const Runbook& rb, const WizardState& st, StepKind kind, StepStatus status) {
    for (size_t i = 0; i < rb.steps.size() && i < st.steps.size(); ++i)
        if (rb.steps[i].kind == kind && st.steps[i].status == status) return true;
    return false;
}

bool has_step(const Runbook& rb, StepKind kind) {
    return std::any_of(rb.steps.begin(), rb.steps.end(), [&](const Step& s) { return s.kind == kind; });
}

// The cleanup result in a word or two.
std::pair<std::string, bool> cleanup_result(const Runbook& rb, const WizardState& st) {
    if (st.restored.dry_run) return {"dry run (read-only)", false};
    for (size_t i = 0; i < rb.steps.size() && i < st.steps.size(); ++i) {
        if (rb.steps[i].kind != StepKind::Cleanup) continue;
        const StepRecord& r = st.steps[i];
        switch (r.status) {
            case StepStatus::Done: return {value(st, "cleanup_result").empty() ? "deleted" : value(st, "cleanup_result"), true};
            case StepStatus::Failed: return {"failed: " + r.message, false};
            case StepStatus::Skipped: return {"skipped", false};
            default: return {"not run", false};
        }
    }
    return {"no cleanup step", false};
}

// Why the report does not pass (empty: it passes).
std::vector<std::string> verdict(const Runbook& rb, const WizardState& st, const DrillReport& r) {
    std::vector<std::string> why;
    if (r.dry_run) why.push_back("dry run: nothing was restored (--read-only)");
    if (st.outcome == "aborted") why.push_back("the wizard was aborted");
    if (has_step(rb, StepKind::Restore) && st.restore_phase != kPhaseStarted && !r.dry_run)
        why.push_back("the restore did not start");
    if (has_step(rb, StepKind::Wait) && !r.dry_run && !any_step(rb, st, StepKind::Wait, StepStatus::Done))
        why.push_back("the restored instance never became available");
    for (size_t i = 0; i < rb.steps.size() && i < st.steps.size(); ++i) {
        if (st.steps[i].status != StepStatus::Failed || rb.steps[i].kind == StepKind::SqlCheck) continue;
        why.push_back(fmt::format("step '{}' failed: {}", rb.steps[i].id, st.steps[i].message));
    }
    for (const auto& c : r.checks)
        if (!c.passed) why.push_back(fmt::format("check '{}' failed{}", c.name, c.error.empty() ? "" : ": " + c.error));
    if (rb.kind == RunbookKind::Drill) {
        if (r.checks.empty() && !r.dry_run) why.push_back("no SQL check ran");
        if (!r.cleanup_ok && !r.dry_run) why.push_back("the temporary instance was not deleted (" + r.cleanup + ")");
    }
    if (r.rto_seconds && r.rto_target_seconds && *r.rto_seconds > *r.rto_target_seconds)
        why.push_back(fmt::format("RTO {} exceeded the target {}", duration_text(*r.rto_seconds), duration_text(*r.rto_target_seconds)));
    if (r.rpo_seconds && r.rpo_target_seconds && *r.rpo_seconds > *r.rpo_target_seconds)
        why.push_back(fmt::format("RPO {} exceeded the target {}", duration_text(*r.rpo_seconds), duration_text(*r.rpo_target_seconds)));
    return why;
}

}  // namespace

// The report of a wizard as it stands now.
DrillReport build_report(const Runbook& rb, const WizardState& st, TimePoint now) {
    DrillReport r;
    r.wizard_id = st.id;
    r.runbook = rb.name;
    r.runbook_title = rb.title;
    r.kind = runbook_kind_name(rb.kind);
    r.outcome = st.finished ? st.outcome : "in progress";
    r.who = value(st, "identity_arn");
    r.account = value(st, "account");
    r.profile = st.profile;
    r.region = value(st, "region").empty() ? st.region : value(st, "region");
    r.resource = value(st, "resource_arn").empty() ? value(st, "resource") : value(st, "resource_arn");
    r.source = value(st, "source");
    r.target = restore_target(st);
    r.method = st.restored.method;
    if (!value(st, "recovery_point_arn").empty()) r.recovery_point = value(st, "recovery_point_arn");
    else if (!value(st, "snapshot_identifier").empty()) r.recovery_point = value(st, "snapshot_identifier");
    else if (!value(st, "restore_time").empty()) r.recovery_point = "point in time " + value(st, "restore_time");
    r.recovery_point_created = time_value(st, "recovery_point_created");
    r.restore_job_id = st.restored.job_id;
    r.restore_started = fact_time(st.restored.started_at);
    r.restore_finished = fact_time(st.restored.finished_at);
    r.switched_at = time_value(st, "switched_at");
    if (r.restore_started && r.restore_finished)
        r.rto_seconds = std::chrono::duration<double>(*r.restore_finished - *r.restore_started).count();
    if (r.restore_started && r.recovery_point_created)
        r.rpo_seconds = std::max(0.0, std::chrono::duration<double>(*r.restore_started - *r.recovery_point_created).count());
    if (rb.rto_target) r.rto_target_seconds = static_cast<double>(rb.rto_target->count());
    if (rb.rpo_target) r.rpo_target_seconds = static_cast<double>(rb.rpo_target->count());
    for (size_t i = 0; i < rb.steps.size() && i < st.steps.size(); ++i) {
        if (rb.steps[i].kind == StepKind::SqlCheck)
            r.checks.insert(r.checks.end(), st.steps[i].checks.begin(), st.steps[i].checks.end());
        r.steps.push_back({rb.steps[i].id, rb.steps[i].title, step_kind_name(rb.steps[i].kind),
                           step_status_name(st.steps[i].status), st.steps[i].message});
    }
    r.checks_passed = static_cast<int>(std::count_if(r.checks.begin(), r.checks.end(), [](const CheckResult& c) { return c.passed; }));
    std::tie(r.cleanup, r.cleanup_ok) = cleanup_result(rb, st);
    r.validation = value(st, "validation_result");
    r.dry_run = st.restored.dry_run;
    r.reasons = verdict(rb, st, r);
    r.passed = r.reasons.empty();
    r.written = now;
    return r;
}

// The report for people.
std::string report_markdown(const DrillReport& r) {
    std::string md;
    std::string what = r.kind == "drill" ? "Drill report" : "Restore report";
    md += fmt::format("# {}: {} — {}\n\n", what, r.runbook, r.source.empty() ? r.target : r.source);
    md += fmt::format("**Result: {}**\n\n", r.passed ? "PASSED" : "FAILED");
    for (const auto& why : r.reasons) md += fmt::format("- {}\n", why);
    if (!r.reasons.empty()) md += "\n";
    md += "| | |\n|---|---|\n";
    auto row = [&](const char* k, const std::string& v) {
        if (!v.empty()) md += fmt::format("| {} | {} |\n", k, cell(v));
    };
    row("Wizard", r.wizard_id);
    row("Runbook", fmt::format("{} ({})", r.runbook, r.runbook_title));
    row("Outcome", r.outcome);
    row("Who", r.who);
    row("Account", r.account);
    row("Profile", r.profile);
    row("Region", r.region);
    row("Source", r.resource.empty() || r.resource == r.source ? r.source : fmt::format("{} ({})", r.source, r.resource));
    row("Method", r.method);
    row("Recovery point", r.recovery_point);
    row("Point created", iso(r.recovery_point_created));
    row("Restored to", r.target);
    row("Restore job", r.restore_job_id);
    row("Restore started", iso(r.restore_started));
    row("Available at", iso(r.restore_finished));
    row("Measured RTO", against_target(r.rto_seconds, r.rto_target_seconds));
    row("Application switched at", iso(r.switched_at));
    row("Achieved RPO (data age)", against_target(r.rpo_seconds, r.rpo_target_seconds));
    row("Cleanup", r.cleanup);
    row("Validation result", r.validation);
    row("Dry run", r.dry_run ? "yes (--read-only)" : "");
    row("Written", format_iso8601(r.written));
    md += fmt::format("\n## Checks ({} of {} passed)\n\n", r.checks_passed, r.checks.size());
    if (r.checks.empty()) {
        md += "No SQL check ran.\n";
    } else {
        md += "| Check | Expect | Restored | Source | Result |\n|---|---|---|---|---|\n";
        for (const auto& c : r.checks)
            md += fmt::format("| {} | `{}` | {} | {} | {} |\n", cell(c.name), cell(c.expect), cell(c.actual),
                              cell(c.source_value.value_or("")), c.passed ? "pass" : cell("FAIL" + (c.error.empty() ? "" : ": " + c.error)));
    }
    md += "\n## Steps\n\n| # | Step | Kind | Status | Message |\n|---|---|---|---|---|\n";
    for (size_t i = 0; i < r.steps.size(); ++i) {
        const auto& s = r.steps[i];
        md += fmt::format("| {} | {} | {} | {} | {} |\n", i + 1, cell(s.title.empty() ? s.id : s.title), s.kind, s.status, cell(s.message));
    }
    return md;
}

// The report for vaultdeck (read back by read_drill_records).
ordered_json report_json(const DrillReport& r) {
    ordered_json checks = ordered_json::array();
    for (const auto& c : r.checks)
        checks.push_back({{"name", c.name}, {"query", c.query}, {"expect", c.expect}, {"actual", c.actual},
                          {"source_value", c.source_value ? ordered_json(*c.source_value) : ordered_json(nullptr)},
                          {"passed", c.passed}, {"error", c.error}});
    ordered_json steps = ordered_json::array();
    for (const auto& s : r.steps)
        steps.push_back({{"id", s.id}, {"title", s.title}, {"kind", s.kind}, {"status", s.status}, {"message", s.message}});
    auto met = [](const std::optional<double>& v, const std::optional<double>& t) {
        return v && t ? ordered_json(*v <= *t) : ordered_json(nullptr);
    };
    return ordered_json{
        {"version", 1},
        {"wizard", r.wizard_id},
        {"runbook", r.runbook},
        {"kind", r.kind},
        {"outcome", r.outcome},
        {"passed", r.passed},
        {"reasons", r.reasons},
        {"dry_run", r.dry_run},
        {"who", r.who},
        {"account", r.account},
        {"profile", r.profile},
        {"region", r.region},
        {"resource", r.resource},
        {"source", r.source},
        {"target", r.target},
        {"method", r.method},
        {"recovery_point", {{"id", r.recovery_point}, {"created", iso(r.recovery_point_created)}}},
        {"restore", {{"job_id", r.restore_job_id}, {"started", iso(r.restore_started)}, {"finished", iso(r.restore_finished)},
                     {"switched_at", iso(r.switched_at)}}},
        {"rto", {{"seconds", num(r.rto_seconds)}, {"target_seconds", num(r.rto_target_seconds)}, {"met", met(r.rto_seconds, r.rto_target_seconds)}}},
        {"rpo", {{"seconds", num(r.rpo_seconds)}, {"target_seconds", num(r.rpo_target_seconds)}, {"met", met(r.rpo_seconds, r.rpo_target_seconds)}}},
        {"checks", checks},
        {"checks_passed", r.checks_passed},
        {"checks_total", r.checks.size()},
        {"cleanup", {{"result", r.cleanup}, {"ok", r.cleanup_ok}}},
        {"validation", r.validation},
        {"steps", steps},
        {"written", format_iso8601(r.written)},
    };
}

// Writes both files next to each other.
Result<ReportFiles> write_report_files(const DrillReport& report, const fs::path& dir) {
    if (auto s = ensure_private_dir(dir); !s) return s.error();
    ReportFiles files{dir / (report.wizard_id + ".md"), dir / (report.wizard_id + ".json")};
    if (auto s = write_file_atomic(files.markdown, report_markdown(report), 0600); !s) return s.error();
    if (auto s = write_file_atomic(files.json, report_json(report).dump(2) + "\n", 0600); !s) return s.error();
    return files;
}

// A drill record from a report's JSON.
Result<poll::DrillRecord> drill_record_from_json(const nlohmann::json& j, const std::string& report_path) {
    if (!j.is_object() || j.value("version", 0) != 1) return make_error(ErrorKind::Parse, "not a vaultdeck report");
    poll::DrillRecord d;
    d.id = j.value("wizard", "");
    d.runbook = j.value("runbook", "");
    d.resource = j.value("resource", "");
    if (d.resource.empty()) d.resource = j.value("source", "");
    const auto& rp = j.contains("recovery_point") ? j["recovery_point"] : nlohmann::json::object();
    d.recovery_point_arn = rp.is_object() ? rp.value("id", "") : "";
    const auto& restore = j.contains("restore") ? j["restore"] : nlohmann::json::object();
    auto written = parse_time(j.value("written", ""));
    auto started = restore.is_object() ? parse_time(restore.value("started", "")) : std::nullopt;
    if (!written) return make_error(ErrorKind::Parse, "a report without a time");
    d.started = started ? *started : *written;
    d.finished = *written;
    auto seconds = [&](const char* key) {
        if (!j.contains(key) || !j[key].is_object()) return 0.0;
        const auto& v = j[key]["seconds"];
        return v.is_number() ? v.get<double>() : 0.0;
    };
    d.rto_seconds = seconds("rto");
    d.rpo_seconds = seconds("rpo");
    d.passed = j.value("passed", false);
    d.checks_passed = j.value("checks_passed", 0);
    d.checks_total = j.value("checks_total", 0);
    d.report_path = report_path;
    if (d.id.empty()) return make_error(ErrorKind::Parse, "a report without a wizard id");
    return d;
}

// Every drill record in a folder, newest first.
std::vector<poll::DrillRecord> read_drill_records(const fs::path& dir) {
    std::vector<poll::DrillRecord> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".json") continue;
        auto text = read_file(entry.path());
        if (!text) continue;
        auto j = nlohmann::json::parse(*text, nullptr, false);
        if (j.is_discarded() || !j.is_object() || j.value("kind", "") != "drill") continue;
        auto d = drill_record_from_json(j, entry.path().string());
        if (d) out.push_back(std::move(*d));
    }
    std::sort(out.begin(), out.end(), [](const poll::DrillRecord& a, const poll::DrillRecord& b) {
        return a.started != b.started ? a.started > b.started : a.id > b.id;
    });
    return out;
}

}  // namespace vd::runbook
