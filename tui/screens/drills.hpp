// Screen 7, drills: what is due (the health model's drill findings), then
// every restore drill on record (vaultdeck's drill reports and AWS Backup
// restore-testing jobs): when, which resource, the measured RTO against the
// target, the data age restored (RPO), and the checks passed.
#pragma once

#include <memory>

#include "tui/screens/screen.hpp"

namespace vd::tui {

std::unique_ptr<Screen> make_drills_screen();

}  // namespace vd::tui
