#include <cstdio>

#include "tui/commands.hpp"

namespace vd::cli {

// Placeholder until the list command lands.
int run_list(const GlobalOptions&, const ListOptions&) {
    std::fprintf(stderr, "vaultdeck: list command is not available in this build\n");
    return kExitUnknown;
}

}  // namespace vd::cli
