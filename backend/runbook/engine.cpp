// The engine's core: starting and resuming, the step states, Next / Back /
// Skip / Abort, and saving the state after every change.
#include "backend/runbook/engine.hpp"

#include <fmt/format.h>

#include "backend/core/files.hpp"
#include "backend/runbook/engine_impl.hpp"
#include "backend/runbook/lint.hpp"

namespace vd::runbook {
namespace detail {

EngineImpl::EngineImpl(Runbook runbook, WizardState state, EngineOptions options)
    : runbook_(std::move(runbook)), state_(std::move(state)), options_(std::move(options)) {}

// The step the wizard stands on (the last one once finished).
const Step& EngineImpl::current_step() const {
    size_t i = std::min(state_.current, runbook_.steps.size() - 1);
    return runbook_.steps[i];
}

// The left rail: every step with its status and last message.
std::vector<StepView> EngineImpl::rail() const {
    std::vector<StepView> out;
    for (size_t i = 0; i < runbook_.steps.size(); ++i) {
        const Step& s = runbook_.steps[i];
        const StepRecord& r = state_.steps[i];
        out.push_back({s.id, s.title.empty() ? std::string(step_kind_name(s.kind)) : display(s.title), s.kind, r.status,
                       s.skippable, is_mutating(s.kind), r.message});
    }
    return out;
}

// A value of the wizard, or empty.
std::string EngineImpl::value(const std::string& key) const {
    auto it = state_.values.find(key);
    return it == state_.values.end() ? std::string() : it->second;
}

// The values plus the time variables of now.
Variables EngineImpl::variables() const {
    Variables vars = state_.values;
    add_time_variables(vars, now());
    return vars;
}

// A text with its known variables filled in and the others left as written.
std::string EngineImpl::display(const std::string& text) const {
    auto names = template_variables(text);
    if (!names) return text;
    Variables vars = variables();
    for (const auto& n : *names)
        if (!vars.count(n)) vars[n] = "{" + n + "}";
    auto out = expand_template(text, vars);
    return out ? *out : text;
}

// Saves the state atomically (never after a simulated crash).
Status EngineImpl::save() {
    if (dead_) return dead_error();
    state_.updated = now();
    return save_wizard_state(state_, options_.wizard_dir);
}

// Whether the test hook stops the engine at this point.
bool EngineImpl::interrupted(std::string_view point) {
    if (dead_) return true;
    if (options_.interrupt_at && options_.interrupt_at(point)) dead_ = true;
    return dead_;
}

Error EngineImpl::dead_error() const {
    return make_error(ErrorKind::Internal, "the wizard was stopped (simulated crash); resume it", "interrupted");
}

// Marks the current step as current and notes when it began.
void EngineImpl::enter_current() {
    StepRecord& r = record();
    r.status = StepStatus::Current;
    if (!r.started) r.started = now();
    if (current_step().kind == StepKind::Checklist) {
        r.ticks.resize(current_step().items.size(), false);
        r.notes.resize(current_step().items.size());
    }
    if (current_step().kind == StepKind::Form && !value("source").empty()) load_source_settings();
    if (current_step().kind == StepKind::Confirm) estimate_cost();
}

// Forgets what was typed or chosen for the step being left.
void EngineImpl::clear_step_inputs() {
    typed_.clear();
    command_approved_ = false;
    form_edits_.clear();
    choices_.reset();
    wait_progress_.reset();
}

// Ends the wizard.
void EngineImpl::finish(const std::string& outcome) {
    state_.finished = true;
    state_.outcome = outcome;
    state_.current = state_.steps.size();
}

// Writes one of the operator's own decisions (tick, note, skip, abort,
// confirmation) to the audit log, beside the AWS calls; best effort: a
// decision is never refused because the log cannot be written.
void EngineImpl::audit_decision(const std::string& action, const std::string& detail) {
    (void)ensure_identity();
    AuditEntry e;
    e.time = now();
    e.phase = "operator";
    e.action = action;
    e.who = value("identity_arn");
    e.account = value("account");
    e.profile = state_.profile;
    e.region = value("region");
    e.target = restore_target(state_);
    e.wizard_id = state_.id;
    e.runbook = state_.runbook_name;
    e.outcome = detail;
    (void)options_.audit->append(e);
}

// Whether a confirm step before this one was passed for the current target.
bool EngineImpl::confirmed_for_mutation() const {
    bool confirm_done = false;
    for (size_t i = 0; i < state_.current && i < runbook_.steps.size(); ++i)
        if (runbook_.steps[i].kind == StepKind::Confirm && state_.steps[i].status == StepStatus::Done) confirm_done = true;
    std::string confirmed = value("confirmed_target");
    return confirm_done && !confirmed.empty() && confirmed == value("target");
}

// Runs the current step by its kind.
Result<Outcome> EngineImpl::run_step(const Step& step) {
    switch (step.kind) {
        case StepKind::Info: return done();
        case StepKind::Checklist: return run_checklist(step);
        case StepKind::ChooseRecoveryPoint: return run_choose_recovery_point();
        case StepKind::ChooseTime: return run_choose_time(step);
        case StepKind::Form: return run_form(step);
        case StepKind::Preflight: return run_preflight(step);
        case StepKind::Confirm: return run_confirm(step);
        case StepKind::Restore: return run_restore(step);
        case StepKind::Wait: return run_wait(step);
        case StepKind::SqlCheck: return run_sql_check(step);
        case StepKind::Command: return run_command(step);
        case StepKind::Cleanup: return run_cleanup(step);
        case StepKind::Report: return run_report();
    }
    return make_error(ErrorKind::Internal, "unknown step kind");
}

// Starts at the first step.
Status EngineImpl::begin() {
    enter_current();
    return save();
}

// Runs the current step and moves on when it is done (or failed and the runbook says continue).
Result<Advance> EngineImpl::next() {
    if (dead_) return dead_error();
    if (state_.finished) return make_error(ErrorKind::InvalidInput, "the wizard has finished", "finished");
    const Step& step = current_step();
    if (interrupted("step:" + step.id)) return dead_error();
    auto outcome = run_step(step);
    if (dead_) return dead_error();
    if (!outcome) return outcome.error();
    StepRecord& r = record();
    r.message = outcome->message;
    Advance adv{false, StepStatus::Current, outcome->message};
    bool advance = false;
    switch (outcome->kind) {
        case Outcome::Kind::Done:
            r.status = StepStatus::Done;
            advance = true;
            break;
        case Outcome::Kind::Skipped:
            r.status = StepStatus::Skipped;
            advance = true;
            break;
        case Outcome::Kind::InProgress: r.status = StepStatus::Current; break;
        case Outcome::Kind::Failed:
            r.status = StepStatus::Failed;
            advance = step.on_failure == OnFailure::Continue;
            break;
    }
    adv.status = r.status;
    if (advance) {
        r.finished = now();
        adv.moved = true;
        state_.current++;
        clear_step_inputs();
        if (state_.current >= state_.steps.size()) {
            bool any_failed = false;
            for (const auto& s : state_.steps) any_failed = any_failed || s.status == StepStatus::Failed;
            finish(any_failed ? "failed" : "completed");
        } else {
            enter_current();
        }
    }
    if (auto s = save(); !s) return s.error();
    return adv;
}

// Goes back one step, never across a step that changed AWS.
Status EngineImpl::back() {
    if (dead_) return dead_error();
    if (state_.finished) return make_error(ErrorKind::InvalidInput, "the wizard has finished", "finished");
    if (state_.current == 0) return make_error(ErrorKind::InvalidInput, "this is the first step", "back");
    if (current_step().kind == StepKind::Restore && state_.restore_phase == kPhaseSending)
        return make_error(ErrorKind::InvalidInput,
                          "the restore may already have been sent: press Next to look for it before going back", "back");
    size_t prev = state_.current - 1;
    const Step& before = runbook_.steps[prev];
    if (is_mutating(before.kind) && state_.steps[prev].status == StepStatus::Done)
        return make_error(ErrorKind::InvalidInput,
                          fmt::format("cannot go back past '{}': it changed AWS; Abort stops the wizard here",
                                      before.title.empty() ? before.id : before.title),
                          "back");
    StepRecord& leaving = record();
    leaving.status = StepStatus::Pending;
    leaving.started.reset();
    leaving.message.clear();
    state_.current = prev;
    record().finished.reset();
    record().message.clear();
    if (before.kind == StepKind::Confirm) state_.values.erase("confirmed_target");
    clear_step_inputs();
    enter_current();
    return save();
}

// Skips the current step where the runbook allows it.
Status EngineImpl::skip() {
    if (dead_) return dead_error();
    if (state_.finished) return make_error(ErrorKind::InvalidInput, "the wizard has finished", "finished");
    const Step& step = current_step();
    if (!step.skippable)
        return make_error(ErrorKind::InvalidInput, fmt::format("the step '{}' cannot be skipped", step.title.empty() ? step.id : step.title), "skip");
    StepRecord& r = record();
    r.status = StepStatus::Skipped;
    r.message = "skipped by the operator";
    r.finished = now();
    audit_decision("skip", fmt::format("skipped step '{}'", step.title.empty() ? step.id : step.title));
    state_.current++;
    clear_step_inputs();
    if (state_.current >= state_.steps.size()) {
        bool any_failed = false;
        for (const auto& s : state_.steps) any_failed = any_failed || s.status == StepStatus::Failed;
        finish(any_failed ? "failed" : "completed");
    } else {
        enter_current();
    }
    return save();
}

// Stops the wizard and says what was left behind.
Result<std::string> EngineImpl::abort() {
    if (dead_) return dead_error();
    if (state_.finished) return make_error(ErrorKind::InvalidInput, "the wizard has finished", "finished");
    std::string message = "Stopped.";
    std::string target = state_.restored.target;
    if (!state_.restore_phase.empty() && state_.cleanup_phase != kPhaseStarted && !state_.restored.dry_run) {
        message = fmt::format("Stopped. The restore of {} was {}; the instance stays until you delete it.",
                              target.empty() ? value("target") : target,
                              state_.restore_phase == kPhaseStarted ? "started" : "possibly sent");
    }
    if (state_.current < state_.steps.size() && record().status == StepStatus::Current) record().message = "aborted";
    audit_decision("abort", message);
    finish("aborted");
    if (auto s = save(); !s) return s.error();
    return message;
}

}  // namespace detail

namespace {

// Fills in the defaults of the options.
Status complete_options(EngineOptions& o, RunbookKind kind) {
    if (!o.backend) return make_error(ErrorKind::Internal, "the runbook engine needs an AWS backend");
    if (!o.clock) o.clock = system_clock();
    if (!o.audit) o.audit = std::make_shared<AuditLog>(default_audit_path());
    if (o.wizard_dir.empty()) o.wizard_dir = default_wizard_dir();
    if (o.report_dir.empty()) o.report_dir = kind == RunbookKind::Drill ? default_drill_report_dir() : default_restore_report_dir();
    if (!o.sql) o.sql = make_libpq_runner();
    if (!o.commands) o.commands = make_process_runner();
    return ok_status();
}

}  // namespace

// A new wizard over a runbook, saved before it returns.
Result<std::unique_ptr<Engine>> start_engine(const Runbook& runbook, const Variables& inputs, EngineOptions options) {
    if (runbook.steps.empty()) return make_error(ErrorKind::InvalidInput, "the runbook has no steps");
    auto diagnostics = check_runbook(runbook);
    for (const auto& d : diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            return make_error(ErrorKind::InvalidInput, format_diagnostic(d, runbook.origin.empty() ? runbook.name : runbook.origin), "runbook");
    if (auto s = complete_options(options, runbook.kind); !s) return s.error();
    WizardState st;
    st.created = options.clock->now();
    st.updated = st.created;
    st.id = new_wizard_id(st.created);
    st.runbook_name = runbook.name;
    st.runbook_origin = runbook.origin;
    st.runbook_source = runbook.source;
    st.read_only = options.read_only;
    st.auto_confirm = options.auto_confirm;
    st.profile = options.backend->profile();
    st.region = options.backend->region();
    st.report_dir = options.report_dir.string();
    for (const auto& s : runbook.steps) {
        StepRecord r;
        r.id = s.id;
        st.steps.push_back(std::move(r));
    }
    st.values = inputs;
    if (!st.values.count("source") && st.values.count("resource")) st.values["source"] = db_identifier_of(st.values["resource"]);
    if (!st.values.count("region") || st.values["region"].empty()) st.values["region"] = st.region;
    st.values["profile"] = st.profile;
    st.values["credentials_profile"] = options.backend->named_profile();
    st.values["wizard"] = st.id;
    st.values["runbook"] = runbook.name;
    auto engine = std::make_unique<detail::EngineImpl>(runbook, std::move(st), std::move(options));
    if (auto s = engine->begin(); !s) return s.error();
    return std::unique_ptr<Engine>(std::move(engine));
}

// Continues a saved wizard with the runbook text it started with.
Result<std::unique_ptr<Engine>> resume_engine(const WizardState& state, EngineOptions options) {
    if (state.finished)
        return make_error(ErrorKind::InvalidInput, fmt::format("wizard {} has already finished ({})", state.id, state.outcome), "finished");
    auto rb = load_runbook(state.runbook_source, state.runbook_origin.empty() ? state.runbook_name : state.runbook_origin);
    if (!rb) return rb.error();
    if (rb->steps.size() != state.steps.size() || state.current >= state.steps.size())
        return make_error(ErrorKind::Parse, fmt::format("wizard {} does not match its runbook's steps", state.id));
    if (options.report_dir.empty()) options.report_dir = state.report_dir;  // the folder it was started with
    if (auto s = complete_options(options, rb->kind); !s) return s.error();
    if (state.read_only && !options.read_only)
        return make_error(ErrorKind::InvalidInput,
                          fmt::format("wizard {} was started with --read-only; resume it with --read-only", state.id), "read-only");
    options.read_only = options.read_only || state.read_only;
    auto engine = std::make_unique<detail::EngineImpl>(std::move(*rb), state, std::move(options));
    return std::unique_ptr<Engine>(std::move(engine));
}

// Where drill reports go by default.
std::filesystem::path default_drill_report_dir() { return xdg_state_home() / "drills"; }
// Where restore reports go by default.
std::filesystem::path default_restore_report_dir() { return xdg_state_home() / "restores"; }

// Whether an identifier is one RDS accepts for a new instance.
bool valid_instance_identifier(std::string_view id) {
    if (id.empty() || id.size() > 63) return false;
    if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= 'A' && id[0] <= 'Z'))) return false;
    if (id.back() == '-' || id.find("--") != std::string_view::npos) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

}  // namespace vd::runbook
