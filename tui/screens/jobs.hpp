// Screen 3, jobs: backup, copy and restore jobs with their state in colour,
// percent done, duration and status message; `t` picks the kind, `f` the
// state (failed, running, completed), `/` filters by resource or anything;
// running jobs' durations grow live and new snapshots update their state.
#pragma once

#include <memory>

#include "tui/screens/screen.hpp"

namespace vd::tui {

std::unique_ptr<Screen> make_jobs_screen();

}  // namespace vd::tui
