// Durations as people write them in the configuration: "90s", "15m",
// "24h", "7d", "2w", or combined ("1h30m").
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace vd::config {

using Duration = std::chrono::seconds;

// Parses a duration; nullopt when the text is not one.
std::optional<Duration> parse_duration(std::string_view text);
// The shortest exact text for a duration: "15m", "24h", "7d", "1h30m".
std::string format_duration(Duration d);
// A rounded human form for evidence: "30 h", "2.5 d", "12 min", "45 s".
std::string format_age(Duration d);

}  // namespace vd::config
