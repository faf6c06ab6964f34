// Wiring shared by `vaultdeck` (the console) and `vaultdeck render`: the
// console options from the configuration (health model, audit log, RTO
// target, key overrides) and the theme name.
#pragma once

#include <string>
#include <vector>

#include "backend/config/config.hpp"
#include "backend/config/load.hpp"
#include "tui/app/console.hpp"

namespace vd::tui {

// Console options for a configuration: findings from the health model,
// the audit log from the XDG state folder, the RTO target, key overrides.
ConsoleOptions console_options(const config::Config& config, bool read_only);

// The [keys] overrides that cannot work (a key that is not a key, a command
// nothing runs), with their lines: `config check` lists them and the console
// refuses to start on them, so a typo never leaves q unbound.
std::vector<config::ConfigIssue> key_issues(const config::Config& config);

// The widgets theme name of the configured theme ("dark", "dark16", "light", "mono").
std::string theme_name(const config::Config& config);

// The screen ids and their aliases, for error messages: "dashboard, rp, jobs, ...".
std::string screen_names();

}  // namespace vd::tui
