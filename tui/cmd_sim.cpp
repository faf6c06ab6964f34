#include <cstdio>

#include "tui/commands.hpp"

namespace vd::cli {

// Placeholder until the simulator lands.
int run_sim_serve(const SimOptions&) {
    std::fprintf(stderr, "vaultdeck: simulator is not available in this build\n");
    return kExitUnknown;
}

}  // namespace vd::cli
