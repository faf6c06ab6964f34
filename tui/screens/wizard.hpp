// The wizard screen: a runbook walked step by step. The whole runbook is a
// rail on the left (done, current, pending, failed, skipped), the current
// step on the right; Enter or n runs it and goes on, b goes back, s skips
// where the runbook allows it, a aborts (after asking). It draws only from
// the WizardView its runner publishes, and hands every engine call to the
// runner (which runs it off the UI thread).
#pragma once

#include <memory>

#include "tui/screens/screen.hpp"
#include "tui/screens/wizard_runner.hpp"

namespace vd::tui {

class WizardScreen : public Screen {
public:
    // Shows this wizard from now on (null: none).
    virtual void attach(std::shared_ptr<WizardRunner> runner) = 0;
    // The wizard shown, or null.
    virtual const std::shared_ptr<WizardRunner>& runner() const = 0;
};

std::unique_ptr<WizardScreen> make_wizard_screen();

}  // namespace vd::tui
