// The console's state machine: keys become commands, commands change the
// view state or ask the loop for something (flags).
#include "tui/app/console.hpp"

#include <algorithm>
#include <utility>

#include "tui/app/command_line.hpp"
#include "tui/app/console_impl.hpp"
#include "tui/app/keys.hpp"
#include "tui/screens/format.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Key;
using widgets::KeyBinding;
using widgets::KeyEvent;

namespace {

// Alternative names the command line accepts for screens.
const std::vector<std::pair<std::string, std::string>>& screen_aliases() {
    static const std::vector<std::pair<std::string, std::string>> kAliases = {
        {"recovery-points", "rp"}, {"points", "rp"},      {"dash", "dashboard"}, {"home", "dashboard"},
        {"lifecycle", "timeline"}, {"snapshots", "rds"},  {"log", "audit"},
        {"backup-jobs", "jobs"},   {"restores", "jobs"},
    };
    return kAliases;
}

// The canonical screen id of a name or alias.
std::string canonical_screen(std::string_view name) {
    for (const auto& [alias, id] : screen_aliases()) {
        if (alias == name) return id;
    }
    return std::string(name);
}

// The bindings for the help overlay: one line per command with all its keys.
std::vector<KeyBinding> help_bindings(const std::vector<KeyBinding>& bindings) {
    std::vector<KeyBinding> out;
    for (const auto& b : bindings) {
        auto it = std::find_if(out.begin(), out.end(), [&](const KeyBinding& o) { return o.command == b.command; });
        if (it == out.end()) {
            KeyBinding shown = b;
            shown.key = widgets::key_label(b.key);
            out.push_back(shown);
        } else if (const std::string label = widgets::key_label(b.key);
                   (" " + it->key + " ").find(" " + label + " ") == std::string::npos) {
            it->key += " " + label;
        }
    }
    return out;
}

}  // namespace

Layout layout_for(int width, int height) {
    Layout l;
    l.too_small = width < kMinWidth || height < kMinHeight;
    l.header = {0, 0, width, 1};
    l.tabs = {0, 1, width, 1};
    l.body = {0, 2, width, std::max(0, height - 3)};
    l.footer = {0, std::max(0, height - 1), width, 1};
    return l;
}

Console::Impl::Impl(ConsoleOptions o, widgets::Theme t)
    : options(std::move(o)), theme(std::move(t)), clock(options.clock ? options.clock : system_clock()),
      screens(make_screens()), snapshot(std::make_shared<poll::Snapshot>()) {
    for (auto& screen : screens) {
        if (auto* w = dynamic_cast<WizardScreen*>(screen.get())) wizard = w;
    }
    if (options.evaluate && options.findings_ready)
        findings_worker = std::make_unique<FindingsWorker>(options.evaluate, options.findings_ready);
    rebind();
}

ScreenContext Console::Impl::context() const {
    ScreenContext ctx;
    ctx.snapshot = snapshot.get();
    ctx.shared = snapshot;
    ctx.findings = &findings;
    ctx.audit = &audit;
    ctx.audit_problem = audit_problem;
    ctx.now = clock->now();
    ctx.theme = &theme;
    ctx.scope = scope;
    ctx.read_only = options.read_only || snapshot->read_only;
    ctx.rto_target = options.rto_target;
    return ctx;
}

void Console::Impl::rebind() {
    std::vector<KeyBinding> all = screens[active]->bindings();
    const auto& nav = navigation_bindings();
    const auto& global = global_bindings();
    all.insert(all.end(), global.begin(), global.end());
    all.insert(all.end(), nav.begin(), nav.end());
    const bool read_only = options.read_only || snapshot->read_only;
    bindings = apply_overrides(widgets::for_mode(all, read_only), options.key_overrides);
}

Flags Console::Impl::switch_to(std::size_t index) {
    if (index >= screens.size()) {
        return kHandled;
    }
    if (!screens[index]->listed()) {
        say("no wizard is open: Enter on a recovery point, :restore, :drill or :resume opens one", false);
        return kHandled | kChrome;
    }
    if (index != active) {
        history.push_back(active);
        if (history.size() > 32) history.erase(history.begin());
        active = index;
        rebind();
        if (screens[active]->id() == "audit") reload_audit();
    }
    return kHandled | kRedraw | kChrome;
}

