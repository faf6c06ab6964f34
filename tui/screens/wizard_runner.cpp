// The wizard's worker: one job at a time on the engine, then a new view.
#include "tui/screens/wizard_runner.hpp"

#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace vd::tui {

using runbook::StepKind;

namespace {

// How often a wait step is polled: its interval, at most max_poll, at least a second.
std::chrono::milliseconds poll_interval(Seconds step_interval, std::chrono::milliseconds max_poll) {
    return std::max(std::chrono::milliseconds(1000), std::min<std::chrono::milliseconds>(step_interval, max_poll));
}

// What an unset variable is called in a sentence ("the source database").
std::string spoken_name(const std::string& name) {
    static const std::map<std::string, std::string> kNames = {
        {"source", "the source database"}, {"target", "the new database"}, {"resource", "the source database"},
        {"endpoint_host", "its endpoint"}, {"endpoint_port", "its port"}, {"db_name", "its database"},
        {"database_url", "its DATABASE_URL"}, {"restore_time", "the chosen time"}, {"region", "the region"},
    };
    auto it = kNames.find(name);
    return it != kNames.end() ? it->second : "(" + name + " not chosen yet)";
}

}  // namespace

// A "{variable}" left in a text because nothing set it yet reads as words.
std::string unknown_as_not_chosen(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto open = text.find('{', i);
        const auto close = open == std::string::npos ? std::string::npos : text.find('}', open);
        if (close == std::string::npos) break;
        const std::string name = text.substr(open + 1, close - open - 1);
        const bool word = !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789") == std::string::npos;
        out += text.substr(i, open - i) + (word ? spoken_name(name) : text.substr(open, close - open + 1));
        i = close + 1;
    }
    return out + text.substr(std::min(i, text.size()));
}

struct WizardRunner::Impl {
    WizardRunnerOptions options;
    std::unique_ptr<runbook::Engine> engine;

    mutable std::mutex mu;
    std::condition_variable cv;
    std::optional<std::pair<std::string, Job>> pending;  // guarded by mu
    bool working = false;                                // guarded by mu
    bool stopping = false;                               // guarded by mu
    std::shared_ptr<const WizardView> view;              // guarded by mu
    std::uint64_t version = 0;                           // guarded by mu
    std::thread worker;

    // Only the thread running a job touches these.
    std::optional<std::size_t> loaded_for;
    WizardView data;  // choices, pitr, planned call, load_error of the loaded step

    // Only the UI thread touches this.
    std::chrono::steady_clock::time_point last_poll{};

    // Runs one job and publishes the outcome (job thread).
    void run(const std::string& label, const Job& job);
    // Reads what the current step needs when it was just entered (job thread).
    void load_step_data();
    // The view of the engine as it stands (job thread).
    std::shared_ptr<WizardView> build() const;
    // Makes a view current and wakes the UI (outside the lock).
    void publish(std::shared_ptr<WizardView> v);
    // The worker thread's loop.
    void loop();
};

void WizardRunner::Impl::load_step_data() {
    runbook::Engine& e = *engine;
    if (e.finished()) {
        loaded_for.reset();
        data = {};
        return;
    }
    if (loaded_for == e.current_index()) return;
    loaded_for = e.current_index();
    data = {};
    switch (e.current_step().kind) {
    case StepKind::ChooseRecoveryPoint:
        if (auto c = e.recovery_point_choices()) data.choices = std::move(*c);
        else data.load_error = "cannot list the recovery points: " + c.error().to_string();
        break;
    case StepKind::ChooseTime:
        if (auto w = e.pitr_window()) data.pitr = *w;
        else data.load_error = "cannot read the restore window: " + w.error().to_string();
        break;
    case StepKind::Restore:
    case StepKind::Cleanup:
        if (auto call = e.planned_call()) {
            data.planned_call = *call;
            auto region = e.state().values.find("region");
            data.planned_cli = runbook::aws_cli_equivalent(*call, region == e.state().values.end() ? "" : region->second);
            if (e.current_step().kind == StepKind::Restore && e.state().restored.cluster)
                data.planned_followup = "Then, once the cluster is available, the wait step adds its writer instance "
                                        "(CreateDBInstance with DBClusterIdentifier), written to the audit log like this call.";
        } else {
            data.load_error = "cannot prepare the call: " + call.error().to_string();
        }
        break;
    default:
        break;
    }
}

