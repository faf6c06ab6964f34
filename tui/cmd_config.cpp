// vaultdeck config check: validates the configuration file and lists every
// problem with its line; exit 0 when it is fine (or absent), 1 otherwise.
#include <cstdio>

#include "backend/config/load.hpp"
#include "backend/core/untrusted_text.hpp"
#include "tui/commands.hpp"

namespace vd::cli {

// Checks the file named by --config, or the default one.
int run_config_check(const GlobalOptions& g) {
    config::ConfigFile file = config::read_config(g.config_path);
    if (!file.ok()) {
        for (const auto& issue : file.issues) std::fprintf(stderr, "%s\n", visible(issue.to_string(file.path)).c_str());
        std::fprintf(stderr, "%zu problem%s in %s\n", file.issues.size(), file.issues.size() == 1 ? "" : "s",
                     file.path.c_str());
        return kExitWarning;
    }
    if (!file.exists) {
        std::printf("%s: not found; using the defaults\n", file.path.c_str());
        return kExitOk;
    }
    const auto& c = file.config;
    std::printf("%s: ok (%zu account%s, %zu RPO target%s)\n", file.path.c_str(), c.accounts.size(),
                c.accounts.size() == 1 ? "" : "s", c.rpo_targets.size(), c.rpo_targets.size() == 1 ? "" : "s");
    return kExitOk;
}

}  // namespace vd::cli