void Console::Impl::reload_audit() {
    audit_problem.clear();
    if (!options.load_audit) return;
    auto read = options.load_audit();
    if (!read) {
        audit.clear();
        audit_problem = "cannot read the audit log: " + read.error().message;
        return;
    }
    audit = std::move(read->entries);
    if (read->malformed_lines > 0) {
        audit_problem = std::to_string(read->malformed_lines) + " malformed line(s) skipped";
    }
}

void Console::Impl::open_dialog(const DialogRequest& request) {
    std::string text;
    for (const auto& line : request.lines) text += (text.empty() ? "" : "\n") + line;
    using Kind = DialogRequest::Kind;
    switch (request.kind) {
    case Kind::Message: dialog = widgets::Dialog::message(request.title, text); break;
    case Kind::Confirm:
        dialog = widgets::Dialog::confirm(request.title, text, request.default_yes, request.yes_label, request.no_label);
        break;
    case Kind::TypedConfirm: dialog = widgets::Dialog::typed_confirm(request.title, text, request.expected); break;
    case Kind::Choice: {
        std::vector<std::string> options;
        for (const auto& c : request.choices) options.push_back(c.first);
        dialog = widgets::Dialog::choice(request.title, text, std::move(options));
        break;
    }
    }
    on_accept = request.on_accept;
    dialog_wizards.clear();
    for (const auto& c : request.choices) dialog_wizards.push_back(c.second);
    mode = Mode::Dialog;
}

Flags Console::Impl::apply(Effects& fx) {
    Flags f = kNone;
    if (fx.dialog) {
        open_dialog(*fx.dialog);
        f |= kHandled | kRedraw | kChrome;
    }
    if (!fx.clipboard.empty()) clipboard = fx.clipboard;
    if (!fx.message.empty()) {
        say(fx.message, fx.message_is_error);
        f |= kChrome;
    }
    if (fx.wizard) f |= open_wizard(*fx.wizard);
    return f;
}

std::size_t Console::Impl::index_of(std::string_view id) const {
    for (std::size_t i = 0; i < screens.size(); ++i) {
        if (screens[i]->id() == id) return i;
    }
    return screens.size();
}

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

void Console::Impl::say(std::string text, bool error) {
    message = std::move(text);
    message_is_error = error;
}

std::vector<std::string> Console::Impl::region_names() const {
    std::vector<std::string> out;
    for (const auto& rd : snapshot->regions) {
        if (std::find(out.begin(), out.end(), rd.region) == out.end()) out.push_back(rd.region);
    }
    return out;
}

