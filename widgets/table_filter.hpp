// The table's filter language: whitespace-separated terms ANDed together;
// "text" matches any column, "column:text" one column; case-insensitive
// substring matches; double quotes keep spaces inside a term.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vd::widgets {

// One parsed term.
struct FilterTerm {
    std::optional<std::size_t> column;  // nullopt: any column
    std::string needle;                 // lower case

    bool operator==(const FilterTerm&) const = default;
};

// Splits filter text into terms; `column:` prefixes are resolved against the
// column names (names[c] holds the lower-case names of column c: its id and
// title); an unknown prefix makes the whole term plain text.
std::vector<FilterTerm> parse_filter(std::string_view text,
                                     const std::vector<std::vector<std::string>>& names);

// The prefix of the first plain-text term that reads like "column:value"
// with a column name no column has (letters, digits and dashes before the
// colon; "arn:" is text, as ARNs are searched that way).
std::optional<std::string> unknown_column_prefix(const std::vector<FilterTerm>& terms);

// True when every row matching `after` also matches `before` (typing more
// characters into the last term, or adding terms), so only the rows that
// matched before need checking again.
bool is_refinement(const std::vector<FilterTerm>& before, const std::vector<FilterTerm>& after);

}  // namespace vd::widgets
