// vaultdeck: the console and its headless commands. This file only parses
// the command line (declared in cli_spec.cpp); each command lives in its own
// cmd_*.cpp.
#include <cstdio>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "tui/cli/cli_spec.hpp"
#include "tui/cli/commands.hpp"
#include "tui/cli/man_page.hpp"
#include "tui/cli/version.hpp"

namespace {

// Writes text to stdout; exit 0 when all of it got there.
int print(const std::string& text) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? vd::cli::kExitOk : vd::cli::kExitWarning;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace vd::cli;
    CLI::App app{"", "vaultdeck"};
    app.set_version_flag("--version", [] { return version_text(); });
    CommandLine cl;
    describe_command_line(app, cl);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : kExitUsage;
    }

    if (auto checked = check_global_options(cl.global); !checked) {
        print_error(checked.error().message);
        return kExitUsage;
    }
    try {
        const GlobalOptions& g = cl.global;
        if (cl.man_page) return print(man_page(app, VAULTDECK_VERSION));
        if (!cl.completion_for.empty()) return print(completion_script(app, cl.completion_for));
        if (*cl.list_cmd) return run_list(g, cl.list);
        if (*cl.status_cmd) return run_status(g, cl.status);
        if (*cl.drill_run) return run_drill(g, cl.drill);
        if (*cl.runbook_cmd) return run_runbook(g, cl.runbook);
        if (*cl.resume_cmd) return run_resume(g, cl.wizard_id);
        if (*cl.render_cmd) return run_render(g, cl.render);
        if (*cl.config_check) return run_config_check(g);
        if (*cl.sim_serve) return run_sim_serve(cl.sim);
        return run_console(g);
    } catch (const std::exception& e) {
        print_error(std::string("internal error: ") + e.what());
        return kExitWarning;
    }
}
