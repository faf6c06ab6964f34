// The wizard view's helpers.
#include "tui/screens/wizard_view.hpp"

namespace vd::tui {

std::string WizardView::value(const std::string& key) const {
    auto it = values.find(key);
    return it == values.end() ? std::string() : it->second;
}

std::string WizardView::left_behind() const {
    const std::string& target = restore_target;
    if (restore_phase.empty() || restored.dry_run)
        return "Nothing has been restored: nothing changes in AWS.";
    if (cleanup_phase == runbook::kPhaseStarted) return "The temporary instance " + target + " is being deleted.";
    return "The restored instance " + target + " stays in AWS (it keeps costing money) until you delete it; "
           "stopping does not delete it.";
}

}  // namespace vd::tui
