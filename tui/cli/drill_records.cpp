#include "tui/cli/drill_records.hpp"

#include "backend/runbook/drill_report.hpp"
#include "backend/runbook/engine.hpp"

namespace vd::cli {

std::vector<poll::DrillRecord> load_drill_records() {
    return runbook::read_drill_records(runbook::default_drill_report_dir());
}

}  // namespace vd::cli
