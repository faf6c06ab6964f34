// vaultdeck config check: validates the configuration file and lists every
// problem with its line; exit 0 when it is fine (or absent), 1 otherwise.
#include <algorithm>
#include <cstdio>

#include "backend/config/load.hpp"
#include "backend/core/untrusted_text.hpp"
#include "tui/app/console_setup.hpp"
#include "tui/cli/commands.hpp"

namespace vd::cli {

// Checks the file named by --config, or the default one.
int run_config_check(const GlobalOptions& g) {
    config::ConfigFile file = config::read_config(g.config_path);
    for (auto& issue : tui::key_issues(file.config)) file.issues.push_back(std::move(issue));
    std::stable_sort(file.issues.begin(), file.issues.end(),
                     [](const config::ConfigIssue& a, const config::ConfigIssue& b) { return a.line < b.line; });
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
