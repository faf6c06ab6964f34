// Runs one wizard's engine off the UI thread. The UI posts actions (Next,
// Back, a tick, a typed confirmation...); one worker thread runs them on the
// engine one at a time, reads what the new step needs (candidates, the PITR
// window, the planned call), publishes a new WizardView and wakes the UI
// loop. A wait step is polled from the UI's tick, never faster than its
// interval.
//
// Threading: the engine is touched only by the thread running a job (the
// worker, or the caller with inline_jobs); view() may be called from any
// thread; wake is called after the lock is released.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "backend/core/result.hpp"
#include "backend/runbook/engine.hpp"
#include "tui/screens/wizard_view.hpp"

namespace vd::tui {

struct WizardRunnerOptions {
    std::function<void()> wake;             // a new view is ready (any thread)
    bool inline_jobs = false;               // tests: run each job on the posting thread
    std::chrono::milliseconds max_poll{15000};  // poll a wait step at least this often
    bool demo = false;                      // the embedded simulator: say so where it matters
};

class WizardRunner {
public:
    // A job: changes the engine; returns a notice for the operator, or an error.
    using Job = std::function<Result<std::string>(runbook::Engine&)>;

    WizardRunner(std::unique_ptr<runbook::Engine> engine, WizardRunnerOptions options);
    // Lets the job in flight finish (it may be sending a restore), then stops.
    ~WizardRunner();
    WizardRunner(const WizardRunner&) = delete;
    WizardRunner& operator=(const WizardRunner&) = delete;

    // The newest view (never null).
    std::shared_ptr<const WizardView> view() const;
    // True while a job runs or waits to run.
    bool busy() const;
    // Queues a job labelled for the operator ("sending the restore");
    // false when another job is still running.
    bool post(std::string label, Job job);
    // Posts a poll of the wait step when one is due; call once a second.
    void tick();

    // The actions of the wizard screen, each one job.
    bool next();
    bool back();
    bool skip();
    bool abort();
    bool tick_item(std::size_t item, bool checked, std::string note);
    bool submit_form(std::map<std::string, std::string> values);
    bool choose_recovery_point(std::string id);
    bool choose_time(std::string text);
    bool confirm(std::string typed);
    bool approve_command();

private:
    struct Impl;
    std::shared_ptr<Impl> impl_;
};

}  // namespace vd::tui
