// Decoding of query strings and form bodies (application/x-www-form-urlencoded)
// and of percent-encoded path segments.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vd::sim {

using Params = std::vector<std::pair<std::string, std::string>>;

// Percent-decodes; '+' becomes a space only when plus_is_space.
std::string percent_decode(std::string_view s, bool plus_is_space = false);
// Splits a=b&c=d into decoded pairs, in order.
Params parse_form(std::string_view text);
// The first value of a parameter.
std::optional<std::string> param(const Params& params, std::string_view name);
// Splits a raw path into raw segments ("/a/b/" -> "a", "b", "").
std::vector<std::string> split_path(std::string_view raw_path);

}  // namespace vd::sim
