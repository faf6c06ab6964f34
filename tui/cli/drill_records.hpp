// The drill reports vaultdeck wrote, as records for the Drills screen and
// the health model.
#pragma once

#include <vector>

#include "backend/poll/snapshot.hpp"

namespace vd::cli {

// Reads the drill reports in the state directory (newest first); unreadable
// reports are skipped.
std::vector<poll::DrillRecord> load_drill_records();

}  // namespace vd::cli
