#include "backend/runbook/builtin.hpp"

namespace vd::runbook {

// The built-ins in display order.
const std::vector<BuiltinRunbook>& builtin_runbooks() {
    static const std::vector<BuiltinRunbook> all{
        {"restore-from-backup", builtin_restore_from_backup()},
        {"pitr-restore", builtin_pitr_restore()},
        {"restore-from-snapshot", builtin_restore_from_snapshot()},
        {"monthly-drill", builtin_monthly_drill()},
        {"switch-application", builtin_switch_application()},
    };
    return all;
}

}  // namespace vd::runbook
