#include "backend/runbook/template.hpp"

#include <ctime>

#include <fmt/format.h>

namespace vd::runbook {
namespace {

// Whether a name is [a-z][a-z0-9_]*.
bool valid_name(std::string_view name) {
    if (name.empty() || name[0] < 'a' || name[0] > 'z') return false;
    for (char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

// One piece of a template: literal text, or a variable name.
struct Piece {
    bool variable = false;
    std::string text;
};

// Splits a template into literal text and variable names.
Result<std::vector<Piece>> split(std::string_view tmpl) {
    std::vector<Piece> pieces;
    std::string literal;
    for (size_t i = 0; i < tmpl.size(); ++i) {
        char c = tmpl[i];
        if (c == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '{') {
            literal += '{';
            ++i;
        } else if (c == '}' && i + 1 < tmpl.size() && tmpl[i + 1] == '}') {
            literal += '}';
            ++i;
        } else if (c == '{') {
            size_t close = tmpl.find('}', i + 1);
            if (close == std::string_view::npos)
                return make_error(ErrorKind::InvalidInput, fmt::format("unclosed '{{' at offset {}", i), "template");
            std::string_view name = tmpl.substr(i + 1, close - i - 1);
            if (!valid_name(name))
                return make_error(ErrorKind::InvalidInput, fmt::format("bad variable name '{{{}}}'", name), "template");
            if (!literal.empty()) pieces.push_back({false, std::move(literal)});
            literal.clear();
            pieces.push_back({true, std::string(name)});
            i = close;
        } else if (c == '}') {
            return make_error(ErrorKind::InvalidInput, fmt::format("unmatched '}}' at offset {}", i), "template");
        } else {
            literal += c;
        }
    }
    if (!literal.empty()) pieces.push_back({false, std::move(literal)});
    return pieces;
}

}  // namespace

// The variable names a template uses, in order.
Result<std::vector<std::string>> template_variables(std::string_view tmpl) {
    auto pieces = split(tmpl);
    if (!pieces) return pieces.error();
    std::vector<std::string> names;
    for (const auto& p : *pieces)
        if (p.variable) names.push_back(p.text);
    return names;
}

// The template with every variable replaced by its value.
Result<std::string> expand_template(std::string_view tmpl, const Variables& vars) {
    auto pieces = split(tmpl);
    if (!pieces) return pieces.error();
    std::string out;
    for (const auto& p : *pieces) {
        if (!p.variable) {
            out += p.text;
            continue;
        }
        auto it = vars.find(p.text);
        if (it == vars.end())
            return make_error(ErrorKind::InvalidInput, fmt::format("no value for '{{{}}}'", p.text), "template");
        out += it->second;
    }
    return out;
}

// Adds the UTC date and time variables for t.
void add_time_variables(Variables& vars, TimePoint t) {
    std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    ::gmtime_r(&secs, &tm);
    std::string yyyy = fmt::format("{:04d}", tm.tm_year + 1900);
    std::string mm = fmt::format("{:02d}", tm.tm_mon + 1);
    std::string dd = fmt::format("{:02d}", tm.tm_mday);
    std::string hh = fmt::format("{:02d}", tm.tm_hour);
    std::string mi = fmt::format("{:02d}", tm.tm_min);
    vars["yyyy"] = yyyy;
    vars["mm"] = mm;
    vars["dd"] = dd;
    vars["hh"] = hh;
    vars["mi"] = mi;
    vars["yyyymmdd"] = yyyy + mm + dd;
    vars["yyyymmddhhmm"] = yyyy + mm + dd + hh + mi;
    vars["date"] = yyyy + "-" + mm + "-" + dd;
    vars["time"] = hh + mi;
}

}  // namespace vd::runbook
