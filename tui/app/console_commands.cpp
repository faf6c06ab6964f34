// The console's global commands and what each does.
#include "tui/app/console_commands.hpp"

#include <algorithm>
#include <charconv>

#include "tui/app/console_impl.hpp"

namespace vd::tui {
namespace {

using Impl = Console::Impl;
using widgets::KeyBinding;

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

void Console::Impl::show_help() {
    help.emplace(help_bindings(bindings), "Keys: " + std::string(screen().title()));
    mode = Mode::Help;
}

namespace {

Flags quit(Impl& c, const std::string&) {
    if (!c.wizard_open()) return kHandled | kQuit;
    const auto v = c.wizard->runner()->view();
    DialogRequest d;
    d.kind = DialogRequest::Kind::Confirm;
    d.title = "Quit while a wizard is running?";
    d.lines = {v->runbook_name + " is at step " + std::to_string(v->current + 1) + " of " + std::to_string(v->rail.size()) +
                   (v->busy ? " (" + v->busy_with + ")" : "") + ".",
               "Its state is saved after every step: start vaultdeck",
               "again and it offers to resume (or type :resume).",
               "A restore already sent keeps running in AWS."};
    d.yes_label = "Quit";
    d.no_label = "Stay";
    d.on_accept = [](const std::string&) -> Flags { return kHandled | kQuit; };
    c.open_dialog(d);
    return kHandled | kRedraw | kChrome;
}

Flags help(Impl& c, const std::string&) {
    c.show_help();
    return kHandled | kRedraw;
}

Flags command_line(Impl& c, const std::string&) {
    c.mode = Impl::Mode::Command;
    c.input.set_value({});
    c.candidates.clear();
    return kHandled | kChrome;
}

Flags filter(Impl& c, const std::string&) {
    Screen& screen = c.screen();
    if (!screen.filterable()) {
        c.say("this screen has no filter", false);
        return kHandled | kChrome;
    }
    c.mode = Impl::Mode::Filter;
    c.filter_before = screen.filter();
    c.input.set_value(c.filter_before);
    return kHandled | kChrome;
}

Flags refresh(Impl& c, const std::string&) {
    c.say("refreshing…", false);
    c.screen().on_enter(c.context());
    return kHandled | kRefetch | kChrome | kRedraw;
}

Flags copy_arn(Impl& c, const std::string&) {
    const std::string arn = c.screen().selected_arn(c.context());
    if (arn.empty()) {
        c.say("nothing with an ARN is selected", false);
    } else {
        c.clipboard = arn;
        c.say("copied " + arn, false);
    }
    return kHandled | kChrome;
}

// The number of screens with a tab: unlisted screens are the last ones.
std::size_t listed_screens(const Impl& c) {
    std::size_t n = 0;
    for (const auto& s : c.screens) n += s->listed() ? 1 : 0;
    return n;
}

Flags next_screen(Impl& c, const std::string&) { return c.switch_to((c.active + 1) % listed_screens(c)); }

Flags prev_screen(Impl& c, const std::string&) {
    const std::size_t n = listed_screens(c);
    return c.switch_to((c.active + n - 1) % n);
}

Flags repaint(Impl& c, const std::string&) {
    c.repaint = true;
    return kHandled | kRedraw | kChrome;
}

Flags back(Impl& c, const std::string&) {
    Screen& screen = c.screen();
    if (screen.back()) return kHandled | kRedraw | kChrome;
    if (!screen.filter().empty()) {
        screen.set_filter({});
        return kHandled | kRedraw | kChrome;
    }
    if (c.history.empty()) return kHandled;
    c.switch_to(c.history.back(), false);
    c.history.pop_back();
    return kHandled | kRedraw | kChrome;
}

Flags region(Impl& c, const std::string& name) {
    c.scope.region = name;
    c.say(name.empty() ? "showing every region" : "showing region " + name, false);
    return kHandled | kRedraw | kChrome;
}

Flags profile(Impl& c, const std::string& name) {
    c.scope.profile = name;
    c.say(name.empty() ? "showing every profile" : "showing profile " + name, false);
    return kHandled | kRedraw | kChrome;
}

// The wizard inputs of what the active screen has selected (an RDS instance or cluster).
runbook::Variables selection_inputs(Impl& c) {
    runbook::Variables inputs;
    for (auto& [k, v] : wizard_inputs_for_selection(c.screen().selected_arn(c.context()))) inputs[k] = v;
    return inputs;
}

Flags restore(Impl& c, const std::string& runbook) {
    return c.open_wizard({runbook.empty() ? "restore-from-backup" : runbook, selection_inputs(c), {}});
}

Flags drill(Impl& c, const std::string& resource) {
    runbook::Variables inputs;
    if (!resource.empty()) inputs["resource"] = resource;
    else inputs = selection_inputs(c);
    return c.open_wizard({"monthly-drill", inputs, {}});
}

Flags resume(Impl& c, const std::string& id) {
    if (c.wizard_open()) {
        c.say("a wizard is already open (screen 9)", false);
        return c.switch_to(c.index_of("wizard")) | kChrome;
    }
    return c.offer_resume(id);
}

}  // namespace

const std::vector<ConsoleCommand>& console_commands() {
    static const std::vector<ConsoleCommand> kCommands = {
        {"help", {}, "?", "Help: every key on this screen", true, true, Argument::None, false, help},
        {"filter", {}, "/", "Filter rows: text, or column:value", true, false, Argument::None, false, filter},
        {"command-line", {}, ":", "Command line: :rp :jobs :restore :drill :resume :region NAME :q", true, false,
         Argument::None, false, command_line},
        {"refresh", {}, "r", "Fetch everything now", true, true, Argument::None, false, refresh},
        {"copy-arn", {}, "y", "Copy the selected ARN to the clipboard (OSC 52)", true, false, Argument::None, false, copy_arn},
        {"quit", {"q", "q!"}, "q", "Quit", true, true, Argument::None, false, quit},
        {"back", {}, "esc", "Back: close the pane, the filter or the overlay", false, false, Argument::None, false, back},
        {"next-screen", {}, "tab", "Next screen", false, false, Argument::None, false, next_screen},
        {"prev-screen", {}, "shift+tab", "Previous screen", false, false, Argument::None, false, prev_screen},
        {"repaint", {}, "ctrl+l", "Repaint the whole terminal", false, false, Argument::None, false, repaint},
        {"region", {}, {}, "Show one region (:region NAME), or every region (:region)", false, true, Argument::Region,
         false, region},
        {"profile", {}, {}, "Show one profile (:profile NAME), or every profile (:profile)", false, true,
         Argument::Profile, false, profile},
        {"restore", {}, {}, "Open a restore wizard (:restore [RUNBOOK]) for the selected database", false, true,
         Argument::Runbook, false, restore},
        {"drill", {}, {}, "Open a drill wizard (:drill [RESOURCE]) for the selected database", false, true,
         Argument::Resource, false, drill},
        {"resume", {}, {}, "Resume an unfinished wizard (:resume [WIZARD-ID])", false, true, Argument::Wizard, false, resume},
    };
    return kCommands;
}

const ConsoleCommand* typed_command(std::string_view word) {
    for (const auto& c : console_commands()) {
        if (!c.typed) continue;
        if (c.name == word) return &c;
        for (auto alias : c.aliases)
            if (alias == word) return &c;
    }
    return nullptr;
}

const ConsoleCommand* keyed_command(std::string_view name) {
    for (const auto& c : console_commands())
        if (!c.key.empty() && c.name == name) return &c;
    return nullptr;
}

std::optional<std::size_t> screen_number(std::string_view name) {
    constexpr std::string_view kPrefix = "screen-";
    if (name.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    std::size_t n = 0;
    const auto digits = name.substr(kPrefix.size());
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size() || n == 0) return std::nullopt;
    return n - 1;
}

}  // namespace vd::tui
