// A reader over a parsed TOML table that checks each value's type and
// records problems with their line and dotted path instead of stopping.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "backend/config/duration.hpp"
#include "backend/config/load.hpp"

namespace vd::config::detail {

class TomlReader {
public:
    explicit TomlReader(std::vector<ConfigIssue>& issues) : issues_(issues) {}

    // Records a problem at a node's line.
    void report(const toml::node& at, const std::string& path, std::string message);
    // Records a problem at a line.
    void report(int line, const std::string& path, std::string message);
    // Reports every key of `table` not in `known`, suggesting close names.
    void check_keys(const toml::table& table, const std::string& path, std::initializer_list<std::string_view> known);

    // Each reader leaves `out` alone when the key is missing or wrong and
    // returns whether it set it.
    bool read_string(const toml::table& t, std::string_view key, const std::string& path, std::string& out);
    bool read_bool(const toml::table& t, std::string_view key, const std::string& path, bool& out);
    bool read_int(const toml::table& t, std::string_view key, const std::string& path, int& out, int min, int max);
    bool read_number(const toml::table& t, std::string_view key, const std::string& path, double& out, double min,
                     double max);
    bool read_duration(const toml::table& t, std::string_view key, const std::string& path, Duration& out);
    bool read_strings(const toml::table& t, std::string_view key, const std::string& path,
                      std::vector<std::string>& out);
    // A sub-table, or nullptr (reported when present but not a table).
    const toml::table* table(const toml::table& t, std::string_view key, const std::string& path);
    // The tables of an array of tables with their indexes, or empty (reported when wrong).
    std::vector<std::pair<size_t, const toml::table*>> tables(const toml::table& t, std::string_view key, const std::string& path);

    // "a.b" from "a" and "b".
    static std::string join(const std::string& path, std::string_view key);
    // The 1-based line of a node.
    static int line_of(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

private:
    // The node at `key`, or nullptr.
    static const toml::node* find(const toml::table& t, std::string_view key) { return t.get(key); }

    std::vector<ConfigIssue>& issues_;
};

// "string", "integer", "array", ...
const char* type_name(const toml::node& n);

}  // namespace vd::config::detail
