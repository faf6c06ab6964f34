// The wizard's step bodies, one function per kind of step.
#include "tui/screens/wizard_steps.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/runbook/field_checks.hpp"
#include "backend/runbook/runbook_reader.hpp"
#include "tui/screens/format.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using runbook::StepKind;
using runbook::StepStatus;
using widgets::Role;

namespace {

// Whether a runbook text line starts a list item ("1. ", "- ", "* ").
bool list_item(const std::string& line) {
    if (line.rfind("- ", 0) == 0 || line.rfind("* ", 0) == 0) return true;
    std::size_t i = 0;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    return i > 0 && i + 1 < line.size() && line[i] == '.' && line[i + 1] == ' ';
}

// The step's own text as paragraphs: lines the runbook broke for its own
// width are joined (the pane folds them to its width); blank lines and list
// items start new ones.
void add_text(LineBuilder& out, const std::string& text) {
    if (text.empty()) return;
    std::string paragraph;
    const auto flush = [&] {
        if (!paragraph.empty()) out.line().add(paragraph);
        paragraph.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto end = text.find('\n', start);
        const std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (line.empty()) {
            flush();
            out.blank();
        } else if (list_item(line) || paragraph.empty() || (list_item(paragraph) && paragraph.back() == '.')) {
            flush();
            paragraph = line;
        } else {
            paragraph += " " + line;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    flush();
    out.blank();
}

// Verbatim lines (JSON, command output): one line per line.
void add_verbatim(LineBuilder& out, const std::string& text) {
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        out.line().add(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    out.blank();
}

// A "label  value" line with the label dimmed to a fixed width.
Line& labelled(LineBuilder& out, const std::string& label, int width = 18) {
    return out.line().add(widgets::fit(label, width), Role::Dim);
}

// "20 GB", or "-".
std::string size_of(const std::optional<int64_t>& bytes) {
    return bytes && *bytes > 0 ? widgets::human_size(static_cast<std::uint64_t>(*bytes)) : "-";
}

void checklist_lines(LineBuilder& out, const WizardView& v, const WizardCursor& cursor, int* selected) {
    for (std::size_t i = 0; i < v.step.items.size(); ++i) {
        const bool ticked = i < v.record.ticks.size() && v.record.ticks[i];
        if (i == cursor.row) *selected = static_cast<int>(out.lines().size());
        out.line().add(ticked ? "[x] " : "[ ] ", ticked ? Role::Ok : Role::Normal).add(v.step.items[i].text);
        if (i < v.record.notes.size() && !v.record.notes[i].empty())
            out.line().add("      note: " + v.record.notes[i], Role::Dim);
    }
    out.blank();
    std::size_t ticked = 0;
    for (bool t : v.record.ticks) ticked += t ? 1 : 0;
    out.line().add(fmt::format("{} of {} ticked. Space ticks the item under the cursor, e writes a note on it.", ticked,
                               v.step.items.size()),
                   Role::Dim);
}

void choice_lines(LineBuilder& out, const WizardView& v, const WizardCursor& cursor, int* selected) {
    if (v.choices.empty()) {
        out.line().add(v.load_error.empty() ? "No recovery point found for this resource." : v.load_error,
                       v.load_error.empty() ? Role::Warning : Role::Error);
        return;
    }
    out.line().add(fmt::format("  {:<16}  {:<10} {:>9}  {}", "Created (UTC)", "Status", "Size", "Vault"), Role::Header)
        .selectable = true;  // a table row: cut at the edge, never folded
    for (std::size_t i = 0; i < v.choices.size(); ++i) {
        const auto& c = v.choices[i];
        if (i == cursor.row) *selected = static_cast<int>(out.lines().size());
        const bool chosen = (!v.value("recovery_point_arn").empty() && c.id == v.value("recovery_point_arn")) ||
                            (!v.value("snapshot_identifier").empty() && c.id == v.value("snapshot_identifier"));
        Line& l = out.line();
        l.selectable = true;
        l.add(chosen ? "* " : "  ", Role::Accent);
        std::string created = c.created ? full_time(c.created).substr(0, 16) : "-";
        l.add(fmt::format("{:<16}  ", created));
        l.add(fmt::format("{:<10} ", c.status), c.usable ? state_role(c.status) : Role::Failed);
        l.add(fmt::format("{:>9}  ", size_of(c.size_bytes)));
        l.add(c.vault + (c.source_region.empty() ? "" : " (copy from " + c.source_region + ")"), Role::Dim);
    }
    out.blank();
    if (cursor.row < v.choices.size()) {
        const auto& c = v.choices[cursor.row];
        labelled(out, "Selected", 10).add(c.id);
        labelled(out, "Resource", 10).add(c.resource, Role::Dim);
        if (c.expires) labelled(out, "Deleted", 10).add(full_time(c.expires), Role::Dim);
        if (!c.usable) out.line().add("This point is " + c.status + ": it cannot be restored.", Role::Warning);
    }
    out.line().add("* = the point you came from. Usable points first, newest first.", Role::Dim);
}

void time_lines(LineBuilder& out, const WizardView& v) {
    if (v.pitr) {
        labelled(out, "Restore window").add(full_time(v.pitr->earliest) + "  ..  " + full_time(v.pitr->latest));
    } else {
        out.line().add(v.load_error.empty() ? "The restore window is not known yet." : v.load_error, Role::Error);
    }
    const std::string chosen = v.value("restore_time");
    labelled(out, "Restore to").add(chosen.empty() ? v.step.default_time + " (default)" : chosen, Role::Accent);
    out.blank();
    out.line().add("e types another time: latest, -1h (before the latest restorable time),", Role::Dim);
    out.line().add("or 2026-11-22T03:00:00Z. The time must be inside the window.", Role::Dim);
}

void form_lines(LineBuilder& out, const WizardView& v, int width) {
    int w = 10;
    for (const auto& f : v.fields) w = std::max(w, widgets::display_width(f.label) + 3);
    const bool narrow = width < w + 40;  // values under their labels
    const std::string note = v.value("settings_note");
    if (!note.empty()) out.line().add(note, Role::Warning);
    for (const auto& f : v.fields) {
        const std::string value = f.value.empty() ? "(empty)" : f.value;
        const widgets::Role role = f.value.empty() ? Role::Dim : Role::Accent;
        const std::string label = f.label + (f.required ? " *" : "");
        const std::string origin = f.origin.empty() ? "" : "  " + f.origin;
        const std::string problem = runbook::field_problem(f.name, f.value);
        const std::string indent(static_cast<std::size_t>(narrow ? 4 : w), ' ');
        if (narrow) {
            out.line().add(label);
            out.line().add("    " + value, role).add(origin, Role::Dim);
        } else {
            labelled(out, label, w).add(value, role).add(origin, Role::Dim);
        }
        if (!problem.empty()) out.line().add(indent + "! " + problem, Role::Error);
        if (!f.help.empty()) out.line().add(indent + f.help, Role::Dim);
    }
    out.blank();
    out.line().add("e edits the fields (* = required). Beside each value: where it came from.", Role::Dim);
}

void preflight_lines(LineBuilder& out, const WizardView& v) {
    if (v.record.preflight.empty()) {
        for (const auto& c : v.step.checks) out.line().add("  " + c, Role::Normal);
        out.blank();
        out.line().add("Not run yet: Enter runs these read-only checks.", Role::Dim);
        return;
    }
    for (const auto& r : v.record.preflight) {
        const Role role = r.verdict == "pass" ? Role::Ok : r.verdict == "warn" ? Role::Warning : Role::Failed;
        out.line().add(fmt::format("{:<5} ", r.verdict == "pass" ? "PASS" : r.verdict == "warn" ? "WARN" : "FAIL"), role)
            .add(fmt::format("{:<26} ", r.name))
            .add(r.detail, Role::Dim);
    }
}

// What the wizard will do, so the confirmation is typed knowingly.
void confirm_lines(LineBuilder& out, const WizardView& v) {
    const auto add = [&](const char* label, const std::string& key) {
        if (!v.value(key).empty()) labelled(out, label).add(v.value(key));
    };
    add("Source", "source");
    add("Recovery point", "recovery_point_arn");
    add("Snapshot", "snapshot_identifier");
    add("Point in time", "restore_time");
    add("Data as of", "recovery_point_created");
    labelled(out, "NEW instance").add(v.value("target"), Role::Accent);
    add("Region", "region");
    const auto setting = [&](const std::string& field) {
        return v.values.count(field) ? v.value(field) : v.value("default_" + field);
    };
    const std::string storage = v.value("allocated_storage");
    labelled(out, "Creates").add(setting("instance_class").empty() ? "the source's class" : setting("instance_class"), Role::Accent)
        .add(storage.empty() ? "" : ", " + storage + " GB " + setting("storage_type"))
        .add(setting("multi_az") == "true" ? ", Multi-AZ" : ", Single-AZ");
    if (!v.value("cost_estimate").empty()) labelled(out, "Cost").add(v.value("cost_estimate"), Role::Warning);
    const std::string lifecycle = setting("engine_lifecycle_support");
    labelled(out, "Lifecycle").add(lifecycle.empty() ? "open-source-rds-extended-support-disabled" : lifecycle,
                                   lifecycle == "open-source-rds-extended-support" ? Role::Warning : Role::Normal);
    out.blank();
    out.line().add(v.read_only ? "READ-ONLY: after you confirm, the restore is a dry run; nothing is sent to AWS."
                               : "Nothing has changed in AWS yet. After you confirm, the next step sends the restore.",
                   v.read_only ? Role::Info : Role::Warning);
}

void call_lines(LineBuilder& out, const WizardView& v) {
    if (v.read_only) {
        out.line().add("READ-ONLY: DRY RUN. This call is shown and written to the audit log; it is NOT sent.",
                       Role::Info);
        out.blank();
    }
    if (!v.record.dry_run.empty()) {
        out.line().add("Dry run recorded (not sent):", Role::Info);
        add_verbatim(out, v.record.dry_run);
        return;  // the call is shown once
    }
    if (!v.planned_call) {
        if (!v.load_error.empty()) out.line().add(v.load_error, Role::Error);
        return;
    }
    out.line().add(v.read_only ? "The call it would make:" : "The exact call:", Role::Header)
        .add("  " + v.planned_call->service + " " + v.planned_call->operation, Role::Accent);
    add_verbatim(out, v.planned_call->parameters.dump(2));
    if (!v.planned_followup.empty()) out.line().add(v.planned_followup, Role::Dim);
    if (!v.planned_cli.empty()) {
        out.line().add("As an AWS CLI command (one line; c copies it whole):", Role::Dim);
        Line& cli = out.line();
        cli.selectable = true;  // never folded: a folded command loses its spaces when copied
        cli.add(v.planned_cli);
    }
}

// A text progress bar of `width` cells.
std::string bar(double fraction, int width) {
    const int full = std::clamp(static_cast<int>(fraction * width + 0.5), 0, width);
    std::string out;
    for (int i = 0; i < width; ++i) out += i < full ? "█" : "░";
    return out;
}

void wait_lines(LineBuilder& out, const WizardView& v, TimePoint now) {
    if (v.restored.dry_run) {
        out.line().add("Dry run: nothing was restored, so there is nothing to wait for.", Role::Info);
        out.line().add("Enter marks this step skipped and goes on.", Role::Dim);
        return;
    }
    labelled(out, "Restoring into").add(v.restore_target,
                                        Role::Accent);
    if (!v.restored.job_id.empty()) labelled(out, "Restore job").add(v.restored.job_id, Role::Dim);
    const std::string state = v.wait ? v.wait->state : "not checked yet";
    labelled(out, "State").add(state.empty() ? "-" : state, state_role(state));
    if (v.wait && !v.wait->percent.empty()) {
        std::string pct = v.wait->percent;
        if (pct.back() == '%') pct.pop_back();
        const double f = std::clamp(std::atof(pct.c_str()) / 100.0, 0.0, 1.0);
        labelled(out, "Progress").add(bar(f, 20), Role::Info).add(" " + pct + "%");
    }
    const auto started = parse_time(v.restored.started_at);
    if (started) {
        const auto elapsed = std::chrono::duration_cast<Seconds>(now - *started);
        Line& l = labelled(out, "Elapsed").add(widgets::human_duration(std::max(Seconds(0), elapsed)));
        if (v.rto_target) {
            const bool over = elapsed > *v.rto_target;
            l.add(" of the " + widgets::human_duration(*v.rto_target) + " RTO target", Role::Dim);
            if (over) l.add("  EXCEEDED", Role::Critical);
            const double f = std::clamp(static_cast<double>(elapsed.count()) / static_cast<double>(v.rto_target->count()), 0.0, 1.0);
            labelled(out, "").add(bar(f, 20), over ? Role::Critical : Role::Dim);
        }
    }
    out.blank();
    out.line().add(fmt::format("Checked automatically every {}; Enter checks now.", widgets::human_duration(v.poll_every)),
                   Role::Dim);
    if (v.demo) {
        out.line().add("Demo: the simulator ends with this console, and this restore with it; a new console cannot resume it.",
                       Role::Dim);
    } else {
        out.line().add("You may quit: the restore keeps running in AWS, and the next vaultdeck offers to resume this wait.",
                       Role::Dim);
    }
}

void sql_lines(LineBuilder& out, const WizardView& v) {
    if (v.record.checks.empty()) {
        for (const auto& c : v.step.sql_checks) out.line().add("  " + c.name + "  (" + c.expect + ")");
        out.blank();
        out.line().add("Not run yet: Enter connects to the restored instance and runs these queries.", Role::Dim);
    }
    for (const auto& c : v.record.checks) {
        Line& l = out.line().add(c.passed ? "PASS " : "FAIL ", c.passed ? Role::Ok : Role::Failed).add(fmt::format("{:<24} ", c.name));
        l.add("expect " + c.expect + ", got " + (c.actual.empty() ? "-" : c.actual), Role::Dim);
        if (!c.error.empty()) out.line().add("      " + c.error, Role::Error);
    }
    if (v.demo && v.record.status == StepStatus::Failed) {
        out.blank();
        out.line().add("The demo simulator has no database behind its instances, so these checks cannot pass here.",
                       Role::Warning);
        out.line().add("Press s to skip the step; the report records it as skipped, not passed.", Role::Warning);
    }
}

void command_lines(LineBuilder& out, const WizardView& v) {
    labelled(out, "Command").add(v.command_text, Role::Accent);
    if (v.record.exit_code) labelled(out, "Exit code").add(std::to_string(*v.record.exit_code));
    if (!v.record.output.empty()) add_verbatim(out, v.record.output);
}

void finished_lines(LineBuilder& out, const WizardView& v) {
    const Role role = v.outcome == "completed" ? Role::Ok : v.outcome == "aborted" ? Role::Warning : Role::Failed;
    out.line().add("The wizard has finished: " + v.outcome + ".", role);
    out.blank();
    const std::string target = v.restored.target;
    if (!target.empty() && !v.value("endpoint_host").empty() && !v.restored.dry_run) {
        labelled(out, "Restored").add(target + " is available at " + v.value("endpoint_host") + ":" + v.value("endpoint_port"),
                                      Role::Ok);
    }
    if (!v.value("report_markdown").empty()) labelled(out, "Report").add(v.value("report_markdown"), Role::Accent);
    if (v.outcome == "aborted") out.line().add(v.left_behind(), Role::Warning);
    out.blank();
    out.line().add("Start another: Enter on a recovery point (2), :restore or :drill.", Role::Dim);
}

}  // namespace

std::vector<Line> wizard_step_lines(const WizardView& v, const WizardCursor& cursor, TimePoint now, int width,
                                    int* selected) {
    *selected = -1;
    LineBuilder out;
    if (v.finished) {
        finished_lines(out, v);
        return out.take();
    }
    add_text(out, v.step_text);
    switch (v.step.kind) {
    case StepKind::Info: break;
    case StepKind::Checklist: checklist_lines(out, v, cursor, selected); break;
    case StepKind::ChooseRecoveryPoint: choice_lines(out, v, cursor, selected); break;
    case StepKind::ChooseTime: time_lines(out, v); break;
    case StepKind::Form: form_lines(out, v, width); break;
    case StepKind::Preflight: preflight_lines(out, v); break;
    case StepKind::Confirm: confirm_lines(out, v); break;
    case StepKind::Restore:
    case StepKind::Cleanup: call_lines(out, v); break;
    case StepKind::Wait: wait_lines(out, v, now); break;
    case StepKind::SqlCheck: sql_lines(out, v); break;
    case StepKind::Command: command_lines(out, v); break;
    case StepKind::Report:
        if (!v.value("report_markdown").empty()) labelled(out, "Report").add(v.value("report_markdown"), Role::Accent);
        break;
    }
    return out.take();
}

std::string wizard_enter_hint(const WizardView& v) {
    if (v.finished) return {};
    switch (v.step.kind) {
    case StepKind::Info: return "Enter: go on.";
    case StepKind::Checklist: return "Enter: go on once every item is ticked.";
    case StepKind::ChooseRecoveryPoint: return "Enter: restore the selected point (j/k move).";
    case StepKind::ChooseTime: return "Enter: use this time and go on.";
    case StepKind::Form: return "Enter: use these values and go on.";
    case StepKind::Preflight:
        return v.record.status == StepStatus::Failed ? "Fix what failed (b goes back), then Enter runs the checks again."
                                                     : "Enter: run the checks.";
    case StepKind::Confirm: return "Enter: type " + v.expected_confirmation + " to confirm.";
    case StepKind::Restore:
        return v.read_only ? "Enter: record the dry run (nothing is sent)." : "Enter: SEND this call to AWS.";
    case StepKind::Wait: return "Enter: check now.";
    case StepKind::SqlCheck: return "Enter: run the checks.";
    case StepKind::Command: return "Enter: asks before running the command.";
    case StepKind::Cleanup: return "Enter: type " + v.expected_confirmation + " to delete it.";
    case StepKind::Report: return "Enter: write the report.";
    }
    return {};
}

std::size_t initial_choice(const WizardView& v) {
    const std::string wanted = v.value("recovery_point_arn").empty() ? v.value("snapshot_identifier") : v.value("recovery_point_arn");
    for (std::size_t i = 0; i < v.choices.size(); ++i)
        if (!wanted.empty() && v.choices[i].id == wanted) return i;
    for (std::size_t i = 0; i < v.choices.size(); ++i)
        if (v.choices[i].usable) return i;
    return 0;
}

}  // namespace vd::tui
