// Where runbooks come from: the built-ins and the operator's own files in
// ~/.config/vaultdeck/runbooks/*.toml. A file that group or others can write
// is refused: a runbook decides what is restored and deleted.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "backend/core/result.hpp"
#include "backend/runbook/runbook.hpp"

namespace vd::runbook {

// One runbook as `runbook list` shows it; error is set when it does not load.
struct CatalogEntry {
    std::string name;
    std::string title;
    std::string kind;
    std::string origin;  // "built-in" or the file
    std::string error;
};

// ~/.config/vaultdeck/runbooks (XDG_CONFIG_HOME honoured).
std::filesystem::path user_runbook_dir();

// An error when the file (or its folder) can be written by group or others.
Status check_runbook_permissions(const std::filesystem::path& file);

// Reads a runbook file after the permission check.
Result<std::string> read_runbook_file(const std::filesystem::path& file);

// The built-ins, then every *.toml in dir (sorted by file name).
std::vector<CatalogEntry> list_runbooks(const std::filesystem::path& dir);

// A runbook by built-in name, by the name of a file in dir (NAME.toml), or
// by path (anything with a '/' or ending in .toml); it must lint clean.
Result<Runbook> find_runbook(const std::string& name_or_file, const std::filesystem::path& dir);

}  // namespace vd::runbook
