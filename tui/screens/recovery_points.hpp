// Screen 2, recovery points: every point by vault or by resource, sortable
// on any column, filtered as you type, with a detail pane (full ARN,
// lifecycle dates, vault lock, copies); Enter starts a restore.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tui/screens/screen.hpp"
#include "tui/screens/text_lines.hpp"

namespace vd::tui {

// The detail pane's lines for one point.
std::vector<Line> recovery_point_details(const ScreenContext& ctx, const model::RecoveryPoint& rp,
                                         const model::Vault* vault);

// The runbook Enter starts for a point ("restore-from-backup").
std::string restore_runbook_for(const model::RecoveryPoint& rp);

std::unique_ptr<Screen> make_recovery_points_screen();

}  // namespace vd::tui
