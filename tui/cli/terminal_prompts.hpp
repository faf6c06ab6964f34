// Questions the headless commands (`drill run`, `resume`) ask on the
// terminal. Without a terminal on stdin nothing is asked: the typed answer is
// empty and no command is approved, so a cron job never confirms by accident.
#pragma once

#include <string>

namespace vd::cli {

// Asks for a typed confirmation; returns what was typed.
std::string ask_on_terminal(const std::string& prompt, const std::string& expected);

// Asks whether a command may run; true only for y / yes.
bool approve_on_terminal(const std::string& command);

}  // namespace vd::cli
