// The engine's interactive steps: choosing a recovery point or a time,
// forms, checklists and the typed confirmation.
#include <algorithm>

#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/runbook/engine_impl.hpp"
#include "backend/runbook/field_checks.hpp"
#include "backend/runbook/runbook_reader.hpp"

namespace vd::runbook::detail {
namespace {

// An error for an input given to the wrong kind of step.
Error wrong_step(const char* what, StepKind kind) {
    return make_error(ErrorKind::InvalidInput, fmt::format("{} does not apply to a {} step", what, step_kind_name(kind)), "step");
}

// The error for an input given after the wizard ended.
Error finished_error() { return make_error(ErrorKind::InvalidInput, "the wizard has finished", "finished"); }

// Trims spaces at both ends.
std::string trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    size_t i = 0;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    return s.substr(i);
}

// "sg-1, sg-2 sg-3" -> "sg-1,sg-2,sg-3".
std::string normalize_list(const std::string& s) {
    std::string out;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        out += (out.empty() ? "" : ",") + word;
        word.clear();
    };
    for (char c : s) {
        if (c == ',' || c == ' ' || c == '\t') flush();
        else word += c;
    }
    flush();
    return out;
}

// Whether a form field sets the new resource (and so has a default read from the source).
bool is_restore_setting(const std::string& name) {
    const auto& fields = restore_setting_fields();
    return std::find(fields.begin(), fields.end(), name) != fields.end();
}

// Usable first, then newest first.
void sort_choices(std::vector<RecoveryPointChoice>& v) {
    std::stable_sort(v.begin(), v.end(), [](const RecoveryPointChoice& a, const RecoveryPointChoice& b) {
        if (a.usable != b.usable) return a.usable;
        TimePoint ta = a.created.value_or(TimePoint{});
        TimePoint tb = b.created.value_or(TimePoint{});
        return ta > tb;
    });
}

}  // namespace

// Turns the step's resource into an ARN (looking the instance up when given an identifier).
Status EngineImpl::resolve_resource() {
    if (!value("resource_arn").empty()) return ok_status();
    std::string resource = value("resource");
    if (resource.empty()) return ok_status();
    if (resource.rfind("arn:", 0) == 0) {
        state_.values["resource_arn"] = resource;
        return ok_status();
    }
    auto b = backend();
    if (!b) return b.error();
    auto inst = (*b)->describe_db_instance(resource);
    if (!inst && is_instance_not_found(inst.error())) {
        if (auto cluster = (*b)->describe_db_cluster(resource)) {
            state_.values["resource_arn"] = cluster->arn;
            state_.values["source"] = cluster->identifier;
            return ok_status();
        }
    }
    if (!inst) {
        if (is_instance_not_found(inst.error()))
            return make_error(ErrorKind::NotFound, fmt::format("no DB instance or cluster named '{}' in {}", resource, (*b)->region()), "resource");
        return inst.error();
    }
    state_.values["resource_arn"] = inst->arn;
    state_.values["source"] = inst->identifier;
    return ok_status();
}

