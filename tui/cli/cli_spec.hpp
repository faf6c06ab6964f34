// The command line, described once: the CLI11 tree that parses it and prints
// --help, and the tables (list kinds, environment variables, files, exit
// codes) that the help footer, the man page and the shell completions are
// all made from. Nothing else spells out an option.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "backend/core/result.hpp"
#include "tui/cli/commands.hpp"

namespace vd::cli {

// One row of a reference table: a name and what it means.
struct Entry {
    std::string_view name;
    std::string_view text;
};

// `list KIND`: each kind and the AWS operation(s) behind it.
const std::vector<Entry>& list_kinds();
// Environment variables vaultdeck reads.
const std::vector<Entry>& environment_variables();
// Files vaultdeck reads and writes.
const std::vector<Entry>& files();
// Exit codes, in order.
const std::vector<Entry>& exit_codes();
// The names of the console's screens and of the built-in runbooks (completion values).
std::vector<std::string> screen_ids();
std::vector<std::string> builtin_runbook_names();

// Everything the command line can hold, and which subcommand was chosen.
struct CommandLine {
    GlobalOptions global;
    ListOptions list;
    StatusOptions status;
    DrillOptions drill;
    RunbookOptions runbook;
    RenderOptions render;
    SimOptions sim;
    std::string wizard_id;
    bool man_page = false;       // hidden --man-page: print the man page (the build installs it)
    std::string completion_for;  // --completion SHELL: print a completion script
    CLI::App* list_cmd = nullptr;
    CLI::App* status_cmd = nullptr;
    CLI::App* drill_run = nullptr;
    CLI::App* runbook_cmd = nullptr;
    CLI::App* resume_cmd = nullptr;
    CLI::App* render_cmd = nullptr;
    CLI::App* config_check = nullptr;
    CLI::App* sim_serve = nullptr;
};

// Declares every subcommand and option on app, bound to cl.
void describe_command_line(CLI::App& app, CommandLine& cl);

// Checks the global options at the edge, before any request: every --region
// is "all" or an AWS region name (no empty ones; repeats dropped), and
// --endpoint-url is an http(s) URL of a host. A bad value is one line.
Status check_global_options(GlobalOptions& g);

// The options of one command as the man page and completions list them:
// "--output", "--vault", ... (hidden ones left out; positionals too).
std::vector<std::string> option_names(const CLI::App& command);
// The subcommands of a command that a user can type (not hidden).
std::vector<const CLI::App*> visible_subcommands(const CLI::App& command);

}  // namespace vd::cli
