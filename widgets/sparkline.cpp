// Values to level glyphs.
#include "widgets/sparkline.hpp"

#include <algorithm>
#include <cmath>

namespace vd::widgets {

int spark_level(double value, double low, double high) {
    if (!(high > low)) {
        return value > low ? 7 : 0;
    }
    const double t = (value - low) / (high - low);
    return std::clamp(static_cast<int>(std::lround(t * 7.0)), 0, 7);
}

std::string sparkline(const std::vector<double>& values, const Glyphs& glyphs,
                      std::optional<double> max, int width) {
    std::size_t first = 0;
    if (width > 0 && values.size() > static_cast<std::size_t>(width)) {
        first = values.size() - static_cast<std::size_t>(width);
    }
    double low = 0;
    double high = max.value_or(0);
    for (std::size_t i = first; i < values.size(); ++i) {
        if (std::isnan(values[i])) {
            continue;
        }
        low = std::min(low, values[i]);
        if (!max) {
            high = std::max(high, values[i]);
        }
    }
    std::string out;
    for (std::size_t i = first; i < values.size(); ++i) {
        if (std::isnan(values[i])) {
            out += ' ';
        } else {
            out += glyphs.levels[static_cast<std::size_t>(spark_level(values[i], low, high))];
        }
    }
    return out;
}

}  // namespace vd::widgets