// Lists what the step offers: recovery points of AWS Backup or RDS snapshots.
Result<std::vector<RecoveryPointChoice>> EngineImpl::load_choices(const Step& step) {
    auto b = backend();
    if (!b) return b.error();
    std::vector<RecoveryPointChoice> out;
    if (step.from == "rds-snapshots") {
        std::string instance = db_identifier_of(display(step.resource.empty() ? "{source}" : step.resource));
        const bool cluster = !source_cluster().empty();
        auto snaps = cluster ? (*b)->describe_db_cluster_snapshots(source_cluster()) : (*b)->describe_db_snapshots(instance, display(step.snapshot_type));
        if (!snaps) return snaps.error();
        for (const auto& s : *snaps) {
            if (s.cluster_snapshot != cluster) continue;
            RecoveryPointChoice c;
            c.id = s.identifier;
            c.kind = "db-snapshot";
            c.resource = s.instance_identifier;
            c.resource_type = cluster ? "Aurora" : "RDS";
            c.vault = s.snapshot_type;
            c.status = s.status;
            c.created = s.create_time;
            c.size_bytes = s.allocated_storage_gb * 1024 * 1024 * 1024;
            c.source_region = s.source_region;
            c.usable = s.status == "available";
            out.push_back(std::move(c));
        }
    } else {
        std::string resource = display(step.resource);
        if (resource.find('{') != std::string::npos) resource.clear();
        if (!resource.empty() && resource != value("resource")) {
            state_.values["resource"] = resource;
            state_.values.erase("resource_arn");
        }
        if (auto s = resolve_resource(); !s) return s.error();
        RecoveryPointQuery q{value("resource_arn"), display(step.resource_type), display(step.vault)};
        if (q.vault.find('{') != std::string::npos) q.vault.clear();
        auto points = (*b)->list_recovery_points(q);
        if (!points) return points.error();
        for (const auto& p : *points) {
            RecoveryPointChoice c;
            c.id = p.arn;
            c.kind = "recovery-point";
            c.resource = p.resource_arn;
            c.resource_type = p.resource_type;
            c.vault = p.vault_name;
            c.status = p.status;
            c.storage_class = p.storage_class;
            c.created = p.creation_date;
            c.expires = p.calculated.delete_at;
            c.size_bytes = p.backup_size_bytes;
            c.iam_role_arn = p.iam_role_arn;
            c.usable = p.status == "COMPLETED";
            out.push_back(std::move(c));
        }
    }
    sort_choices(out);
    return out;
}

// The candidates of the current choose-recovery-point step (cached per visit).
Result<std::vector<RecoveryPointChoice>> EngineImpl::recovery_point_choices() {
    if (dead_) return dead_error();
    if (state_.finished) return finished_error();
    const Step& step = current_step();
    if (step.kind != StepKind::ChooseRecoveryPoint) return wrong_step("a recovery point list", step.kind);
    if (!choices_) {
        auto loaded = load_choices(step);
        if (!loaded) return loaded.error();
        choices_ = std::move(*loaded);
    }
    return *choices_;
}

// Records the chosen recovery point (or snapshot) and what follows from it.
Status EngineImpl::choose_recovery_point(const std::string& id) {
    auto list = recovery_point_choices();
    if (!list) return list.error();
    auto it = std::find_if(list->begin(), list->end(), [&](const RecoveryPointChoice& c) { return c.id == id; });
    if (it == list->end())
        return make_error(ErrorKind::InvalidInput, fmt::format("'{}' is not one of the listed recovery points", id), "choose");
    RecoveryPointChoice c = *it;
    if (!c.usable)
        return make_error(ErrorKind::InvalidInput, fmt::format("'{}' is {}: choose a {} one", id, c.status,
                                                               c.kind == "db-snapshot" ? "available" : "COMPLETED"), "choose");
    if (c.kind == "recovery-point" && (c.iam_role_arn.empty() || c.resource_type.empty())) {
        auto b = backend();
        if (!b) return b.error();
        auto rp = (*b)->describe_recovery_point(c.vault, c.id);
        if (!rp) return rp.error();
        c.iam_role_arn = rp->iam_role_arn;
        if (!rp->resource_type.empty()) c.resource_type = rp->resource_type;
        if (!rp->resource_arn.empty()) c.resource = rp->resource_arn;
        if (rp->calculated.delete_at) c.expires = rp->calculated.delete_at;
    }
    auto& v = state_.values;
    for (const char* k : {"recovery_point_arn", "recovery_point", "recovery_point_vault", "vault", "recovery_point_role",
                          "recovery_point_expires", "snapshot", "snapshot_identifier"})
        v.erase(k);
    v["recovery_point_created"] = c.created ? format_iso8601(*c.created) : "";
    if (c.kind == "db-snapshot") {
        v["snapshot"] = c.id;
        v["snapshot_identifier"] = c.id;
        v["resource_type"] = "RDS";
    } else {
        v["recovery_point_arn"] = c.id;
        v["recovery_point"] = c.id;
        v["recovery_point_vault"] = c.vault;
        v["vault"] = c.vault;
        v["recovery_point_role"] = c.iam_role_arn;
        if (c.expires) v["recovery_point_expires"] = format_iso8601(*c.expires);
        v["resource_type"] = c.resource_type;
        if (!c.resource.empty()) {
            v["resource_arn"] = c.resource;
            if (c.resource.find(":db:") != std::string::npos || c.resource.find(":cluster:") != std::string::npos)
                v["source"] = db_identifier_of(c.resource);
        }
    }
    return save();
}

