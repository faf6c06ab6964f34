#include "backend/runbook/wizard_state.hpp"

#include <algorithm>
#include <array>
#include <ctime>
#include <random>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "backend/core/enum_names.hpp"
#include "backend/core/files.hpp"
#include "backend/core/time_format.hpp"

namespace vd::runbook {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr EnumNames<StepStatus, 5> kStatusNames{{
    {StepStatus::Pending, "pending"},
    {StepStatus::Current, "current"},
    {StepStatus::Done, "done"},
    {StepStatus::Failed, "failed"},
    {StepStatus::Skipped, "skipped"},
}};

// A string member, or empty.
std::string str(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// An optional time as JSON (null when absent).
json time_json(const std::optional<TimePoint>& t) { return t ? json(format_iso8601_ms(*t)) : json(nullptr); }

// An optional time from JSON.
std::optional<TimePoint> time_from(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return std::nullopt;
    return parse_time(it->get<std::string>());
}

json step_to_json(const StepRecord& r) {
    json j{{"id", r.id}, {"status", step_status_name(r.status)}, {"started", time_json(r.started)},
           {"finished", time_json(r.finished)}, {"message", r.message}};
    if (!r.ticks.empty()) j["ticks"] = r.ticks;
    if (!r.notes.empty()) j["notes"] = r.notes;
    if (!r.preflight.empty()) {
        json arr = json::array();
        for (const auto& p : r.preflight) arr.push_back({{"name", p.name}, {"verdict", p.verdict}, {"detail", p.detail}});
        j["preflight"] = arr;
    }
    if (!r.checks.empty()) {
        json arr = json::array();
        for (const auto& c : r.checks) {
            json cj{{"name", c.name}, {"query", c.query}, {"expect", c.expect}, {"actual", c.actual},
                    {"passed", c.passed}, {"error", c.error}};
            cj["source_value"] = c.source_value ? json(*c.source_value) : json(nullptr);
            arr.push_back(cj);
        }
        j["checks"] = arr;
    }
    if (!r.output.empty()) j["output"] = r.output;
    if (r.exit_code) j["exit_code"] = *r.exit_code;
    if (!r.dry_run.empty()) j["dry_run"] = r.dry_run;
    return j;
}

Result<StepRecord> step_from_json(const json& j) {
    if (!j.is_object()) return make_error(ErrorKind::Parse, "a step record is not an object");
    StepRecord r;
    r.id = str(j, "id");
    auto status = parse_step_status(str(j, "status"));
    if (!status) return make_error(ErrorKind::Parse, fmt::format("step '{}' has an unknown status", r.id));
    r.status = *status;
    r.started = time_from(j, "started");
    r.finished = time_from(j, "finished");
    r.message = str(j, "message");
    if (auto it = j.find("ticks"); it != j.end() && it->is_array())
        for (const auto& t : *it) r.ticks.push_back(t.is_boolean() && t.get<bool>());
    if (auto it = j.find("notes"); it != j.end() && it->is_array())
        for (const auto& n : *it) r.notes.push_back(n.is_string() ? n.get<std::string>() : "");
    if (auto it = j.find("preflight"); it != j.end() && it->is_array())
        for (const auto& p : *it) r.preflight.push_back({str(p, "name"), str(p, "verdict"), str(p, "detail")});
    if (auto it = j.find("checks"); it != j.end() && it->is_array()) {
        for (const auto& c : *it) {
            CheckResult cr{str(c, "name"), str(c, "query"), str(c, "expect"), str(c, "actual"), std::nullopt, false, str(c, "error")};
            if (auto sv = c.find("source_value"); sv != c.end() && sv->is_string()) cr.source_value = sv->get<std::string>();
            if (auto p = c.find("passed"); p != c.end() && p->is_boolean()) cr.passed = p->get<bool>();
            r.checks.push_back(std::move(cr));
        }
    }
    r.output = str(j, "output");
    if (auto it = j.find("exit_code"); it != j.end() && it->is_number_integer()) r.exit_code = it->get<int>();
    r.dry_run = str(j, "dry_run");
    return r;
}

// A boolean member, or false.
bool flag(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_boolean() && it->get<bool>();
}

// The restore facts: the "restored" object, or, in a state saved before
// they had one, the values they were kept in (moved out of the values).
void restored_from_json(const json& j, WizardState& s) {
    RestoreFacts& r = s.restored;
    if (auto it = j.find("restored"); it != j.end() && it->is_object()) {
        r = {str(*it, "attempt_at"), str(*it, "target"),     flag(*it, "cluster"),     str(*it, "method"),
             str(*it, "job_id"),     str(*it, "started_at"), str(*it, "finished_at"), flag(*it, "dry_run")};
        return;
    }
    auto take = [&](const char* key) {
        auto v = s.values.find(key);
        if (v == s.values.end()) return std::string();
        std::string out = std::move(v->second);
        s.values.erase(v);
        return out;
    };
    r.attempt_at = take("restore_attempt_at");
    r.target = take("restored_target");
    const std::string kind = take("restored_kind");
    const std::string planned = take("restores_cluster");
    r.cluster = kind == "cluster" || planned == "true";
    r.method = take("restore_method");
    r.job_id = take("restore_job_id");
    r.started_at = take("restore_started_at");
    r.finished_at = take("restore_finished_at");
    r.dry_run = take("dry_run") == "true";
}

}  // namespace

std::string restore_target(const WizardState& s) {
    if (!s.restored.target.empty()) return s.restored.target;
    auto t = s.values.find("target");
    return t == s.values.end() ? std::string() : t->second;
}

const char* step_status_name(StepStatus s) { return enum_name(kStatusNames, s); }
std::optional<StepStatus> parse_step_status(std::string_view s) { return parse_enum(kStatusNames, s); }

// The state as indented JSON.
std::string resume_profile(const WizardState& s) {
    auto it = s.values.find("credentials_profile");
    return it != s.values.end() ? it->second : s.profile;
}

std::string wizard_state_to_json(const WizardState& s) {
    json steps = json::array();
    for (const auto& r : s.steps) steps.push_back(step_to_json(r));
    json j{
        {"version", s.version},
        {"id", s.id},
        {"runbook", {{"name", s.runbook_name}, {"origin", s.runbook_origin}, {"source", s.runbook_source}}},
        {"created", format_iso8601_ms(s.created)},
        {"updated", format_iso8601_ms(s.updated)},
        {"current", s.current},
        {"steps", steps},
        {"values", s.values},
        {"restored", {{"attempt_at", s.restored.attempt_at}, {"target", s.restored.target}, {"cluster", s.restored.cluster},
                      {"method", s.restored.method}, {"job_id", s.restored.job_id}, {"started_at", s.restored.started_at},
                      {"finished_at", s.restored.finished_at},
                      {"dry_run", s.restored.dry_run}}},
        {"idempotency_token", s.idempotency_token},
        {"restore_phase", s.restore_phase},
        {"cleanup_phase", s.cleanup_phase},
        {"read_only", s.read_only},
        {"auto_confirm", s.auto_confirm},
        {"finished", s.finished},
        {"outcome", s.outcome},
        {"profile", s.profile},
        {"region", s.region},
        {"report_dir", s.report_dir},
    };
    return j.dump(2) + "\n";
}

// The state from its JSON text.
Result<WizardState> wizard_state_from_json(std::string_view text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return make_error(ErrorKind::Parse, "the wizard state is not valid JSON");
    WizardState s;
    if (auto v = j.find("version"); v == j.end() || !v->is_number_integer() || v->get<int>() != 1)
        return make_error(ErrorKind::Parse, "the wizard state has an unknown version");
    s.id = str(j, "id");
    if (!valid_wizard_id(s.id)) return make_error(ErrorKind::Parse, "the wizard state has no valid id");
    if (auto rb = j.find("runbook"); rb != j.end() && rb->is_object()) {
        s.runbook_name = str(*rb, "name");
        s.runbook_origin = str(*rb, "origin");
        s.runbook_source = str(*rb, "source");
    }
    if (s.runbook_source.empty()) return make_error(ErrorKind::Parse, "the wizard state has no runbook");
    auto created = time_from(j, "created");
    auto updated = time_from(j, "updated");
    if (!created || !updated) return make_error(ErrorKind::Parse, "the wizard state has no valid times");
    s.created = *created;
    s.updated = *updated;
    if (auto c = j.find("current"); c != j.end() && c->is_number_unsigned()) s.current = c->get<size_t>();
    if (auto st = j.find("steps"); st != j.end() && st->is_array()) {
        for (const auto& r : *st) {
            auto rec = step_from_json(r);
            if (!rec) return rec.error();
            s.steps.push_back(std::move(*rec));
        }
    }
    if (s.current > s.steps.size()) return make_error(ErrorKind::Parse, "the wizard state's current step is out of range");
    if (auto v = j.find("values"); v != j.end() && v->is_object())
        for (const auto& [k, val] : v->items())
            if (val.is_string()) s.values[k] = val.get<std::string>();
    restored_from_json(j, s);
    s.idempotency_token = str(j, "idempotency_token");
    s.restore_phase = str(j, "restore_phase");
    s.cleanup_phase = str(j, "cleanup_phase");
    s.read_only = flag(j, "read_only");
    s.auto_confirm = flag(j, "auto_confirm");
    s.finished = flag(j, "finished");
    s.outcome = str(j, "outcome");
    s.profile = str(j, "profile");
    s.region = str(j, "region");
    s.report_dir = str(j, "report_dir");
    if (s.report_dir.empty()) {  // saved before the folder was kept: the report's, if one was written
        auto report = s.values.find("report_markdown");
        if (report != s.values.end() && !report->second.empty())
            s.report_dir = fs::path(report->second).parent_path().string();
    }
    return s;
}

// The wizard state folder.
fs::path default_wizard_dir() { return xdg_state_home() / "wizards"; }

// Writes the state atomically, 0600, in a 0700 folder.
Status save_wizard_state(const WizardState& s, const fs::path& dir) {
    if (!valid_wizard_id(s.id)) return make_error(ErrorKind::Internal, fmt::format("bad wizard id '{}'", s.id));
    if (auto d = ensure_private_dir(dir); !d) return d;
    return write_file_atomic(dir / (s.id + ".json"), wizard_state_to_json(s), 0600);
}

// Reads one saved wizard.
Result<WizardState> load_wizard_state(const std::string& id, const fs::path& dir) {
    if (!valid_wizard_id(id))
        return make_error(ErrorKind::InvalidInput, fmt::format("'{}' is not a wizard id (see `vaultdeck resume` without one)", id));
    fs::path file = dir / (id + ".json");
    std::error_code ec;
    if (!fs::exists(file, ec)) return make_error(ErrorKind::NotFound, fmt::format("no saved wizard '{}' in {}", id, dir.string()));
    auto text = read_file(file);
    if (!text) return text.error();
    auto s = wizard_state_from_json(*text);
    if (!s) return make_error(ErrorKind::Parse, fmt::format("{}: {}", file.string(), s.error().message));
    return s;
}

// Every saved wizard, newest first.
std::vector<WizardSummary> list_wizards(const fs::path& dir) {
    std::vector<WizardSummary> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".json") continue;
        auto s = load_wizard_state(entry.path().stem().string(), dir);
        if (!s) continue;
        WizardSummary w{s->id, s->runbook_name, s->updated, s->finished, s->outcome, {}, {}};
        if (s->current < s->steps.size()) w.current_step = s->steps[s->current].id;
        if (auto t = s->values.find("target"); t != s->values.end()) w.target = t->second;
        out.push_back(std::move(w));
    }
    std::sort(out.begin(), out.end(), [](const WizardSummary& a, const WizardSummary& b) {
        return a.updated != b.updated ? a.updated > b.updated : a.id > b.id;
    });
    return out;
}

