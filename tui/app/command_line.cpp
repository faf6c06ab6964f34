// Parsing and completing the `:` command line.
#include "tui/app/command_line.hpp"

#include <algorithm>

#include "tui/app/console_commands.hpp"
#include "widgets/text.hpp"

namespace vd::tui {
namespace {

// Splits "region eu-west-1" into the verb and the rest, trimmed.
std::pair<std::string, std::string> split_verb(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    const auto space = text.find(' ');
    if (space == std::string_view::npos) {
        return {std::string(text), {}};
    }
    std::string_view rest = text.substr(space + 1);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    return {std::string(text.substr(0, space)), std::string(rest)};
}

// The names in `names` that start with `prefix`, ignoring ASCII case.
std::vector<std::string> starting_with(const std::vector<std::string>& names, std::string_view prefix) {
    const std::string p = widgets::ascii_lower(prefix);
    std::vector<std::string> out;
    for (const auto& n : names) {
        if (widgets::ascii_lower(n).rfind(p, 0) == 0 && std::find(out.begin(), out.end(), n) == out.end()) {
            out.push_back(n);
        }
    }
    return out;
}

// The longest prefix all names share.
std::string common_prefix(const std::vector<std::string>& names) {
    if (names.empty()) {
        return {};
    }
    std::string prefix = names.front();
    for (const auto& n : names) {
        std::size_t i = 0;
        while (i < prefix.size() && i < n.size() && prefix[i] == n[i]) ++i;
        prefix.resize(i);
    }
    return prefix;
}

// The names Tab completes after a command that takes `argument`.
const std::vector<std::string>* argument_names(const CompletionSource& source, Argument argument) {
    switch (argument) {
    case Argument::Region: return &source.regions;
    case Argument::Profile: return &source.profiles;
    case Argument::Runbook: return &source.runbooks;
    case Argument::Resource: return &source.resources;
    case Argument::Wizard: return &source.wizards;
    case Argument::None: break;
    }
    return nullptr;
}

// Every word that can start a command line: screens, their aliases, commands.
std::vector<std::string> first_words(const CompletionSource& source) {
    std::vector<std::string> words = source.screens;
    for (const auto& c : console_commands()) {
        if (!c.typed) continue;
        words.emplace_back(c.name);
        for (auto alias : c.aliases) words.emplace_back(alias);
    }
    return words;
}

// "a, b, c".
std::string joined(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

// The command with its argument checked: a region or profile must be in
// the view ("all" or "*" means every one), a runbook must exist.
CommandLineAction command_action(const ConsoleCommand& command, std::string argument, const CompletionSource& source) {
    using Kind = CommandLineAction::Kind;
    const std::string name(command.name);
    if (command.argument == Argument::Region || command.argument == Argument::Profile) {
        if (argument == "all" || argument == "*") argument.clear();
        const auto& names = *argument_names(source, command.argument);
        if (!argument.empty() && std::find(names.begin(), names.end(), argument) == names.end())
            return {Kind::Error, name, "no " + name + " '" + argument + "' in this view (known: " + joined(names) + ")"};
    }
    if (command.argument == Argument::Runbook && !argument.empty() &&
        std::find(source.runbooks.begin(), source.runbooks.end(), argument) == source.runbooks.end())
        return {Kind::Error, name, "no runbook '" + argument + "' (known: " + joined(source.runbooks) + ")"};
    if (command.argument == Argument::None) argument.clear();
    return {Kind::Command, name, std::move(argument)};
}

}  // namespace

CommandLineAction parse_command_line(std::string_view text, const CompletionSource& source) {
    using Kind = CommandLineAction::Kind;
    const auto [verb_raw, argument] = split_verb(text);
    const std::string verb = widgets::ascii_lower(verb_raw);
    if (verb.empty()) {
        return {Kind::Error, {}, "type a command or a screen: Tab lists them (rp, jobs, region NAME, q...)"};
    }
    if (const ConsoleCommand* command = typed_command(verb)) return command_action(*command, argument, source);
    if (std::find(source.screens.begin(), source.screens.end(), verb) != source.screens.end()) {
        return {Kind::Screen, verb, {}};
    }
    const auto screens = starting_with(source.screens, verb);
    if (screens.size() == 1) {
        return {Kind::Screen, screens.front(), {}};
    }
    return {Kind::Error, {}, "unknown command ':" + verb_raw + "' (Tab completes)"};
}

std::map<std::string, std::string> wizard_inputs_for_selection(const std::string& arn) {
    // arn : aws : rds : REGION : ACCOUNT : db|cluster : NAME
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t colon; (colon = arn.find(':', start)) != std::string::npos; start = colon + 1)
        parts.push_back(arn.substr(start, colon - start));
    parts.push_back(arn.substr(start));
    if (parts.size() != 7 || parts[0] != "arn" || parts[2] != "rds" || parts[3].empty() || parts[6].empty()) return {};
    if (parts[5] != "db" && parts[5] != "cluster") return {};
    return {{"resource", arn}, {"source", parts[6]}, {"region", parts[3]}};
}

Completion complete_command_line(std::string_view text, const CompletionSource& source) {
    const auto space = text.find(' ');
    if (space == std::string_view::npos) {
        auto matches = starting_with(first_words(source), text);
        std::sort(matches.begin(), matches.end());
        if (matches.empty()) {
            return {std::string(text), {}};
        }
        if (matches.size() == 1) {
            const std::string& m = matches.front();
            const ConsoleCommand* command = typed_command(m);
            const bool takes_argument = command != nullptr && command->argument != Argument::None;
            return {matches.front() + (takes_argument ? " " : ""), matches};
        }
        const std::string prefix = common_prefix(matches);
        return {prefix.size() > text.size() ? prefix : std::string(text), matches};
    }
    const std::string verb = widgets::ascii_lower(text.substr(0, space));
    std::string_view word = text.substr(space + 1);
    while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
    const ConsoleCommand* command = typed_command(verb);
    const std::vector<std::string>* names = command ? argument_names(source, command->argument) : nullptr;
    if (names == nullptr) {
        return {std::string(text), {}};
    }
    auto matches = starting_with(*names, word);
    std::sort(matches.begin(), matches.end());
    if (matches.empty()) {
        return {std::string(text), {}};
    }
    const std::string completed = matches.size() == 1 ? matches.front() : common_prefix(matches);
    const std::string head = std::string(text.substr(0, space + 1));
    return {head + (completed.size() > word.size() ? completed : std::string(word)), matches};
}

}  // namespace vd::tui
