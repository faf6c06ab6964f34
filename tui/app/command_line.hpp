// The `:` command line: what a typed command means, and Tab completion.
//   :rp :jobs :timeline :plans :rds :drills :audit :dashboard  switch screens
//     (a screen's id, one of its aliases, or a prefix only it has)
//   :region NAME  :profile NAME  (":region" alone shows every region again)
//   :restore [RUNBOOK]  :drill [RESOURCE]  :resume [WIZARD-ID]  open a wizard
//     (:restore and :drill start from the RDS instance or cluster selected)
//   :refresh  :help  :q
// The verbs and what they take are the typed rows of console_commands().
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vd::tui {

// What a command line asks for.
struct CommandLineAction {
    enum class Kind { Screen, Command, Error } kind = Kind::Error;
    std::string name;      // the screen (id or alias) or the command (console_commands)
    std::string argument;  // the command's region, profile, runbook, resource or wizard id; the error text
};

// Names the completion offers for arguments.
struct CompletionSource {
    std::vector<std::string> screens;   // screen ids and aliases
    std::vector<std::string> regions;
    std::vector<std::string> profiles;
    std::vector<std::string> runbooks;   // :restore
    std::vector<std::string> resources;  // :drill (DB instance identifiers)
    std::vector<std::string> wizards;    // :resume (unfinished wizard ids)
};

// Interprets a command line (without the leading ':').
CommandLineAction parse_command_line(std::string_view text, const CompletionSource& source);

// The wizard inputs that start a restore or drill from a selected RDS
// instance or cluster ARN (arn:aws:rds:REGION:ACCOUNT:db:NAME or
// ...:cluster:NAME): resource, source and region; empty for anything else.
std::map<std::string, std::string> wizard_inputs_for_selection(const std::string& arn);

// The result of pressing Tab.
struct Completion {
    std::string text;                     // the line after completion
    std::vector<std::string> candidates;  // what still matches (shown to the user)
};

// Completes the word under the cursor (at the end of the line) to the
// longest common prefix of the matching names.
Completion complete_command_line(std::string_view text, const CompletionSource& source);

}  // namespace vd::tui
