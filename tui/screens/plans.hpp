// Screen 5, plans: every backup plan with its rules (the schedule in words
// and the next run, lifecycle, copy actions, continuous backup), its
// selections, and what the health checks found wrong with it; then the
// restore-testing plans.
#pragma once

#include <memory>
#include <vector>

#include "tui/screens/screen.hpp"
#include "tui/screens/text_lines.hpp"

namespace vd::tui {

// The lines of the Plans screen for a width.
std::vector<Line> plan_lines(const ScreenContext& ctx, int width);

// "cold after 30 d, delete after 90 d"; "kept until deleted" when neither.
std::string lifecycle_words(const model::Lifecycle& lifecycle);

std::unique_ptr<Screen> make_plans_screen();

}  // namespace vd::tui
