// Engines for the console's wizards.
#include "tui/cli/console_wizards.hpp"

#include <fmt/format.h>

#include "backend/runbook/catalog.hpp"
#include "backend/runbook/engine.hpp"
#include "backend/runbook/lint.hpp"
#include "backend/runbook/sql_runner.hpp"

namespace vd::cli {
namespace {

constexpr const char* kDemoRegion = "us-east-1";

// Whether an endpoint URL points at this machine.
bool loopback(const std::string& url) {
    return url.find("://127.") != std::string::npos || url.find("://localhost") != std::string::npos ||
           url.find("://[::1]") != std::string::npos;
}

// A value of a saved wizard, or empty.
std::string value_of(const runbook::WizardState& s, const std::string& key) {
    auto it = s.values.find(key);
    return it == s.values.end() ? std::string() : it->second;
}

// Why this console cannot continue a saved wizard; empty when it can.
std::string cannot_resume(const runbook::WizardState& s, bool demo) {
    const bool from_demo = value_of(s, "demo") == "true";
    if (from_demo && !demo) return fmt::format("wizard {} ran on the demo simulator: open it with vaultdeck --demo", s.id);
    if (!from_demo && demo) return fmt::format("wizard {} ran against AWS: open it without --demo", s.id);
    if (from_demo && !s.restore_phase.empty())
        return fmt::format("wizard {} sent its restore to an earlier demo simulator, which ended with it", s.id);
    return {};
}

class Launcher {
public:
    Launcher(const GlobalOptions& g, Environment& env) : g_(g), env_(env) {}

    // Engine options on a session for a profile and region.
    Result<runbook::EngineOptions> engine_options(const std::string& profile, const std::string& region) const {
        aws::SessionOptions so;
        so.profile = env_.demo() ? std::string() : profile;
        so.region = !region.empty() ? region : !g_.regions.empty() ? g_.regions.front() : env_.demo() ? kDemoRegion : "";
        so.endpoint_url = env_.endpoint_url();
        so.read_only = g_.read_only;
        so.clock = env_.clock();
        auto backends = runbook::open_session_backends(so);
        if (!backends) return backends.error();
        runbook::EngineOptions eo;
        eo.backend = backends->backend;
        eo.backend_for_region = backends->for_region;
        eo.clock = env_.clock();
        eo.read_only = g_.read_only;
        eo.prices = env_.config().prices;
        eo.database_url = env_.config().restore.database_url;
        eo.sql = runbook::make_libpq_runner();
        if (env_.demo() || loopback(so.endpoint_url)) eo.sql = runbook::make_loopback_only_runner(eo.sql);
        return eo;
    }

    tui::WizardLauncher::EngineResult start(const std::string& name, runbook::Variables inputs) const {
        auto rb = runbook::find_runbook(name, runbook::user_runbook_dir());
        if (!rb) return rb.error();
        const std::string profile = inputs.count("profile") ? inputs["profile"] : g_.profile;
        inputs.erase("profile");
        auto eo = engine_options(profile, inputs.count("region") ? inputs["region"] : "");
        if (!eo) return eo.error();
        if (env_.demo()) inputs["demo"] = "true";
        return runbook::start_engine(*rb, inputs, std::move(*eo));
    }

    tui::WizardLauncher::EngineResult resume(const std::string& id) const {
        auto state = runbook::load_wizard_state(id, runbook::default_wizard_dir());
        if (!state) return state.error();
        if (const std::string why = cannot_resume(*state, env_.demo()); !why.empty())
            return make_error(ErrorKind::InvalidInput, why, "resume");
        auto eo = engine_options(g_.profile.empty() ? runbook::resume_profile(*state) : g_.profile, state->region);
        if (!eo) return eo.error();
        return runbook::resume_engine(*state, std::move(*eo));
    }

    std::vector<runbook::WizardSummary> unfinished() const {
        std::vector<runbook::WizardSummary> out;
        const auto dir = runbook::default_wizard_dir();
        for (const auto& w : runbook::list_wizards(dir)) {
            if (w.finished) continue;
            auto state = runbook::load_wizard_state(w.id, dir);
            if (!state || !cannot_resume(*state, env_.demo()).empty()) continue;
            out.push_back(w);
            auto rb = runbook::load_runbook(state->runbook_source, state->runbook_name);
            if (rb && state->current < rb->steps.size() && !rb->steps[state->current].title.empty())
                out.back().current_step = fmt::format("{} of {}, {}", state->current + 1, rb->steps.size(),
                                                      rb->steps[state->current].title);
        }
        return out;
    }

    std::vector<std::string> runbooks() const {
        std::vector<std::string> out;
        for (const auto& e : runbook::list_runbooks(runbook::user_runbook_dir()))
            if (e.error.empty()) out.push_back(e.name);
        return out;
    }

private:
    GlobalOptions g_;
    Environment& env_;
};

}  // namespace

tui::WizardLauncher console_wizard_launcher(const GlobalOptions& g, Environment& env, std::function<void()> wake) {
    auto launcher = std::make_shared<Launcher>(g, env);
    tui::WizardLauncher l;
    l.start = [launcher](const std::string& name, const runbook::Variables& inputs) { return launcher->start(name, inputs); };
    l.resume = [launcher](const std::string& id) { return launcher->resume(id); };
    l.unfinished = [launcher] { return launcher->unfinished(); };
    l.runbooks = [launcher] { return launcher->runbooks(); };
    l.runner.wake = std::move(wake);
    l.runner.demo = env.demo();
    // The demo's restores finish in simulated minutes: look more often.
    l.runner.max_poll = env.demo() ? std::chrono::milliseconds(1000) : std::chrono::milliseconds(15000);
    return l;
}

}  // namespace vd::cli
