// Screen 8, audit: every action vaultdeck took or would have taken (dry
// runs), newest first, from the append-only audit log; the detail pane
// shows the exact API call and its result.
#pragma once

#include <memory>

#include "tui/screens/screen.hpp"

namespace vd::tui {

std::unique_ptr<Screen> make_audit_screen();

}  // namespace vd::tui
