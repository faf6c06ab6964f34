// The manual page and the shell completion scripts, made from the CLI11 tree
// that parses the command line (tui/cli_spec), so neither can drift from it.
#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

namespace vd::cli {

// vaultdeck(1) in roff: every command, option, list kind, environment
// variable, file and exit code.
std::string man_page(const CLI::App& app, std::string_view version);

// A completion script for "bash", "zsh" or "fish": subcommands, options,
// list kinds, screen names and runbook names.
std::string completion_script(const CLI::App& app, std::string_view shell);

}  // namespace vd::cli