std::shared_ptr<WizardView> WizardRunner::Impl::build() const {
    const runbook::Engine& e = *engine;
    const auto& st = e.state();
    auto v = std::make_shared<WizardView>(data);
    v->id = st.id;
    v->runbook_name = e.runbook().name;
    v->runbook_title = e.runbook().title;
    v->kind = e.runbook().kind;
    v->rto_target = e.runbook().rto_target;
    v->read_only = e.read_only();
    v->values = st.values;
    v->restored = st.restored;
    v->restore_target = runbook::restore_target(st);
    v->demo = options.demo || v->value("demo") == "true";
    v->poll_every = std::chrono::duration_cast<Seconds>(poll_interval(e.current_step().interval, options.max_poll));
    v->finished = e.finished();
    v->outcome = st.outcome;
    v->current = e.current_index();
    v->rail = e.rail();
    v->step = e.current_step();
    v->step_text = unknown_as_not_chosen(e.display(v->step.text));
    for (auto& item : v->step.items) item.text = unknown_as_not_chosen(e.display(item.text));
    if (v->current < st.steps.size()) v->record = st.steps[v->current];
    v->restore_phase = st.restore_phase;
    v->cleanup_phase = st.cleanup_phase;
    if (!v->finished) {
        v->fields = e.form_fields();
        v->expected_confirmation = e.expected_confirmation();
        v->command_text = e.command_text();
        v->wait = e.wait_progress();
    }
    return v;
}

void WizardRunner::Impl::publish(std::shared_ptr<WizardView> v) {
    {
        std::lock_guard lock(mu);
        v->version = ++version;
        view = std::move(v);
    }
    if (options.wake) options.wake();
}

void WizardRunner::Impl::run(const std::string& label, const Job& job) {
    (void)label;
    const std::size_t before = engine->current_index();
    const std::string title = engine->display(engine->current_step().title);
    auto outcome = job ? job(*engine) : Result<std::string>(std::string());
    load_step_data();
    auto v = build();
    if (outcome) {
        // A step that was passed says so with its outcome: "✓ Preflight checks: 5 checks passed".
        const bool moved = engine->current_index() != before || engine->finished();
        const bool passed = before < v->rail.size() && v->rail[before].status == runbook::StepStatus::Done;
        v->notice = moved && passed && !outcome->empty() && !title.empty() ? "✓ " + title + ": " + *outcome : *outcome;
        v->notice_moved = moved;
    } else {
        v->notice = outcome.error().message;
        v->notice_is_error = true;
    }
    {
        std::lock_guard lock(mu);
        working = false;
    }
    publish(std::move(v));
}

void WizardRunner::Impl::loop() {
    for (;;) {
        std::pair<std::string, Job> job;
        {
            std::unique_lock lock(mu);
            cv.wait(lock, [&] { return stopping || pending.has_value(); });
            if (!pending) return;  // stopping with nothing left to do
            job = std::move(*pending);
            pending.reset();
        }
        run(job.first, job.second);
    }
}

WizardRunner::WizardRunner(std::unique_ptr<runbook::Engine> engine, WizardRunnerOptions options)
    : impl_(std::make_shared<Impl>()) {
    impl_->options = std::move(options);
    impl_->engine = std::move(engine);
    auto first = std::make_shared<WizardView>();
    impl_->view = first;
    if (!impl_->options.inline_jobs) impl_->worker = std::thread([impl = impl_.get()] { impl->loop(); });
    post("reading the wizard", {});
}

WizardRunner::~WizardRunner() {
    {
        std::lock_guard lock(impl_->mu);
        impl_->stopping = true;
    }
    impl_->cv.notify_all();
    if (impl_->worker.joinable()) impl_->worker.join();
}

std::shared_ptr<const WizardView> WizardRunner::view() const {
    std::lock_guard lock(impl_->mu);
    return impl_->view;
}

bool WizardRunner::busy() const {
    std::lock_guard lock(impl_->mu);
    return impl_->working;
}

bool WizardRunner::post(std::string label, Job job) {
    std::shared_ptr<WizardView> waiting;
    {
        std::lock_guard lock(impl_->mu);
        if (impl_->working || impl_->stopping) return false;
        impl_->working = true;
        waiting = std::make_shared<WizardView>(*impl_->view);
        waiting->busy = true;
        waiting->busy_with = label;
        waiting->notice.clear();
        waiting->notice_is_error = false;
        if (!impl_->options.inline_jobs) impl_->pending.emplace(label, std::move(job));
    }
    impl_->publish(std::move(waiting));
    if (impl_->options.inline_jobs) {
        impl_->run(label, job);
    } else {
        impl_->cv.notify_one();
    }
    return true;
}

