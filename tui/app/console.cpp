// The console's state machine: keys become commands, commands change the
// view state or ask the loop for something (flags).
#include "tui/app/console.hpp"

#include <algorithm>
#include <utility>

#include "tui/app/command_line.hpp"
#include "tui/app/console_commands.hpp"
#include "tui/app/console_impl.hpp"
#include "tui/app/keys.hpp"
#include "tui/screens/format.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Key;
using widgets::KeyBinding;
using widgets::KeyEvent;

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
    ctx.read_audit = options.load_audit;
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

Flags Console::Impl::switch_to(std::size_t index, bool remember) {
    if (index >= screens.size()) {
        return kHandled;
    }
    if (!screens[index]->listed()) {
        say("no wizard is open: Enter on a recovery point, :restore, :drill or :resume opens one", false);
        return kHandled | kChrome;
    }
    if (index != active) {
        if (remember) history.push_back(active);
        if (history.size() > 32) history.erase(history.begin());
        active = index;
        rebind();
        screen().on_enter(context());
    }
    return kHandled | kRedraw | kChrome;
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

std::size_t Console::Impl::index_of(std::string_view name) const {
    for (std::size_t i = 0; i < screens.size(); ++i) {
        if (screens[i]->id() == name) return i;
        for (auto alias : screens[i]->aliases())
            if (alias == name) return i;
    }
    return screens.size();
}

void Console::Impl::say(std::string text, bool error) {
    message = std::move(text);
    message_is_error = error;
}

void Console::Impl::evaluate() {
    findings_at = clock->now();
    if (findings_worker) return findings_worker->request(snapshot, findings_at);
    findings = options.evaluate ? options.evaluate(*snapshot, findings_at) : std::vector<health::Finding>{};
}

Flags Console::Impl::run(const std::string& command) {
    if (const ConsoleCommand* c = keyed_command(command)) return c->run(*this, {});
    if (const auto n = screen_number(command)) return switch_to(*n);
    Effects fx;
    const Flags f = screen().command(context(), command, fx);
    return f | apply(fx);
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
    if (!show_screen(impl_->options.initial_screen) || impl_->active == 0) impl_->screen().on_enter(impl_->context());
    impl_->history.clear();
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
    case Mode::Dialog:
        return s.dialog_key(ev) | cleared;
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
    const std::size_t i = impl_->index_of(id);
    if (i >= impl_->screens.size()) return false;
    impl_->switch_to(i);
    return true;
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
