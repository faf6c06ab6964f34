#include "backend/config/toml_reader.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "backend/core/text.hpp"

namespace vd::config::detail {

const char* type_name(const toml::node& n) {
    switch (n.type()) {
    case toml::node_type::table: return "table";
    case toml::node_type::array: return "array";
    case toml::node_type::string: return "string";
    case toml::node_type::integer: return "integer";
    case toml::node_type::floating_point: return "float";
    case toml::node_type::boolean: return "boolean";
    case toml::node_type::date: return "date";
    case toml::node_type::time: return "time";
    case toml::node_type::date_time: return "date-time";
    default: return "nothing";
    }
}

std::string TomlReader::join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : fmt::format("{}.{}", path, key);
}

void TomlReader::report(const toml::node& at, const std::string& path, std::string message) {
    report(line_of(at), path, std::move(message));
}

void TomlReader::report(int line, const std::string& path, std::string message) {
    issues_.push_back(ConfigIssue{line, path, std::move(message)});
}

void TomlReader::check_keys(const toml::table& table, const std::string& path,
                            std::initializer_list<std::string_view> known) {
    for (auto&& [key, node] : table) {
        std::string_view name = key.str();
        if (std::find(known.begin(), known.end(), name) != known.end()) continue;
        std::string hint;
        for (auto k : known)
            if (edit_distance(name, k) <= 2) hint = fmt::format(" (did you mean '{}'?)", k);
        int line = key.source().begin.line ? static_cast<int>(key.source().begin.line) : line_of(node);
        report(line, join(path, name), "unknown key" + hint);
    }
}

bool TomlReader::read_string(const toml::table& t, std::string_view key, const std::string& path, std::string& out) {
    const toml::node* n = find(t, key);
    if (!n) return false;
    if (auto v = n->value<std::string>(); v && n->is_string()) {
        out = *v;
        return true;
    }
    report(*n, join(path, key), fmt::format("expected a string, got {}", type_name(*n)));
    return false;
}

bool TomlReader::read_bool(const toml::table& t, std::string_view key, const std::string& path, bool& out) {
    const toml::node* n = find(t, key);
    if (!n) return false;
    if (n->is_boolean()) {
        out = n->value<bool>().value_or(out);
        return true;
    }
    report(*n, join(path, key), fmt::format("expected true or false, got {}", type_name(*n)));
    return false;
}

bool TomlReader::read_int(const toml::table& t, std::string_view key, const std::string& path, int& out, int min,
                          int max) {
    const toml::node* n = find(t, key);
    if (!n) return false;
    if (!n->is_integer()) {
        report(*n, join(path, key), fmt::format("expected an integer, got {}", type_name(*n)));
        return false;
    }
    int64_t v = n->value<int64_t>().value_or(0);
    if (v < min || v > max) {
        report(*n, join(path, key), fmt::format("{} is out of range {}-{}", v, min, max));
        return false;
    }
    out = static_cast<int>(v);
    return true;
}

bool TomlReader::read_number(const toml::table& t, std::string_view key, const std::string& path, double& out,
                             double min, double max) {
    const toml::node* n = find(t, key);
    if (!n) return false;
    if (!n->is_number()) {
        report(*n, join(path, key), fmt::format("expected a number, got {}", type_name(*n)));
        return false;
    }
    double v = n->value<double>().value_or(0.0);
    if (!std::isfinite(v) || v < min || v > max) {
        report(*n, join(path, key), fmt::format("{} is out of range {}-{}", v, min, max));
        return false;
    }
    out = v;
    return true;
}

bool TomlReader::read_duration(const toml::table& t, std::string_view key, const std::string& path, Duration& out) {
    const toml::node* n = find(t, key);
    if (!n) return false;
    if (!n->is_string()) {
        report(*n, join(path, key), fmt::format("expected a duration such as \"15m\", \"24h\" or \"7d\", got {}",
                                                type_name(*n)));
        return false;
    }
    std::string text = n->value<std::string>().value_or("");
    auto d = parse_duration(text);
    if (!d) {
        report(*n, join(path, key), fmt::format("'{}' is not a duration (use s, m, h, d or w, e.g. 15m)", text));
        return false;
    }
    if (d->count() <= 0) {
        report(*n, join(path, key), fmt::format("'{}' must be longer than zero", text));
        return false;
    }
    out = *d;
    return true;
}

bool TomlReader::read_strings(const toml::table& t, std::string_view key, const std::string& path,
                              std::vector<std::string>& out) {
    const toml::node* n = find(t, key);
    if (!n) return false;
    const toml::array* arr = n->as_array();
    if (!arr) {
        report(*n, join(path, key), fmt::format("expected an array of strings, got {}", type_name(*n)));
        return false;
    }
    std::vector<std::string> values;
    bool good = true;
    for (size_t i = 0; i < arr->size(); ++i) {
        const toml::node& item = *arr->get(i);
        if (!item.is_string()) {
            report(item, fmt::format("{}[{}]", join(path, key), i), fmt::format("expected a string, got {}", type_name(item)));
            good = false;
            continue;
        }
        values.push_back(item.value<std::string>().value_or(""));
    }
    if (good) out = std::move(values);
    return good;
}

const toml::table* TomlReader::table(const toml::table& t, std::string_view key, const std::string& path) {
    const toml::node* n = find(t, key);
    if (!n) return nullptr;
    if (const toml::table* sub = n->as_table()) return sub;
    report(*n, join(path, key), fmt::format("expected a table ([{}]), got {}", join(path, key), type_name(*n)));
    return nullptr;
}

std::vector<std::pair<size_t, const toml::table*>> TomlReader::tables(const toml::table& t, std::string_view key, const std::string& path) {
    std::vector<std::pair<size_t, const toml::table*>> out;
    const toml::node* n = find(t, key);
    if (!n) return out;
    const toml::array* arr = n->as_array();
    if (!arr) {
        report(*n, join(path, key), fmt::format("expected an array of tables ([[{}]]), got {}", join(path, key), type_name(*n)));
        return out;
    }
    for (size_t i = 0; i < arr->size(); ++i) {
        const toml::node& item = *arr->get(i);
        if (const toml::table* sub = item.as_table()) out.emplace_back(i, sub);
        else report(item, fmt::format("{}[{}]", join(path, key), i), fmt::format("expected a table, got {}", type_name(item)));
    }
    return out;
}

}  // namespace vd::config::detail
