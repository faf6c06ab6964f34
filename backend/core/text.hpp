// Small text helpers shared by the backend.
#pragma once

#include <string>

namespace vd {

// A C library's message (libpq, libcurl) on one line: no trailing newline
// or spaces, inner newlines made spaces; empty for null.
std::string one_line(const char* raw);

}  // namespace vd
