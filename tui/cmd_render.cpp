#include <cstdio>

#include "tui/commands.hpp"

namespace vd::cli {

// Placeholder until the render command lands.
int run_render(const GlobalOptions&, const RenderOptions&) {
    std::fprintf(stderr, "vaultdeck: render command is not available in this build\n");
    return kExitUnknown;
}

}  // namespace vd::cli
