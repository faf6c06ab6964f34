#include <cstdio>

#include "tui/commands.hpp"

namespace vd::cli {

// Placeholder until the runbook command lands.
int run_runbook(const GlobalOptions&, const RunbookOptions&) {
    std::fprintf(stderr, "vaultdeck: runbook command is not available in this build\n");
    return kExitUnknown;
}

}  // namespace vd::cli
