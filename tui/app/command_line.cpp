// Parsing and completing the `:` command line.
#include "tui/app/command_line.hpp"

#include <algorithm>

#include "widgets/text.hpp"

namespace vd::tui {
namespace {

// The words that are commands themselves (besides screen ids).
const std::vector<std::string>& verbs() {
    static const std::vector<std::string> kVerbs = {"region", "profile", "restore", "drill", "resume",
                                                       "refresh", "help", "q", "quit"};
    return kVerbs;
}

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

}  // namespace

CommandLineAction parse_command_line(std::string_view text, const CompletionSource& source) {
    using Kind = CommandLineAction::Kind;
    const auto [verb_raw, argument] = split_verb(text);
    const std::string verb = widgets::ascii_lower(verb_raw);
    if (verb.empty()) {
        return {Kind::Error, "type a command: rp, jobs, timeline, plans, rds, drills, audit, region, q"};
    }
    if (verb == "q" || verb == "quit" || verb == "q!") return {Kind::Quit, {}};
    if (verb == "refresh") return {Kind::Refresh, {}};
    if (verb == "help") return {Kind::Help, {}};
    if (verb == "restore") {
        if (!argument.empty() && std::find(source.runbooks.begin(), source.runbooks.end(), argument) == source.runbooks.end()) {
            std::string known;
            for (const auto& n : source.runbooks) known += (known.empty() ? "" : ", ") + n;
            return {Kind::Error, "no runbook '" + argument + "' (known: " + known + ")"};
        }
        return {Kind::Restore, argument};
    }
    if (verb == "drill") return {Kind::Drill, argument};
    if (verb == "resume") return {Kind::Resume, argument};
    if (verb == "region" || verb == "profile") {
        const auto& names = verb == "region" ? source.regions : source.profiles;
        const std::string wanted = argument == "all" || argument == "*" ? std::string() : argument;
        if (!wanted.empty() && std::find(names.begin(), names.end(), wanted) == names.end()) {
            std::string known;
            for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
            return {Kind::Error, "no " + verb + " '" + wanted + "' in this view (known: " + known + ")"};
        }
        return {verb == "region" ? Kind::Region : Kind::Profile, wanted};
    }
    const auto screens = starting_with(source.screens, verb);
    if (std::find(source.screens.begin(), source.screens.end(), verb) != source.screens.end()) {
        return {Kind::Screen, verb};
    }
    if (screens.size() == 1) {
        return {Kind::Screen, screens.front()};
    }
    return {Kind::Error, "unknown command ':" + verb_raw + "' (Tab completes)"};
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
        std::vector<std::string> words = source.screens;
        words.insert(words.end(), verbs().begin(), verbs().end());
        auto matches = starting_with(words, text);
        std::sort(matches.begin(), matches.end());
        if (matches.empty()) {
            return {std::string(text), {}};
        }
        if (matches.size() == 1) {
            const std::string& m = matches.front();
            const bool takes_argument = m == "region" || m == "profile" || m == "restore" || m == "drill" || m == "resume";
            return {matches.front() + (takes_argument ? " " : ""), matches};
        }
        const std::string prefix = common_prefix(matches);
        return {prefix.size() > text.size() ? prefix : std::string(text), matches};
    }
    const std::string verb = widgets::ascii_lower(text.substr(0, space));
    std::string_view word = text.substr(space + 1);
    while (!word.empty() && word.front() == ' ') word.remove_prefix(1);
    const std::vector<std::string>* names = verb == "region"    ? &source.regions
                                            : verb == "profile" ? &source.profiles
                                            : verb == "restore" ? &source.runbooks
                                            : verb == "drill"   ? &source.resources
                                            : verb == "resume"  ? &source.wizards
                                                                : nullptr;
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
