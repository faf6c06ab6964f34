// Parsing filter text into terms, and telling when a filter narrows another.
#include "widgets/table_filter.hpp"

#include <algorithm>

#include "widgets/text.hpp"

namespace vd::widgets {
namespace {

// Splits on whitespace outside double quotes; quotes are dropped.
std::vector<std::string> split_terms(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    bool quoted = false;
    bool any = false;
    for (char c : text) {
        if (c == '"') {
            quoted = !quoted;
            any = true;
        } else if (!quoted && (c == ' ' || c == '\t')) {
            if (any) {
                out.push_back(current);
            }
            current.clear();
            any = false;
        } else {
            current += c;
            any = true;
        }
    }
    if (any) {
        out.push_back(current);
    }
    return out;
}

// The column whose id or title is `name`, if any.
std::optional<std::size_t> find_column(std::string_view name,
                                       const std::vector<std::vector<std::string>>& names) {
    for (std::size_t c = 0; c < names.size(); ++c) {
        for (const auto& n : names[c]) {
            if (n == name) {
                return c;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

std::vector<FilterTerm> parse_filter(std::string_view text,
                                     const std::vector<std::vector<std::string>>& names) {
    std::vector<FilterTerm> terms;
    for (const auto& raw : split_terms(text)) {
        const std::string term = ascii_lower(raw);
        const auto colon = term.find(':');
        if (colon != std::string::npos && colon > 0) {
            if (auto column = find_column(std::string_view(term).substr(0, colon), names)) {
                terms.push_back({column, term.substr(colon + 1)});
                continue;
            }
        }
        if (!term.empty()) {
            terms.push_back({std::nullopt, term});
        }
    }
    return terms;
}

std::optional<std::string> unknown_column_prefix(const std::vector<FilterTerm>& terms) {
    for (const auto& t : terms) {
        if (t.column) continue;
        const auto colon = t.needle.find(':');
        if (colon == std::string::npos || colon == 0) continue;
        const std::string prefix = t.needle.substr(0, colon);
        const bool word = std::all_of(prefix.begin(), prefix.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        });
        if (word && prefix != "arn") return prefix;
    }
    return std::nullopt;
}

bool is_refinement(const std::vector<FilterTerm>& before, const std::vector<FilterTerm>& after) {
    if (after.size() < before.size()) {
        return false;
    }
    // Each old term must be narrowed by the new term at the same place: same
    // column and a needle that contains the old one.
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i].column != after[i].column ||
            after[i].needle.find(before[i].needle) == std::string::npos) {
            return false;
        }
    }
    return true;
}

}  // namespace vd::widgets
