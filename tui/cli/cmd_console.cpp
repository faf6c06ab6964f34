// `vaultdeck` without a subcommand: the full-screen console over the
// configured accounts (or the embedded simulator with --demo).
//
// Threading: the poller and the wizard's worker run their own threads and
// wake the UI loop through the Wakeup eventfd; everything else here runs on
// the UI thread.
#include <clocale>
#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "tui/app/app.hpp"
#include "tui/app/console_setup.hpp"
#include "tui/app/wakeup.hpp"
#include "tui/cli/commands.hpp"
#include "tui/cli/console_wizards.hpp"
#include "tui/cli/environment.hpp"

namespace vd::cli {
namespace {

// The value of an environment variable, or empty.
std::string env_or_empty(const char* name) {
    const char* v = std::getenv(name);
    return v == nullptr ? std::string() : std::string(v);
}

}  // namespace

// Opens the environment, starts the poller and runs the console until quit.
int run_console(const GlobalOptions& g) {
    std::setlocale(LC_ALL, "");
    auto wakeup = tui::Wakeup::create();
    if (!wakeup) {
        print_error(wakeup.error().message);
        return kExitWarning;
    }
    std::shared_ptr<tui::Wakeup> wake = *wakeup;
    auto env = open_environment(g, EnvironmentUse::Console, [wake] { wake->notify(); });
    if (!env) {
        print_error(env.error().to_string());
        return kExitWarning;
    }
    poll::Poller& poller = (*env)->poller();
    const auto& config = (*env)->config();
    if (auto bad_keys = tui::key_issues(config); !bad_keys.empty()) {
        std::string more = bad_keys.size() > 1 ? fmt::format(" (and {} more)", bad_keys.size() - 1) : "";
        print_error(bad_keys.front().to_string(config.source) + more + "; run 'vaultdeck config check'");
        return kExitWarning;
    }
    poller.start();

    tui::AppOptions app;
    app.console = tui::console_options(config, g.read_only);
    app.console.clock = (*env)->clock();
    app.console.findings_ready = [wake] { wake->notify(); };
    app.console.wizards = console_wizard_launcher(g, **env, [wake] { wake->notify(); });
    app.theme = tui::theme_name(config);
    app.no_color = g.no_color;
    app.mouse = !g.no_mouse && config.mouse;
    app.stats = !env_or_empty("VAULTDECK_STATS").empty();
    app.frame_log = env_or_empty("VAULTDECK_FRAME_LOG");
    app.snapshot = [&poller] { return poller.snapshot(); };
    app.refresh = [&poller] { poller.refresh_all(); };
    app.wakeup = wake;
    const int code = tui::run_app(std::move(app));
    poller.stop();
    return code;
}

}  // namespace vd::cli
