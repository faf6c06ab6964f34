#include <cstdio>
#include <string>

#include "tui/commands.hpp"

namespace vd::cli {

// Placeholder until the resume command lands.
int run_resume(const GlobalOptions&, const std::string&) {
    std::fprintf(stderr, "vaultdeck: resume command is not available in this build\n");
    return kExitUnknown;
}

}  // namespace vd::cli