// Passes the step once a recovery point (or snapshot) was chosen.
Result<Outcome> EngineImpl::run_choose_recovery_point() {
    const Step& step = current_step();
    bool snapshots = step.from == "rds-snapshots";
    std::string chosen = value(snapshots ? "snapshot_identifier" : "recovery_point_arn");
    if (chosen.empty())
        return make_error(ErrorKind::InvalidInput, snapshots ? "choose a snapshot first" : "choose a recovery point first", "choose");
    return done(fmt::format("{} {} (created {})", snapshots ? "snapshot" : "recovery point", chosen, value("recovery_point_created")));
}

// The source instance's point-in-time window.
Result<model::PitrWindow> EngineImpl::pitr_window() {
    if (dead_) return dead_error();
    auto b = backend();
    if (!b) return b.error();
    std::string source = value("source");
    if (source.empty()) return make_error(ErrorKind::InvalidInput, "no source instance to restore from", "source");
    if (!source_cluster().empty()) {
        auto c = (*b)->describe_db_cluster(source_cluster());
        if (!c) return c.error();
        if (!c->earliest_restorable_time || !c->latest_restorable_time)
            return make_error(ErrorKind::NotFound, fmt::format("cluster {} has no point-in-time window yet", c->identifier), "pitr");
        return model::PitrWindow{*c->earliest_restorable_time, *c->latest_restorable_time};
    }
    auto backups = (*b)->describe_automated_backups(source);
    if (backups) {
        for (const auto& a : *backups)
            if (a.restore_window && (a.instance_identifier == source || a.instance_identifier.empty())) return *a.restore_window;
    }
    auto inst = (*b)->describe_db_instance(source);
    if (!inst) return inst.error();
    if (!inst->latest_restorable_time)
        return make_error(ErrorKind::NotFound, fmt::format("{} has no point-in-time window (are automated backups on?)", source), "pitr");
    model::PitrWindow w;
    w.latest = *inst->latest_restorable_time;
    w.earliest = w.latest - std::chrono::hours(24) * std::max<int64_t>(inst->backup_retention_period, 0);
    if (inst->create_time && *inst->create_time > w.earliest) w.earliest = *inst->create_time;
    return w;
}

// "latest", "-1h" or an ISO time, checked against the window.
Result<std::string> EngineImpl::resolve_time_choice(const std::string& text) {
    std::string t = trim(text);
    if (t == "latest") return t;
    auto window = pitr_window();
    if (!window) return window.error();
    std::optional<TimePoint> when;
    if (t.size() > 1 && t[0] == '-') {
        auto d = parse_duration(std::string_view(t).substr(1));
        if (!d) return make_error(ErrorKind::InvalidInput, fmt::format("bad time '{}': {}", t, d.error().message), "time");
        when = window->latest - *d;
    } else {
        when = parse_time(t);
    }
    if (!when) return make_error(ErrorKind::InvalidInput, fmt::format("'{}' is not a time: write 2026-11-22T03:00:00Z, -1h or latest", t), "time");
    if (*when < window->earliest || *when > window->latest)
        return make_error(ErrorKind::InvalidInput,
                          fmt::format("{} is outside the restore window {} .. {}", format_iso8601(*when),
                                      format_iso8601(window->earliest), format_iso8601(window->latest)), "time");
    return format_iso8601(*when);
}

