// Screen 4, the lifecycle timeline: a lane per resource (backups as marks,
// missed and failed runs as crosses, the next run, the PITR window as a
// bar) or, after Enter, a lane per recovery point of that resource from
// creation through warm and cold to deletion. Zoom with + and -, pan with
// h and l, n goes back to now.
#pragma once

#include <memory>

#include "tui/screens/screen.hpp"

namespace vd::tui {

std::unique_ptr<Screen> make_timeline_screen();

}  // namespace vd::tui
