// The `:` command line and the `/` filter prompt: editing, completion and
// running what was typed.
#include <algorithm>

#include "tui/app/command_line.hpp"
#include "tui/app/console_commands.hpp"
#include "tui/app/console_impl.hpp"

namespace vd::tui {

using widgets::Key;
using widgets::KeyEvent;

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

CompletionSource Console::Impl::completion_source() const {
    CompletionSource source;
    for (const auto& s : screens) {
        source.screens.emplace_back(s->id());
        for (auto alias : s->aliases()) source.screens.emplace_back(alias);
    }
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
    const CommandLineAction action = parse_command_line(input.value(), completion_source());
    mode = Mode::Normal;
    using Kind = CommandLineAction::Kind;
    switch (action.kind) {
    case Kind::Command:
        return typed_command(action.name)->run(*this, action.argument);
    case Kind::Screen:
        if (const std::size_t i = index_of(action.name); i < screens.size()) return switch_to(i);
        say("unknown screen " + action.name, true);
        return kHandled | kChrome;
    case Kind::Error:
        say(action.argument, true);
        return kHandled | kChrome;
    }
    return kHandled;
}

Flags Console::Impl::edit(const KeyEvent& ev) {
    const bool filtering = mode == Mode::Filter;
    if (ev.is(Key::Escape) || (ev.key == Key::Backspace && input.value().empty())) {
        if (filtering) screen().set_filter(filter_before);
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
        const Completion c = complete_command_line(input.value(), completion_source());
        input.set_value(c.text);
        candidates = c.candidates;
        return kHandled | kChrome;
    }
    if (!input.handle(ev)) {
        return kHandled;
    }
    candidates.clear();
    if (filtering) {
        screen().set_filter(input.value());
        return kHandled | kChrome | kRedraw;
    }
    return kHandled | kChrome;
}

}  // namespace vd::tui
