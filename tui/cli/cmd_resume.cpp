// `vaultdeck resume [WIZARD-ID]`: continues an interrupted restore or drill
// where it stopped. The engine first looks for a restore the interrupted
// run may already have started, so resuming never starts a second one.
#include <cstdio>
#include <iostream>
#include <string>
#include <unistd.h>

#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/core/untrusted_text.hpp"
#include "backend/runbook/drill_runner.hpp"
#include "backend/runbook/engine.hpp"
#include "tui/cli/commands.hpp"
#include "tui/cli/terminal_prompts.hpp"

namespace vd::cli {
namespace {

// The newest unfinished wizard, or an error listing what there is.
Result<std::string> newest_unfinished(const std::filesystem::path& dir) {
    auto all = runbook::list_wizards(dir);
    for (const auto& w : all)
        if (!w.finished) return w.id;
    return make_error(ErrorKind::NotFound, all.empty() ? "there is no saved wizard to resume"
                                                       : fmt::format("every saved wizard has finished (newest: {}, {})", all[0].id, all[0].outcome));
}

}  // namespace

// Continues a saved wizard headless, asking on the terminal where it must.
int run_resume(const GlobalOptions& g, const std::string& wizard_id) {
    auto dir = runbook::default_wizard_dir();
    std::string id = wizard_id;
    if (id.empty()) {
        auto newest = newest_unfinished(dir);
        if (!newest) {
            print_error(newest.error().message);
            return kExitWarning;
        }
        id = *newest;
    }
    auto state = runbook::load_wizard_state(id, dir);
    if (!state) {
        print_error(state.error().message);
        return kExitWarning;
    }
    if (state->finished) {
        print_error("wizard " + id + " has already finished (" + state->outcome + ")");
        return kExitWarning;
    }
    if (auto demo = state->values.find("demo"); demo != state->values.end() && demo->second == "true") {
        print_error("wizard " + id + " ran on the demo simulator, whose state ended with it; it cannot be resumed");
        return kExitWarning;
    }
    if (g.demo) {
        std::fprintf(stderr, "vaultdeck: resume works on the account the wizard started in; --demo cannot resume it\n");
        return kExitUsage;
    }

    aws::SessionOptions so;
    so.profile = g.profile.empty() ? runbook::resume_profile(*state) : g.profile;
    so.region = g.regions.empty() ? state->region : g.regions.front();
    so.endpoint_url = g.endpoint_url;
    so.read_only = g.read_only || state->read_only;
    auto backends = runbook::open_session_backends(so);
    if (!backends) {
        print_error(backends.error().to_string());
        return kExitUnknown;
    }
    runbook::EngineOptions eo;
    eo.backend = backends->backend;
    eo.backend_for_region = backends->for_region;
    eo.read_only = so.read_only;
    eo.auto_confirm = state->auto_confirm;
    std::string endpoint = so.endpoint_url;
    eo.sql = runbook::make_libpq_runner();
    if (endpoint.find("://127.") != std::string::npos || endpoint.find("://localhost") != std::string::npos)
        eo.sql = runbook::make_loopback_only_runner(eo.sql);
    auto engine = runbook::resume_engine(*state, eo);
    if (!engine) {
        print_error(engine.error().message);
        return kExitWarning;
    }
    const auto& rb = (*engine)->runbook();
    size_t at = (*engine)->current_index();
    print_out(fmt::format("resuming {} ({}), at step {}/{}: {}\n", id, rb.name, at + 1, rb.steps.size(),
               (*engine)->display(rb.steps[at].title.empty() ? rb.steps[at].id : rb.steps[at].title)));
    if (state->restore_phase == runbook::kPhaseSending)
        print_out(fmt::format("the restore may have been sent before the interruption: looking for it before sending anything\n"));
    std::fflush(stdout);

    runbook::DrillRunOptions ro;
    ro.yes = state->auto_confirm;
    ro.ask = ask_on_terminal;
    ro.approve = approve_on_terminal;
    ro.progress = [](const std::string& line) {
        print_out(visible(line) + "\n");  // one line, whatever the server put in it
        std::fflush(stdout);
    };
    auto result = runbook::run_headless(**engine, ro);
    if (!result) {
        print_error(result.error().message);
        return kExitWarning;
    }
    if (result->outcome == "stopped") print_error("stopped: " + result->message);
    print_out(fmt::format("report: {}\n", result->report_markdown));
    print_out(fmt::format("result: {}\n", result->passed ? "PASSED" : "FAILED"));
    return result->passed ? kExitOk : kExitWarning;
}

}  // namespace vd::cli
