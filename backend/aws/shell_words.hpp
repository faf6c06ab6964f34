// Splits a command line into words the way Python's shlex.split does in
// POSIX mode, which is how the AWS CLI splits credential_process commands
// and quoted section names. No shell is ever involved.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "backend/core/result.hpp"

namespace vd::aws {

// The words of a command line: whitespace separates, '...' is literal,
// "..." allows \" and \\, a backslash outside quotes escapes any character.
// Unbalanced quotes and a trailing backslash are InvalidInput errors.
Result<std::vector<std::string>> shell_split(std::string_view line);

}  // namespace vd::aws