// Records the operator's restore time.
Status EngineImpl::choose_time(const std::string& text) {
    if (dead_) return dead_error();
    if (state_.finished) return finished_error();
    if (current_step().kind != StepKind::ChooseTime) return wrong_step("a restore time", current_step().kind);
    auto t = resolve_time_choice(text);
    if (!t) return t.error();
    state_.values["restore_time"] = *t;
    return save();
}

// Passes once a time inside the window is chosen (the step's default otherwise).
Result<Outcome> EngineImpl::run_choose_time(const Step& step) {
    std::string choice = value("restore_time");
    auto t = resolve_time_choice(choice.empty() ? step.default_time : choice);
    if (!t) return t.error();
    state_.values["restore_time"] = *t;
    if (*t == "latest") {
        auto window = pitr_window();
        if (!window) return window.error();
        state_.values["recovery_point_created"] = format_iso8601(window->latest);
        return done(fmt::format("latest restorable time ({})", format_iso8601(window->latest)));
    }
    state_.values["recovery_point_created"] = *t;
    return done(fmt::format("restore to {}", *t));
}

// The current form's fields with what they hold now.
std::vector<FieldView> EngineImpl::form_fields() const {
    std::vector<FieldView> out;
    const Step& step = current_step();
    if (step.kind != StepKind::Form || state_.finished) return out;
    Variables vars = variables();
    for (const auto& f : step.fields) {
        FieldView v{f.name, f.label.empty() ? f.name : f.label, {}, f.help, f.required, {}};
        const std::string read_default = value("default_" + f.name);
        if (auto e = form_edits_.find(f.name); e != form_edits_.end()) {
            v.value = e->second;
            v.origin = "you";
        } else if (auto s = state_.values.find(f.name); s != state_.values.end() && !s->second.empty()) {
            v.value = s->second;
            v.origin = s->second == read_default ? value("origin_" + f.name) : "you";
        } else if (f.default_value.empty() && !read_default.empty()) {
            v.value = read_default;
            v.origin = value("origin_" + f.name);
        } else {
            auto d = expand_template(f.default_value, vars);
            v.value = d ? *d : std::string();
        }
        if (v.value.empty() && is_restore_setting(f.name)) v.origin = "AWS default";
        vars[f.name] = v.value;
        out.push_back(std::move(v));
    }
    return out;
}

// Sets one field of the current form.
Status EngineImpl::set_field(const std::string& name, const std::string& value) {
    if (dead_) return dead_error();
    if (state_.finished) return finished_error();
    const Step& step = current_step();
    if (step.kind != StepKind::Form) return wrong_step("a form field", step.kind);
    bool known = std::any_of(step.fields.begin(), step.fields.end(), [&](const FormField& f) { return f.name == name; });
    if (!known) return make_error(ErrorKind::InvalidInput, fmt::format("this form has no field '{}'", name), "form");
    form_edits_[name] = value;
    return ok_status();
}

// Checks the form and stores its values.
Result<Outcome> EngineImpl::run_form(const Step&) {
    std::map<std::string, std::string> accepted;
    for (auto& f : form_fields()) {
        std::string v = trim(f.value);
        if (f.name == "security_groups") v = normalize_list(v);
        if (f.required && v.empty()) return make_error(ErrorKind::InvalidInput, fmt::format("{} is required", f.label), "form");
        if (std::string why = field_problem(f.name, v); !why.empty())
            return make_error(ErrorKind::InvalidInput, fmt::format("{}: {}", f.label, why), "form:" + f.name);
        accepted[f.name] = v;
    }
    if (auto t = accepted.find("target"); t != accepted.end()) {
        std::string source = accepted.count("source") ? accepted["source"] : value("source");
        if (t->second == source)
            return make_error(ErrorKind::InvalidInput,
                              fmt::format("the target must be a NEW instance, not the source '{}'", source), "form");
    }
    for (const auto& [k, v] : accepted) state_.values[k] = v;
    if (accepted.count("region") || accepted.count("source")) {
        choices_.reset();
        if (accepted.count("source")) {
            state_.values.erase("resource_arn");
            state_.values["resource"] = accepted["source"];
            (void)resolve_resource();  // best effort: learns whether the source is a cluster
        }
    }
    std::string summary;
    for (const auto& [k, v] : accepted)
        if (!v.empty()) summary += (summary.empty() ? "" : ", ") + k + "=" + v;
    return done(summary);
}