std::vector<std::string> Console::Impl::profile_names() const {
    std::vector<std::string> out;
    for (const auto& rd : snapshot->regions) {
        const std::string& p = rd.profile.empty() ? rd.account_name : rd.profile;
        if (!p.empty() && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    }
    return out;
}

void Console::Impl::evaluate() {
    findings_at = clock->now();
    if (findings_worker) return findings_worker->request(snapshot, findings_at);
    findings = options.evaluate ? options.evaluate(*snapshot, findings_at) : std::vector<health::Finding>{};
}

Flags Console::Impl::run(const std::string& command) {
    const ScreenContext ctx = context();
    Screen& screen = *screens[active];
    if (command == "quit") {
        if (wizard_open()) {
            const auto v = wizard->runner()->view();
            DialogRequest d;
            d.kind = DialogRequest::Kind::Confirm;
            d.title = "Quit while a wizard is running?";
            d.lines = {v->runbook_name + " is at step " + std::to_string(v->current + 1) + " of " +
                           std::to_string(v->rail.size()) + (v->busy ? " (" + v->busy_with + ")" : "") + ".",
                       "Its state is saved after every step: start vaultdeck",
                       "again and it offers to resume (or type :resume).",
                       "A restore already sent keeps running in AWS."};
            d.yes_label = "Quit";
            d.no_label = "Stay";
            d.on_accept = [](const std::string&) -> Flags { return kHandled | kQuit; };
            open_dialog(d);
            return kHandled | kRedraw | kChrome;
        }
        return kHandled | kQuit;
    }
    if (command == "help") {
        help.emplace(help_bindings(bindings), "Keys: " + std::string(screen.title()));
        mode = Mode::Help;
        return kHandled | kRedraw;
    }
    if (command == "command-line") {
        mode = Mode::Command;
        input.clear();
        candidates.clear();
        return kHandled | kChrome;
    }
    if (command == "filter") {
        if (!screen.filterable()) {
            say("this screen has no filter", false);
            return kHandled | kChrome;
        }
        mode = Mode::Filter;
        filter_before = screen.filter();
        input = filter_before;
        return kHandled | kChrome;
    }
    if (command == "refresh") {
        say("refreshing…", false);
        if (screen.id() == "audit") reload_audit();
        return kHandled | kRefetch | kChrome | kRedraw;
    }
    if (command == "copy-arn") {
        const std::string arn = screen.selected_arn(ctx);
        if (arn.empty()) {
            say("nothing with an ARN is selected", false);
        } else {
            clipboard = arn;
            say("copied " + arn, false);
        }
        return kHandled | kChrome;
    }
    if (command == "next-screen" || command == "prev-screen") {
        std::size_t n = 0;
        for (const auto& s : screens) n += s->listed() ? 1 : 0;  // unlisted screens are the last ones
        return switch_to(command == "next-screen" ? (active + 1) % n : (active + n - 1) % n);
    }
    if (command.rfind("screen-", 0) == 0) {
        return switch_to(static_cast<std::size_t>(std::stoi(command.substr(7)) - 1));
    }
    if (command == "repaint") {
        repaint = true;
        return kHandled | kRedraw | kChrome;
    }
    if (command == "back") {
        if (screen.back()) return kHandled | kRedraw | kChrome;
        if (!screen.filter().empty()) {
            screen.set_filter({});
            return kHandled | kRedraw | kChrome;
        }
        if (!history.empty()) {
            active = history.back();
            history.pop_back();
            rebind();
            return kHandled | kRedraw | kChrome;
        }
        return kHandled;
    }
    Effects fx;
    Flags f = screen.command(ctx, command, fx);
    return f | apply(fx);
}

CompletionSource Console::Impl::completion_source() const {
    CompletionSource source;
    for (const auto& s : screens) source.screens.emplace_back(s->id());
    for (const auto& [alias, id] : screen_aliases()) source.screens.push_back(alias);
    source.regions = region_names();
    source.profiles = profile_names();
    if (options.wizards.runbooks) source.runbooks = options.wizards.runbooks();
    if (options.wizards.unfinished) {
        for (const auto& w : options.wizards.unfinished()) source.wizards.push_back(w.id);
    }
    for (const auto& rd : snapshot->regions) {
        for (const auto& db : rd.db_instances) {
            if (std::find(source.resources.begin(), source.resources.end(), db.identifier) == source.resources.end())
                source.resources.push_back(db.identifier);
        }
    }
    return source;
}

Flags Console::Impl::execute_command_line() {
    const CompletionSource source = completion_source();
    const CommandLineAction action = parse_command_line(input, source);
    mode = Mode::Normal;
    using Kind = CommandLineAction::Kind;
    switch (action.kind) {
    case Kind::Quit:
        return run("quit");
    case Kind::Help:
        return run("help");
    case Kind::Refresh:
        return run("refresh");
    case Kind::Region:
        scope.region = action.argument;
        say(scope.region.empty() ? "showing every region" : "showing region " + scope.region, false);
        return kHandled | kRedraw | kChrome;
    case Kind::Profile:
        scope.profile = action.argument;
        say(scope.profile.empty() ? "showing every profile" : "showing profile " + scope.profile, false);
        return kHandled | kRedraw | kChrome;
    case Kind::Screen: {
        const std::string id = canonical_screen(action.argument);
        for (std::size_t i = 0; i < screens.size(); ++i) {
            if (screens[i]->id() == id) return switch_to(i);
        }
        say("unknown screen " + id, true);
        return kHandled | kChrome;
    }
    case Kind::Restore: {
        runbook::Variables inputs;
        for (auto& [k, v] : wizard_inputs_for_selection(screens[active]->selected_arn(context()))) inputs[k] = v;
        return open_wizard({action.argument.empty() ? "restore-from-backup" : action.argument, inputs, {}});
    }
    case Kind::Drill: {
        runbook::Variables inputs;
        if (!action.argument.empty()) inputs["resource"] = action.argument;
        else
            for (auto& [k, v] : wizard_inputs_for_selection(screens[active]->selected_arn(context()))) inputs[k] = v;
        return open_wizard({"monthly-drill", inputs, {}});
    }
    case Kind::Resume:
        if (wizard_open()) {
            say("a wizard is already open (screen 9)", false);
            return switch_to(index_of("wizard")) | kChrome;
        }
        return offer_resume(action.argument);
    case Kind::Error:
        say(action.argument, true);
        return kHandled | kChrome;
    }
    return kHandled;
}

Flags Console::Impl::edit(const KeyEvent& ev) {
    const bool filtering = mode == Mode::Filter;
    Screen& screen = *screens[active];
    if (ev.is(Key::Escape)) {
        if (filtering) screen.set_filter(filter_before);
        mode = Mode::Normal;
        candidates.clear();
        return kHandled | kChrome | kRedraw;
    }
    if (ev.is(Key::Enter)) {
        candidates.clear();
        if (filtering) {
            mode = Mode::Normal;
            return kHandled | kChrome | kRedraw;
        }
        return execute_command_line() | kChrome;
    }
    if (ev.is(Key::Tab) && !filtering) {
        const Completion c = complete_command_line(input, completion_source());
        input = c.text;
        candidates = c.candidates;
        return kHandled | kChrome;
    }
    bool changed = false;
    if (ev.key == Key::Backspace) {
        if (input.empty()) {
            if (filtering) screen.set_filter(filter_before);
            mode = Mode::Normal;
            return kHandled | kChrome | kRedraw;
        }
        std::size_t cut = input.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(input[cut]) & 0xC0) == 0x80) --cut;
        input.erase(cut);
        changed = true;
    } else if (ev.key == Key::Char && (ev.mods & widgets::kModCtrl) && ev.ch == U'u') {
        input.clear();
        changed = true;
    } else if (ev.key == Key::Char && (ev.mods & (widgets::kModCtrl | widgets::kModAlt)) == 0) {
        input += ev.text();
        changed = true;
    }
    if (!changed) {
        return kHandled;
    }
    candidates.clear();
    if (filtering) {
        screen.set_filter(input);
        return kHandled | kChrome | kRedraw;
    }
    return kHandled | kChrome;
}

