// Small text helpers shared by the backend.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace vd {

// A C library's message (libpq, libcurl) on one line: each run of spaces,
// tabs and newlines made one space, none at the end; empty for null.
std::string one_line(const char* raw);

// Levenshtein distance between two strings, for "did you mean" hints.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace vd
