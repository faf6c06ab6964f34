// The body of each wizard step as styled lines, from the wizard view only:
// the candidates of choose-recovery-point, the PITR window, the form's
// values, preflight and SQL check results, the exact planned API call, the
// wait's progress against the RTO target, the report's path.
#pragma once

#include <string>
#include <vector>

#include "backend/core/clock.hpp"
#include "tui/screens/text_lines.hpp"
#include "tui/screens/wizard_view.hpp"

namespace vd::tui {

// What the screen adds to the view: the row under the cursor.
struct WizardCursor {
    std::size_t row = 0;  // the selected candidate or checklist item
};

// The lines of the current step for a pane `width` columns wide; `selected`
// receives the index of the cursor's line (-1 when the step has none).
std::vector<Line> wizard_step_lines(const WizardView& v, const WizardCursor& cursor, TimePoint now, int width,
                                    int* selected);

// One sentence saying what Enter does on this step ("Enter sends the call").
std::string wizard_enter_hint(const WizardView& v);

// The index of the candidate to put the cursor on first: the point the
// wizard was opened with, else the first usable one.
std::size_t initial_choice(const WizardView& v);

}  // namespace vd::tui
