// The text of `vaultdeck --version`.
#pragma once

#include <string>

namespace vd::cli {

// "vaultdeck 0.1.0 (commit abc1234)" and a line with the curl, OpenSSL and
// ncurses versions in use.
std::string version_text();

}  // namespace vd::cli
