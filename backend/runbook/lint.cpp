#include "backend/runbook/lint.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/runbook/runbook_reader.hpp"
#include "backend/runbook/sql_expect.hpp"
#include "backend/runbook/template.hpp"

namespace vd::runbook {
namespace {

// Whether a name is a usable variable or field name.
bool valid_name(std::string_view name) {
    if (name.empty() || name[0] < 'a' || name[0] > 'z') return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// Whether a runbook name is lower-case words joined by hyphens.
bool valid_runbook_name(std::string_view name) {
    if (name.empty() || name.front() == '-' || name.back() == '-') return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

// Runs the whole-runbook checks, one step at a time, remembering what came before.
class Checker {
public:
    explicit Checker(const Runbook& rb) : rb_(rb) {
        for (const auto& v : builtin_variables()) known_.insert(v);
    }

    std::vector<Diagnostic> run() {
        check_header();
        std::set<std::string> ids;
        for (const Step& step : rb_.steps) {
            if (!ids.insert(step.id).second) error(line_of(step, "id"), fmt::format("duplicate step id '{}'", step.id));
            check_step(step);
            note_step(step);
        }
        check_endings();
        return std::move(out_);
    }

private:
    const Runbook& rb_;
    std::vector<Diagnostic> out_;
    std::set<std::string> known_;
    std::set<std::string> form_fields_;  // fields of the forms so far (they set their names)
    bool seen_confirm_ = false;
    bool seen_restore_ = false;
    bool seen_wait_ = false;
    bool seen_choose_backup_ = false;
    bool seen_choose_snapshot_ = false;
    bool seen_choose_time_ = false;
    bool seen_target_field_ = false;

    void error(SourceLine at, std::string message) {
        out_.push_back({Diagnostic::Severity::Error, at.line, at.column, std::move(message)});
    }
    void warning(SourceLine at, std::string message) {
        out_.push_back({Diagnostic::Severity::Warning, at.line, at.column, std::move(message)});
    }

    // The place of a key of a step, or the step itself when the key is absent.
    static SourceLine line_of(const Step& step, const std::string& key) {
        auto it = step.lines.find(key);
        return it == step.lines.end() ? step.where : it->second;
    }

    // Checks a template's syntax and that every variable it uses exists here.
    void check_template(const std::string& tmpl, SourceLine at, std::string_view what,
                        const std::set<std::string>& extra = {}) {
        auto names = template_variables(tmpl);
        if (!names) {
            error(at, fmt::format("bad template in {}: {}", what, names.error().message));
            return;
        }
        for (const auto& n : *names) {
            if (!known_.count(n) && !extra.count(n)) {
                error(at, fmt::format("unknown variable '{{{}}}' in {} (known: form fields before this step and "
                                      "source, resource, region, target, yyyymmdd, yyyymmddhhmm, ...)", n, what));
            } else if (std::string setter = unset_here(n); !setter.empty() && !extra.count(n)) {
                error(at, fmt::format("'{{{}}}' in {} is not set yet here: only a {} step before this one sets it", n, what, setter));
            }
        }
    }

    // The kind of step that sets a variable, when none has come yet; empty when it is set (or always given).
    std::string unset_here(const std::string& name) const {
        struct SetBy {
            const char* variable;
            const bool Checker::*seen;
            const char* step;
        };
        static const SetBy kSetBy[] = {
            {"endpoint_host", &Checker::seen_wait_, "wait"},
            {"endpoint_port", &Checker::seen_wait_, "wait"},
            {"db_name", &Checker::seen_wait_, "wait"},
            {"database_url", &Checker::seen_wait_, "wait"},
            {"recovery_point", &Checker::seen_choose_backup_, "choose-recovery-point"},
            {"vault", &Checker::seen_choose_backup_, "choose-recovery-point"},
            {"snapshot", &Checker::seen_choose_snapshot_, "choose-recovery-point (from = \"rds-snapshots\")"},
            {"restore_time", &Checker::seen_choose_time_, "choose-time"},
        };
        if (form_fields_.count(name)) return {};
        for (const auto& s : kSetBy)
            if (name == s.variable && !(this->*s.seen)) return s.step;
        return {};
    }

    void check_header() {
        if (rb_.name.empty()) error({1, 1}, "the runbook has no name");
        else if (!valid_runbook_name(rb_.name))
            error(rb_.where_name, fmt::format("bad runbook name '{}': use lower-case letters, digits and hyphens", rb_.name));
        if (rb_.title.empty()) warning(rb_.where_name, "the runbook has no title");
        if (rb_.where_kind.line == 0) error({1, 1}, "the runbook has no kind (restore, drill or checklist)");
        if (rb_.steps.empty() && rb_.step_tables == 0) error({1, 1}, "the runbook has no steps ([[steps]])");
    }

    // Per-kind parameter checks and the order rules.
    void check_step(const Step& s) {
        std::string kind = step_kind_name(s.kind);
        if (is_mutating(s.kind) && rb_.kind == RunbookKind::Checklist)
            error(line_of(s, "kind"), fmt::format("a checklist runbook never changes AWS: remove the {} step", kind));
        if (is_mutating(s.kind) && !seen_confirm_)
            error(line_of(s, "kind"), fmt::format("a confirm step must come before this {} step (it changes AWS)", kind));
        check_template(s.text, line_of(s, "text"), "text");
        switch (s.kind) {
            case StepKind::Info:
                if (s.text.empty()) error(s.where, "an info step needs a text");
                break;
            case StepKind::Checklist:
                if (s.items.empty()) error(s.where, "a checklist step needs items");
                for (const auto& item : s.items) {
                    if (item.text.empty()) error(item.where, "a checklist item needs a text");
                    check_template(item.text, item.where, "a checklist item");
                }
                break;
            case StepKind::ChooseRecoveryPoint:
                if (s.from != "backup" && s.from != "rds-snapshots")
                    error(line_of(s, "from"), fmt::format("'from' must be \"backup\" or \"rds-snapshots\", not '{}'", s.from));
                check_template(s.resource, line_of(s, "resource"), "resource");
                check_template(s.vault, line_of(s, "vault"), "vault");
                break;
            case StepKind::ChooseTime: check_time_choice(s); break;
            case StepKind::Form: check_form(s); break;
            case StepKind::Preflight:
                if (s.checks.empty()) error(s.where, "a preflight step needs checks");
                for (const auto& c : s.checks) {
                    const auto& names = preflight_check_names();
                    if (std::find(names.begin(), names.end(), c) == names.end())
                        error(line_of(s, "checks"), fmt::format("unknown preflight check '{}' (known: {})", c, fmt::join(names, ", ")));
                }
                break;
            case StepKind::Confirm:
                if (s.skippable) error(line_of(s, "skippable"), "a confirm step cannot be skippable");
                if (s.expect.empty()) error(line_of(s, "expect"), "a confirm step needs a non-empty expect");
                check_template(s.expect, line_of(s, "expect"), "expect");
                break;
            case StepKind::Restore: check_restore(s); break;
            case StepKind::Wait:
                if (!seen_restore_) error(line_of(s, "kind"), "a wait step needs a restore step before it");
                break;
            case StepKind::SqlCheck: check_sql(s); break;
            case StepKind::Command: check_command(s); break;
            case StepKind::Cleanup:
                if (!seen_restore_) error(line_of(s, "kind"), "a cleanup step needs a restore step before it (it deletes what was restored)");
                break;
            case StepKind::Report: break;
        }
    }

    void check_time_choice(const Step& s) {
        const std::string& d = s.default_time;
        bool ok = d == "latest" || parse_time(d).has_value() ||
                  (d.size() > 1 && d[0] == '-' && parse_duration(std::string_view(d).substr(1)).ok());
        if (!ok) error(line_of(s, "default"), fmt::format("'default' must be \"latest\", \"-1h\" (before the latest restorable time) or an ISO 8601 time, not '{}'", d));
    }

    void check_form(const Step& s) {
        if (s.fields.empty()) error(s.where, "a form step needs fields ([[steps.fields]])");
        std::set<std::string> names;
        std::set<std::string> earlier;
        for (const auto& f : s.fields) {
            if (f.name.empty()) {
                error(f.where, "a form field needs a name");
                continue;
            }
            if (!valid_name(f.name)) error(f.where, fmt::format("bad field name '{}': use [a-z][a-z0-9_]*", f.name));
            if (!names.insert(f.name).second) error(f.where, fmt::format("duplicate field '{}'", f.name));
            check_template(f.default_value, f.where, fmt::format("the default of '{}'", f.name), earlier);
            earlier.insert(f.name);
        }
    }

    void check_restore(const Step& s) {
        if (!s.method) {
            // A method the reader did not know is its error already.
            if (!s.lines.count("method")) error(s.where, "a restore step needs a method (aws-backup, pitr or snapshot)");
        } else if (*s.method == RestoreMethod::AwsBackup && !seen_choose_backup_) {
            error(line_of(s, "method"), "an aws-backup restore needs a choose-recovery-point step before it");
        } else if (*s.method == RestoreMethod::Pitr && !seen_choose_time_) {
            error(line_of(s, "method"), "a pitr restore needs a choose-time step before it");
        } else if (*s.method == RestoreMethod::Snapshot && !seen_choose_snapshot_) {
            error(line_of(s, "method"), "a snapshot restore needs a choose-recovery-point step with from = \"rds-snapshots\" before it");
        }
        if (!seen_target_field_)
            error(line_of(s, "kind"), "a restore step needs a form field named 'target' before it (the new instance)");
        if (!s.metadata.empty() && s.method != RestoreMethod::AwsBackup)
            error(line_of(s, "metadata"), "'metadata' applies only to the aws-backup method");
        for (const auto& [k, v] : s.metadata) check_template(v, line_of(s, "metadata"), fmt::format("metadata {}", k));
        if (seen_restore_) warning(line_of(s, "kind"), "a second restore step: resume and cleanup follow the last one");
    }

    void check_sql(const Step& s) {
        if (!seen_wait_) error(line_of(s, "kind"), "a sql-check step needs a wait step before it (the instance must be available)");
        if (s.sql_checks.empty()) error(s.where, "a sql-check step needs checks ([[steps.checks]])");
        check_template(s.database, line_of(s, "database"), "database");
        check_template(s.user, line_of(s, "user"), "user");
        static const std::set<std::string> modes{"", "disable", "allow", "prefer", "require", "verify-ca", "verify-full"};
        if (!modes.count(s.sslmode)) error(line_of(s, "sslmode"), fmt::format("unknown sslmode '{}'", s.sslmode));
        std::set<std::string> names;
        for (const auto& c : s.sql_checks) {
            if (c.name.empty()) error(c.where, "a SQL check needs a name");
            else if (!names.insert(c.name).second) error(c.where, fmt::format("duplicate SQL check '{}'", c.name));
            if (c.query.empty()) error(c.where, "a SQL check needs a query");
            if (c.expect.empty()) {
                error(c.where, "a SQL check needs an expect (\">= 1\", \"== source\", ...)");
            } else if (auto e = parse_expectation(c.expect); !e) {
                error(c.where, e.error().message);
            }
        }
    }

    void check_command(const Step& s) {
        if (s.shell) {
            if (s.command.empty()) error(s.where, "a command step with shell = true needs a command");
            if (!s.argv.empty()) error(line_of(s, "argv"), "give either argv or (with shell = true) command, not both");
            check_template(s.command, line_of(s, "command"), "command");
        } else {
            if (!s.command.empty()) error(line_of(s, "command"), "'command' runs through a shell: set shell = true, or use argv");
            else if (s.argv.empty()) error(s.where, "a command step needs argv (the program and its arguments)");
            for (const auto& a : s.argv) check_template(a, line_of(s, "argv"), "argv");
        }
    }

    // Records what a step makes available to the steps after it.
    void note_step(const Step& s) {
        switch (s.kind) {
            case StepKind::Confirm: seen_confirm_ = true; break;
            case StepKind::Restore: seen_restore_ = true; break;
            case StepKind::Wait: seen_wait_ = true; break;
            case StepKind::ChooseTime: seen_choose_time_ = true; break;
            case StepKind::ChooseRecoveryPoint:
                (s.from == "rds-snapshots" ? seen_choose_snapshot_ : seen_choose_backup_) = true;
                break;
            case StepKind::Form:
                for (const auto& f : s.fields) {
                    known_.insert(f.name);
                    form_fields_.insert(f.name);
                    if (f.name == "target") seen_target_field_ = true;
                }
                break;
            default: break;
        }
    }

    void check_endings() {
        if (rb_.kind != RunbookKind::Drill) return;
        bool cleanup = false;
        bool report = false;
        for (const auto& s : rb_.steps) {
            cleanup = cleanup || s.kind == StepKind::Cleanup;
            report = report || s.kind == StepKind::Report;
        }
        if (!cleanup) warning({1, 1}, "a drill without a cleanup step leaves its temporary instance running");
        if (!report) warning({1, 1}, "a drill without a report step leaves no record");
    }
};

}  // namespace

// The whole-runbook problems of a read runbook.
std::vector<Diagnostic> check_runbook(const Runbook& rb) { return Checker(rb).run(); }

// Every problem of runbook text, sorted by line.
std::vector<Diagnostic> lint_runbook_text(std::string_view text, const std::string& origin) {
    ReadOutcome read = read_runbook(text, origin);
    std::vector<Diagnostic> all = std::move(read.diagnostics);
    if (read.runbook) {
        auto more = check_runbook(*read.runbook);
        all.insert(all.end(), more.begin(), more.end());
    }
    std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    return all;
}

// A runbook that lints without errors, or the first error.
Result<Runbook> load_runbook(std::string_view text, const std::string& origin) {
    ReadOutcome read = read_runbook(text, origin);
    std::vector<Diagnostic> all = std::move(read.diagnostics);
    if (read.runbook) {
        auto more = check_runbook(*read.runbook);
        all.insert(all.end(), more.begin(), more.end());
    }
    std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
    for (const auto& d : all)
        if (d.severity == Diagnostic::Severity::Error)
            return make_error(ErrorKind::InvalidInput, format_diagnostic(d, origin), "runbook");
    return std::move(*read.runbook);
}

}  // namespace vd::runbook