void WizardRunner::tick() {
    auto v = view();
    if (v->busy || v->finished || v->step.kind != StepKind::Wait || v->record.status == runbook::StepStatus::Failed) return;
    const auto interval = poll_interval(v->step.interval, impl_->options.max_poll);
    const auto now = std::chrono::steady_clock::now();
    if (now - impl_->last_poll < interval) return;
    impl_->last_poll = now;
    next();
}

namespace {

// What Next does on a step, as the busy line says it.
std::string next_label(StepKind kind) {
    switch (kind) {
    case StepKind::ChooseRecoveryPoint: return "reading the chosen recovery point";
    case StepKind::ChooseTime: return "checking the restore time";
    case StepKind::Preflight: return "running the preflight checks";
    case StepKind::Restore: return "sending the restore";
    case StepKind::Wait: return "checking the restore";
    case StepKind::SqlCheck: return "running the SQL checks";
    case StepKind::Command: return "running the command";
    case StepKind::Cleanup: return "deleting the temporary instance";
    case StepKind::Report: return "writing the report";
    default: return "going on";
    }
}

// Runs Next; a failed step is reported as an error with its message.
Result<std::string> run_next(runbook::Engine& e) {
    auto a = e.next();
    if (!a) return a.error();
    if (a->status == runbook::StepStatus::Failed) return make_error(ErrorKind::InvalidInput, a->message, "failed");
    return a->message;
}

// A Status as a notice: empty when it worked.
Result<std::string> as_notice(const Status& s, std::string ok_text = {}) {
    if (!s) return s.error();
    return ok_text;
}

}  // namespace

bool WizardRunner::next() { return post(next_label(view()->step.kind), run_next); }

bool WizardRunner::back() {
    return post("going back", [](runbook::Engine& e) { return as_notice(e.back()); });
}

bool WizardRunner::skip() {
    return post("skipping", [](runbook::Engine& e) {
        const std::string title = e.display(e.current_step().title);
        return as_notice(e.skip(), "skipped '" + title + "' (the report says so)");
    });
}

bool WizardRunner::abort() {
    return post("stopping the wizard", [](runbook::Engine& e) -> Result<std::string> {
        auto message = e.abort();
        if (!message) return message.error();
        auto report = e.write_report();
        return *message + (report ? " Report: " + *report : "");
    });
}

bool WizardRunner::tick_item(std::size_t item, bool checked, std::string note) {
    return post("saving the tick", [=](runbook::Engine& e) { return as_notice(e.tick(item, checked, note)); });
}

bool WizardRunner::submit_form(std::map<std::string, std::string> values) {
    return post("checking the fields", [values = std::move(values)](runbook::Engine& e) -> Result<std::string> {
        for (const auto& [name, value] : values)
            if (auto s = e.set_field(name, value); !s) return s.error();
        return run_next(e);
    });
}

bool WizardRunner::choose_recovery_point(std::string id) {
    return post(next_label(StepKind::ChooseRecoveryPoint), [id = std::move(id)](runbook::Engine& e) -> Result<std::string> {
        if (auto s = e.choose_recovery_point(id); !s) return s.error();
        return run_next(e);
    });
}

bool WizardRunner::choose_time(std::string text) {
    return post(next_label(StepKind::ChooseTime), [text = std::move(text)](runbook::Engine& e) -> Result<std::string> {
        if (auto s = e.choose_time(text); !s) return s.error();
        return run_next(e);
    });
}

bool WizardRunner::confirm(std::string typed) {
    const StepKind kind = view()->step.kind;
    return post(kind == StepKind::Cleanup ? next_label(kind) : "checking the confirmation",
                [typed = std::move(typed)](runbook::Engine& e) -> Result<std::string> {
                    if (auto s = e.type_confirmation(typed); !s) return s.error();
                    return run_next(e);
                });
}

bool WizardRunner::approve_command() {
    return post(next_label(StepKind::Command), [](runbook::Engine& e) -> Result<std::string> {
        if (auto s = e.approve_command(); !s) return s.error();
        return run_next(e);
    });
}

}  // namespace vd::tui
