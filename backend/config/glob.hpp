// Shell-style wildcard matching for names and ARNs in the configuration and
// in backup selections: `*` is any run of characters, `?` one character.
#pragma once

#include <string_view>

namespace vd::config {

// True when `text` matches `pattern` in full (case-sensitive).
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace vd::config
