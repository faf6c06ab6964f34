#include <cstdio>

#include "tui/commands.hpp"

namespace vd::cli {

// Placeholder until the console lands.
int run_console(const GlobalOptions&) {
    std::fprintf(stderr, "vaultdeck: console is not available in this build\n");
    return kExitUnknown;
}

}  // namespace vd::cli
