// The console's wizard launcher: builds runbook engines on the console's
// AWS session (or the demo simulator), resumes saved wizards that belong to
// this kind of session, and lists the runbooks `:restore` completes.
#pragma once

#include <functional>

#include "tui/app/console.hpp"
#include "tui/cli/commands.hpp"
#include "tui/cli/environment.hpp"

namespace vd::cli {

// The launcher for the console over `env`; `wake` wakes the UI loop.
// The environment must outlive the console.
tui::WizardLauncher console_wizard_launcher(const GlobalOptions& g, Environment& env, std::function<void()> wake);

}  // namespace vd::cli
