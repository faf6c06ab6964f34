// An enum's values and how files spell them, looked up both ways: one table
// per enum instead of a pair of loops per enum.
//
//   constexpr EnumNames<Color, 2> kColors{{{Color::Red, "red"}, {Color::Blue, "blue"}}};
//   enum_name(kColors, Color::Blue)   // "blue"
//   parse_enum(kColors, "red")        // Color::Red; "green": nullopt
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace vd {

template <typename E, std::size_t N>
using EnumNames = std::array<std::pair<E, const char*>, N>;

// The spelling of `value`; the first entry's when the table lacks it.
template <typename E, std::size_t N>
const char* enum_name(const EnumNames<E, N>& names, E value) {
    for (const auto& [e, name] : names)
        if (e == value) return name;
    return names.front().second;
}

// The value spelled `text`, if the table has it.
template <typename E, std::size_t N>
std::optional<E> parse_enum(const EnumNames<E, N>& names, std::string_view text) {
    for (const auto& [e, name] : names)
        if (text == name) return e;
    return std::nullopt;
}

}  // namespace vd
