// Sparkline: values as a row of level glyphs ▁▂▃▄▅▆▇█ (ASCII: .:-=+*#).
//
// Usage:
//   std::vector<double> daily_failures = {...14 values...};
//   canvas.put(x, y, sparkline(daily_failures, theme.glyphs()), theme.style(Role::Critical));
// The scale runs from 0 (or the smallest value, if negative) to the largest
// value (or `max` when given); NaN marks a missing value and draws a space.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "widgets/glyphs.hpp"

namespace vd::widgets {

// The glyph level (0-7) of one value on a scale [low, high].
int spark_level(double value, double low, double high);

// One glyph per value (the last `width` values when width > 0).
std::string sparkline(const std::vector<double>& values, const Glyphs& glyphs,
                      std::optional<double> max = std::nullopt, int width = 0);

}  // namespace vd::widgets