// A sortable, unique wizard id.
std::string new_wizard_id(TimePoint now) {
    std::time_t secs = std::chrono::system_clock::to_time_t(now);
    std::tm tm{};
    ::gmtime_r(&secs, &tm);
    std::random_device rd;
    return fmt::format("{:04d}{:02d}{:02d}-{:02d}{:02d}{:02d}-{:06x}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                       tm.tm_hour, tm.tm_min, tm.tm_sec, rd() & 0xffffffu);
}

// Whether an id has only letters, digits and hyphens (never a path).
bool valid_wizard_id(std::string_view id) {
    if (id.empty() || id.size() > 64 || id.front() == '-') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    });
}

// A version 4 UUID from the system's random source.
std::string new_uuid() {
    std::random_device rd;
    std::array<uint8_t, 16> b{};
    for (size_t i = 0; i < b.size(); i += 4) {
        uint32_t r = rd();
        for (size_t k = 0; k < 4; ++k) b[i + k] = static_cast<uint8_t>(r >> (8 * k));
    }
    b[6] = static_cast<uint8_t>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<uint8_t>((b[8] & 0x3f) | 0x80);
    std::string hex;
    for (size_t i = 0; i < b.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) hex += '-';
        hex += fmt::format("{:02x}", b[i]);
    }
    return hex;
}

}  // namespace vd::runbook
