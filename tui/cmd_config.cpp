#include <cstdio>

#include "tui/commands.hpp"

namespace vd::cli {

// Placeholder until the config check lands.
int run_config_check(const GlobalOptions&) {
    std::fprintf(stderr, "vaultdeck: config check is not available in this build\n");
    return kExitUnknown;
}

}  // namespace vd::cli
