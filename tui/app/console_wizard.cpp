// Opening and resuming the console's runbook wizard.
#include "tui/app/console_impl.hpp"
#include "tui/screens/format.hpp"

namespace vd::tui {

bool Console::Impl::wizard_open() const {
    return wizard != nullptr && wizard->runner() && !wizard->runner()->view()->finished;
}

Flags Console::Impl::open_wizard(const WizardRequest& request) {
    const auto& launcher = options.wizards;
    if (wizard == nullptr || !launcher.start || !launcher.resume) {
        say("wizards are not available here", true);
        return kHandled | kChrome;
    }
    if (wizard_open()) {
        say("a wizard is already open: finish or abort it first (it is on screen 9)", true);
        return switch_to(index_of("wizard")) | kChrome;
    }
    auto engine = request.resume_id.empty() ? launcher.start(request.runbook, request.inputs) : launcher.resume(request.resume_id);
    if (!engine) {
        DialogRequest d;
        d.title = request.resume_id.empty() ? "Cannot start " + request.runbook : "Cannot resume " + request.resume_id;
        d.lines = {engine.error().message};
        open_dialog(d);
        return kHandled | kRedraw | kChrome;
    }
    wizard->attach(std::make_shared<WizardRunner>(std::move(*engine), launcher.runner));
    wizard_version = 0;
    const Flags f = switch_to(index_of("wizard"));
    rebind();
    return f | kRedraw | kChrome;
}

Flags Console::Impl::offer_resume(const std::string& id) {
    if (!options.wizards.unfinished) {
        say("wizards are not available here", true);
        return kHandled | kChrome;
    }
    const auto saved = options.wizards.unfinished();
    const runbook::WizardSummary* pick = nullptr;
    for (const auto& w : saved) {
        if (id.empty() || w.id == id) {
            pick = &w;
            break;
        }
    }
    if (pick == nullptr) {
        say(id.empty() ? "there is no unfinished wizard to resume" : "no unfinished wizard " + id, !id.empty());
        return kHandled | kChrome;
    }
    DialogRequest d;
    d.kind = DialogRequest::Kind::Confirm;
    d.title = "Resume the unfinished wizard?";
    d.lines = {pick->runbook + (pick->target.empty() ? "" : " into " + pick->target) + " stopped at step " +
                   pick->current_step + ".",
               "Saved " + full_time(pick->updated) + " (wizard " + pick->id + ").",
               "",
               "It continues where it stopped; a restore already sent is found, never sent twice.",
               "Later: it stays saved; :resume opens it."};
    d.yes_label = "Resume";
    d.no_label = "Later";
    d.default_yes = true;  // resuming never sends a second restore; Enter after an SSH drop should continue
    const std::string wizard_id = pick->id;
    d.on_accept = [this, wizard_id](const std::string&) { return open_wizard({{}, {}, wizard_id}); };
    open_dialog(d);
    return kHandled | kRedraw | kChrome;
}

}  // namespace vd::tui
