#include <cstdio>

#include "tui/commands.hpp"

namespace vd::cli {

// Placeholder until the drill command lands.
int run_drill(const GlobalOptions&, const DrillOptions&) {
    std::fprintf(stderr, "vaultdeck: drill command is not available in this build\n");
    return kExitUnknown;
}

}  // namespace vd::cli