Flags Console::Impl::mouse(const widgets::MouseEvent& m) {
    if (mode != Mode::Normal || !m.pressed) {
        return kNone;
    }
    if (m.y == 1 && m.button == widgets::MouseButton::Left) {
        if (const auto tab = tab_row.tab_at(m.x)) return switch_to(*tab);
        return kHandled;
    }
    if (m.y < 2) {
        return kHandled;
    }
    widgets::MouseEvent local = m;
    local.y -= 2;
    Effects fx;
    Flags f = screens[active]->mouse(context(), local, fx);
    return f | apply(fx);
}

Console::Console(ConsoleOptions options, widgets::Theme theme)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(theme))) {
    show_screen(impl_->options.initial_screen);
    impl_->history.clear();
    impl_->reload_audit();
    if (impl_->options.wizards.unfinished && !impl_->options.wizards.unfinished().empty()) impl_->offer_resume({});
}

Console::~Console() = default;

void Console::set_snapshot(poll::SnapshotPtr snapshot) {
    if (!snapshot) {
        return;
    }
    const bool read_only_changed = snapshot->read_only != impl_->snapshot->read_only;
    const bool new_notice = !snapshot->notice.empty() && snapshot->notice != impl_->snapshot->notice;
    impl_->snapshot = std::move(snapshot);
    if (new_notice) notify(impl_->snapshot->notice);
    impl_->evaluate();
    if (read_only_changed) impl_->rebind();
}

void Console::tick() {
    if (impl_->clock->now() - impl_->findings_at >= std::chrono::minutes(1)) {
        impl_->evaluate();
    }
    if (impl_->wizard != nullptr && impl_->wizard->runner()) impl_->wizard->runner()->tick();
}

