// The screens in tab order: the digits 1-9 select them.
#include "tui/screens/audit.hpp"
#include "tui/screens/dashboard.hpp"
#include "tui/screens/drills.hpp"
#include "tui/screens/jobs.hpp"
#include "tui/screens/plans.hpp"
#include "tui/screens/rds.hpp"
#include "tui/screens/recovery_points.hpp"
#include "tui/screens/screen.hpp"
#include "tui/screens/timeline.hpp"
#include "tui/screens/wizard.hpp"

namespace vd::tui {

std::vector<std::unique_ptr<Screen>> make_screens() {
    std::vector<std::unique_ptr<Screen>> screens;
    screens.push_back(make_dashboard_screen());
    screens.push_back(make_recovery_points_screen());
    screens.push_back(make_jobs_screen());
    screens.push_back(make_timeline_screen());
    screens.push_back(make_plans_screen());
    screens.push_back(make_rds_screen());
    screens.push_back(make_drills_screen());
    screens.push_back(make_audit_screen());
    screens.push_back(make_wizard_screen());
    return screens;
}

}  // namespace vd::tui
