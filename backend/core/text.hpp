// Small text helpers shared by the backend.
#pragma once

#include <string>

namespace vd {

// A C library's message (libpq, libcurl) on one line: each run of spaces,
// tabs and newlines made one space, none at the end; empty for null.
std::string one_line(const char* raw);

}  // namespace vd