bool Console::take_findings() {
    if (!impl_->findings_worker) return false;
    auto done = impl_->findings_worker->take();
    if (!done) return false;
    impl_->findings = std::move(done->findings);
    return true;
}

bool Console::take_wizard_update() {
    Impl& s = *impl_;
    if (s.wizard == nullptr || !s.wizard->runner()) return false;
    const std::uint64_t version = s.wizard->runner()->view()->version;
    if (version == s.wizard_version) return false;
    s.wizard_version = version;
    s.rebind();
    return true;
}

bool Console::wizard_running() const { return impl_->wizard_open(); }

Flags Console::handle(const KeyEvent& ev) {
    using Mode = Impl::Mode;
    Impl& s = *impl_;
    if (ev.key == Key::Resize) {
        return kHandled | kRedraw | kChrome;
    }
    if (ev.key == Key::Mouse) {
        return s.mouse(ev.mouse);
    }
    const bool had_message = !s.message.empty();
    s.message.clear();
    const Flags cleared = had_message ? kChrome : kNone;
    switch (s.mode) {
    case Mode::Command:
    case Mode::Filter:
        return s.edit(ev) | cleared;
    case Mode::Help:
        if (!s.help) {
            s.mode = Mode::Normal;
            return kHandled | kRedraw;
        }
        s.help->handle(ev);
        if (s.help->closed()) {
            s.help.reset();
            s.mode = Mode::Normal;
        }
        return kHandled | kRedraw | kChrome | cleared;
    case Mode::Dialog: {
        if (s.dialog) s.dialog->handle(ev);
        if (s.dialog && s.dialog->result() == widgets::DialogResult::Open) return kHandled | kRedraw | kChrome | cleared;
        const bool accepted = s.dialog && s.dialog->result() == widgets::DialogResult::Accepted;
        const std::string typed = s.dialog ? s.dialog->typed() : std::string();
        const std::size_t chosen = s.dialog ? s.dialog->chosen() : 0;
        auto on_accept = std::move(s.on_accept);
        auto wizards = std::move(s.dialog_wizards);
        s.on_accept = nullptr;
        s.dialog_wizards.clear();
        s.mode = Mode::Normal;
        s.dialog.reset();
        Flags f = kHandled | kRedraw | kChrome | cleared;
        if (accepted && on_accept) f |= on_accept(typed);
        if (accepted && chosen < wizards.size()) f |= s.open_wizard(wizards[chosen]);
        s.rebind();
        return f;
    }
    case Mode::Normal:
        break;
    }
    s.rebind();
    Screen& screen = *s.screens[s.active];
    if (screen.capturing()) {
        Effects fx;
        const Flags f = screen.input(s.context(), ev, fx);
        return f | s.apply(fx) | cleared | kChrome;
    }
    const KeyBinding* binding = widgets::find_binding(s.bindings, ev);
    if (binding == nullptr) {
        return cleared;
    }
    return s.run(binding->command) | cleared;
}

bool Console::show_screen(std::string_view id) {
    const std::string wanted = canonical_screen(id);
    for (std::size_t i = 0; i < impl_->screens.size(); ++i) {
        if (impl_->screens[i]->id() == wanted) {
            impl_->switch_to(i);
            return true;
        }
    }
    return false;
}

bool Console::editing() const {
    return impl_->mode == Impl::Mode::Command || impl_->mode == Impl::Mode::Filter;
}

std::string Console::take_clipboard() { return std::exchange(impl_->clipboard, {}); }

bool Console::take_repaint() { return std::exchange(impl_->repaint, false); }

const std::vector<widgets::KeyBinding>& Console::bindings() const { return impl_->bindings; }

const Screen& Console::screen() const { return *impl_->screens[impl_->active]; }

const std::vector<health::Finding>& Console::findings() const { return impl_->findings; }

const poll::SnapshotPtr& Console::snapshot() const { return impl_->snapshot; }

void Console::notify(std::string message) { impl_->say(std::move(message), true); }

void Console::set_footer_extra(std::string text) { impl_->footer_extra = std::move(text); }

}  // namespace vd::tui
