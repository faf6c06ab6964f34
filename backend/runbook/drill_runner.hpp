// Runs a wizard headless (`vaultdeck drill run`, cron, and `vaultdeck
// resume` of a headless drill): the newest COMPLETED point, the form's
// defaults, typed confirmations answered by --yes or asked on the terminal,
// waiting with the step's interval, and one progress line per step.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/runbook/engine.hpp"

namespace vd::runbook {

struct DrillRunOptions {
    bool yes = false;  // answer every confirmation with what it expects
    // Asks the operator to type expected (prompt says what for); empty: refuse.
    std::function<std::string(const std::string& prompt, const std::string& expected)> ask;
    // Asks the operator to approve a command line; empty: refuse (unless yes).
    std::function<bool(const std::string& command_line)> approve;
    // Receives one line per finished step (and each change of a wait's state).
    std::function<void(const std::string& line)> progress;
    // Waits between polls; default: sleeps until the engine's clock has moved on.
    std::function<void(Seconds)> sleep;
    std::shared_ptr<const Clock> clock;  // for the default sleep; default: system
};

struct DrillRunResult {
    std::string wizard_id;
    std::string outcome;      // completed, failed, aborted, stopped
    bool passed = false;      // the report's verdict
    std::string report_markdown;
    std::string report_json;
    std::string message;      // why it stopped, when it stopped early
    std::string first_failure;  // "step-id: why" of the first step that failed
};

// Drives the engine to the end (or to a step that fails and stops), writing
// the report even when it stops early.
Result<DrillRunResult> run_headless(Engine& engine, const DrillRunOptions& options);

// Sleeps until clock shows d more than now (in slices, so a fast simulated
// clock wakes it early).
void sleep_on_clock(const Clock& clock, Seconds d);

}  // namespace vd::runbook
