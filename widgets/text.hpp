// Text helpers for terminal layout: display width of UTF-8 (East Asian wide
// characters take two columns, combining marks none), truncation with an
// ellipsis, padding, and the human forms of durations, sizes and times.
//
// Widths come from wcwidth() evaluated in a UTF-8 locale of our own, so they
// do not depend on the process locale.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vd::widgets {

// One decoded code point and the number of bytes it took.
struct Utf8Char {
    char32_t code = 0;
    std::size_t bytes = 0;
};

// Decodes the code point at s[pos]; invalid bytes decode as U+FFFD, 1 byte.
Utf8Char decode_utf8(std::string_view s, std::size_t pos);

// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, char32_t code);

// Columns a code point occupies: 0 (combining, control), 1 or 2 (wide).
int char_width(char32_t code);

// Columns a UTF-8 string occupies on a terminal.
int display_width(std::string_view s);

// The string cut to at most `width` columns; when cut, it ends with the
// ellipsis (which counts towards the width) right after the last non-space
// character kept. A wide character that would straddle the limit is dropped.
std::string ellipsize(std::string_view s, int width, std::string_view ellipsis = "…");

// The string cut to at most `width` columns without any ellipsis.
std::string clip(std::string_view s, int width);

// Where padding goes when text is narrower than its column.
enum class Align { Left, Right, Center };

// The string truncated (with ellipsis) or padded with spaces to exactly
// `width` columns.
std::string fit(std::string_view s, int width, Align align = Align::Left,
                std::string_view ellipsis = "…");

// Spaces appended to reach `width` columns (never truncates).
std::string pad_right(std::string_view s, int width);
// Spaces prepended to reach `width` columns (never truncates).
std::string pad_left(std::string_view s, int width);

// Word-wraps text to lines of at most `width` columns; '\n' starts a new
// line and words longer than the width are cut.
std::vector<std::string> wrap(std::string_view text, int width);

// "45 s", "12 min", "3 h 12 min", "2 d 4 h"; negative durations get a "-".
std::string human_duration(std::chrono::seconds d);

// "512 B", "1.5 KiB", "20.0 GiB", "1.2 TiB".
std::string human_size(std::uint64_t bytes);

// "in 3 h 12 min", "5 min ago", "now" (within a second).
std::string relative_time(std::chrono::system_clock::time_point t,
                          std::chrono::system_clock::time_point now);

// ASCII lower case of a string (other bytes unchanged).
std::string ascii_lower(std::string_view s);

// True when `needle` occurs in `haystack`, ignoring ASCII case; `needle`
// must already be lower case.
bool contains_folded(std::string_view haystack, std::string_view needle_lower);

}  // namespace vd::widgets