// Ticks or unticks one item of the current checklist.
Status EngineImpl::tick(size_t item, bool checked, const std::string& note) {
    if (dead_) return dead_error();
    if (state_.finished) return finished_error();
    const Step& step = current_step();
    if (step.kind != StepKind::Checklist) return wrong_step("a tick", step.kind);
    if (item >= step.items.size())
        return make_error(ErrorKind::InvalidInput, fmt::format("this checklist has {} items", step.items.size()), "checklist");
    StepRecord& r = record();
    r.ticks.resize(step.items.size(), false);
    r.notes.resize(step.items.size());
    const bool changed = r.ticks[item] != checked;
    const bool new_note = !note.empty() && note != r.notes[item];
    r.ticks[item] = checked;
    if (!note.empty() || !checked) r.notes[item] = note;
    const std::string text = display(step.items[item].text);
    if (changed) audit_decision(checked ? "tick" : "untick", text);
    if (new_note) audit_decision("note", text + ": " + note);
    if (step.id == kSwitchRecordStep) {
        const bool all = std::all_of(r.ticks.begin(), r.ticks.end(), [](bool t) { return t; });
        if (all && value("switched_at").empty()) {
            state_.values["switched_at"] = format_iso8601(now());
            audit_decision("switch", "the application was switched to " + value("target"));
        }
        if (!all) state_.values.erase("switched_at");
    }
    return save();
}

// Passes once every item is ticked.
Result<Outcome> EngineImpl::run_checklist(const Step& step) {
    const StepRecord& r = record();
    size_t ticked = 0;
    for (size_t i = 0; i < step.items.size(); ++i)
        if (i < r.ticks.size() && r.ticks[i]) ++ticked;
    if (ticked < step.items.size())
        return make_error(ErrorKind::InvalidInput,
                          fmt::format("{} of {} items are not ticked yet{}", step.items.size() - ticked, step.items.size(),
                                      step.skippable ? " (or skip the step)" : ""), "checklist");
    return done(fmt::format("{} items ticked", ticked));
}

// What the operator must type on this step.
std::string EngineImpl::expected_confirmation() const {
    const Step& step = current_step();
    if (step.kind == StepKind::Confirm) {
        auto e = expand_template(step.expect, variables());
        return e ? *e : std::string();
    }
    if (step.kind == StepKind::Cleanup) {
        std::string t = state_.restored.target;
        return t.empty() ? value("target") : t;
    }
    return {};
}

// Remembers what the operator typed.
Status EngineImpl::type_confirmation(const std::string& text) {
    if (dead_) return dead_error();
    if (state_.finished) return finished_error();
    StepKind k = current_step().kind;
    if (k != StepKind::Confirm && k != StepKind::Cleanup) return wrong_step("a typed confirmation", k);
    typed_ = text;
    return ok_status();
}

// Passes when the typed text matches exactly.
Result<Outcome> EngineImpl::run_confirm(const Step&) {
    std::string expected = expected_confirmation();
    if (expected.empty())
        return make_error(ErrorKind::InvalidInput, "nothing to confirm: the target is not set (go back to the form)", "confirm");
    if (typed_ != expected)
        return make_error(ErrorKind::InvalidInput,
                          typed_.empty() ? fmt::format("type '{}' to confirm", expected)
                                         : fmt::format("'{}' does not match '{}'", typed_, expected),
                          "confirm");
    state_.values["confirmed_target"] = value("target");
    if (state_.auto_confirm) {
        audit_decision("confirm", fmt::format("--yes: confirmed {} without typing it", expected));
        return done(fmt::format("confirmed by --yes (not typed) for {}", expected));
    }
    audit_decision("confirm", fmt::format("typed {}", expected));
    return done(fmt::format("confirmed by typing {}", expected));
}

}  // namespace vd::runbook::detail
