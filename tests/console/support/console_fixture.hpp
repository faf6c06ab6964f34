// Building a Console over the sample snapshot and drawing it to text.
#pragma once

#include <memory>
#include <string>

#include "backend/core/clock.hpp"
#include "tui/app/console.hpp"
#include "widgets/memory_canvas.hpp"

namespace vd::testing {

// Options for a console over the sample at sample_now(), with the sample
// findings; `read_only` as given.
tui::ConsoleOptions sample_options(bool read_only = false);

// A console showing the sample snapshot (mono theme unless `colour`).
std::unique_ptr<tui::Console> sample_console(tui::ConsoleOptions options = sample_options(), bool colour = false);

// The whole frame as text.
std::string frame_text(tui::Console& console, int width = 120, int height = 40);

// Presses keys given as a string of printable characters.
void type(tui::Console& console, const std::string& keys);

// The first line of `text` that contains `needle` (empty when none).
std::string line_with(const std::string& text, const std::string& needle);

}  // namespace vd::testing
