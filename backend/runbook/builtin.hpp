// The runbooks built into the binary, written from the procedures in the
// teams' backup documents: restore from AWS Backup, point-in-time restore,
// restore from a (cross-region) snapshot, the monthly drill, and the
// checklist for switching the application over.
#pragma once

#include <string_view>
#include <vector>

namespace vd::runbook {

struct BuiltinRunbook {
    std::string_view name;
    std::string_view toml;
};

// Every built-in runbook, in the order `runbook list` shows them.
const std::vector<BuiltinRunbook>& builtin_runbooks();

// The TOML text of each built-in (one file each).
std::string_view builtin_restore_from_backup();
std::string_view builtin_pitr_restore();
std::string_view builtin_restore_from_snapshot();
std::string_view builtin_monthly_drill();
std::string_view builtin_switch_application();

// The parts the restore runbooks share (builtin_shared.cpp).
std::string_view builtin_settings_fields();
std::string_view builtin_switch_over_steps();

}  // namespace vd::runbook
