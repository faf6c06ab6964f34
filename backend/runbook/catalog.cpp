#include "backend/runbook/catalog.hpp"

#include <algorithm>
#include <sys/stat.h>

#include <fmt/format.h>

#include "backend/core/files.hpp"
#include "backend/runbook/builtin.hpp"
#include "backend/runbook/lint.hpp"

namespace vd::runbook {
namespace fs = std::filesystem;

namespace {

// Whether a name is meant as a path rather than a runbook name.
bool looks_like_path(const std::string& s) {
    return s.find('/') != std::string::npos || (s.size() > 5 && s.substr(s.size() - 5) == ".toml");
}

// An error when a path can be written by group or others.
Status check_not_shared_writable(const fs::path& path, const fs::path& file, bool is_dir) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return ok_status();
    if (is_dir && (st.st_mode & S_ISVTX) != 0) return ok_status();
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
        return make_error(ErrorKind::InvalidInput,
                          fmt::format("refusing runbook {}: {} is writable by group or others (run: chmod go-w {})",
                                      file.string(), is_dir ? "its folder" : "it", path.string()),
                          "runbook-permissions");
    return ok_status();
}

}  // namespace

// The operator's runbook folder.
fs::path user_runbook_dir() { return xdg_config_home() / "runbooks"; }

// Refuses files (and folders) that group or others can write.
Status check_runbook_permissions(const fs::path& file) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0)
        return make_error(ErrorKind::NotFound, fmt::format("no runbook file {}", file.string()), "runbook");
    if (!S_ISREG(st.st_mode))
        return make_error(ErrorKind::InvalidInput, fmt::format("{} is not a regular file", file.string()), "runbook");
    if (auto s = check_not_shared_writable(file, file, false); !s) return s;
    fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    return check_not_shared_writable(dir, file, true);
}

// Reads a runbook file after checking who can write it.
Result<std::string> read_runbook_file(const fs::path& file) {
    if (auto s = check_runbook_permissions(file); !s) return s.error();
    return read_file(file);
}

// The built-ins and the operator's files.
std::vector<CatalogEntry> list_runbooks(const fs::path& dir) {
    std::vector<CatalogEntry> out;
    for (const auto& b : builtin_runbooks()) {
        CatalogEntry e{std::string(b.name), {}, {}, "built-in", {}};
        auto rb = load_runbook(b.toml, std::string(b.name));
        if (rb) {
            e.title = rb->title;
            e.kind = runbook_kind_name(rb->kind);
        } else {
            e.error = rb.error().message;
        }
        out.push_back(std::move(e));
    }
    std::error_code ec;
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        CatalogEntry e{f.stem().string(), {}, {}, f.string(), {}};
        auto text = read_runbook_file(f);
        if (!text) {
            e.error = text.error().message;
        } else if (auto rb = load_runbook(*text, f.string()); rb) {
            e.name = rb->name;
            e.title = rb->title;
            e.kind = runbook_kind_name(rb->kind);
        } else {
            e.error = rb.error().message;
        }
        out.push_back(std::move(e));
    }
    return out;
}

// A runbook by name or path, lint clean.
Result<Runbook> find_runbook(const std::string& name_or_file, const fs::path& dir) {
    if (looks_like_path(name_or_file)) {
        auto text = read_runbook_file(name_or_file);
        if (!text) return text.error();
        return load_runbook(*text, name_or_file);
    }
    for (const auto& b : builtin_runbooks()) {
        if (b.name == name_or_file) {
            auto rb = load_runbook(b.toml, std::string(b.name));
            if (rb) rb->origin = "built-in";
            return rb;
        }
    }
    fs::path file = dir / (name_or_file + ".toml");
    std::error_code ec;
    if (fs::exists(file, ec)) {
        auto text = read_runbook_file(file);
        if (!text) return text.error();
        return load_runbook(*text, file.string());
    }
    std::error_code ec2;
    for (const auto& entry : fs::directory_iterator(dir, ec2)) {
        if (entry.path().extension() != ".toml") continue;
        auto text = read_runbook_file(entry.path());
        if (!text) continue;
        auto rb = load_runbook(*text, entry.path().string());
        if (rb && rb->name == name_or_file) return rb;
    }
    return make_error(ErrorKind::NotFound,
                      fmt::format("no runbook named '{}' (see `vaultdeck runbook list`)", name_or_file), "runbook");
}

}  // namespace vd::runbook
