#include <cstdio>

#include "tui/commands.hpp"

namespace vd::cli {

// Placeholder until the status command lands.
int run_status(const GlobalOptions&, const StatusOptions&) {
    std::fprintf(stderr, "vaultdeck: status command is not available in this build\n");
    return kExitUnknown;
}

}  // namespace vd::cli
