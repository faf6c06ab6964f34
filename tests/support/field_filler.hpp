// Gives every field of a value (every member VD_FIELDS lists, through
// optionals, vectors, shared lists, pairs and maps) a value: the text that
// `text(n)` makes for the n-th field, n for numbers, a time, true for flags.
// Tests use it to reach every field without naming them: the disk cache's
// round trip, and hostile text through every output path.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

#include "backend/core/atom.hpp"
#include "backend/core/clock.hpp"
#include "backend/model/fields.hpp"

namespace vd::testing {

template <class T>
struct is_vector : std::false_type {};
template <class T>
struct is_vector<std::vector<T>> : std::true_type {};

class FieldFiller {
public:
    // text: the n-th text field's value; enum_value: an enum field's, from n.
    FieldFiller(std::function<std::string(int)> text, std::function<int(int)> enum_value)
        : text_(std::move(text)), enum_value_(std::move(enum_value)) {}

    template <class T>
    void fill(T& v) {
        ++n_;
        if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, Atom>) {
            v = text_(n_);
        } else if constexpr (std::is_same_v<T, bool>) {
            v = true;
        } else if constexpr (std::is_enum_v<T>) {
            v = static_cast<T>(enum_value_(n_));
        } else if constexpr (std::is_arithmetic_v<T>) {
            v = static_cast<T>(n_);
        } else if constexpr (std::is_same_v<T, TimePoint>) {
            v = TimePoint(std::chrono::seconds(1'700'000'000 + n_));
        } else if constexpr (requires { v.emplace(); v.reset(); }) {
            fill(v.emplace());
        } else if constexpr (is_vector<T>::value) {
            v.resize(2);
            for (auto& item : v) fill(item);
        } else if constexpr (requires { v.edit(); }) {
            std::vector<typename T::value_type> items(2);
            for (auto& item : items) fill(item);
            v = std::move(items);
        } else if constexpr (requires { v.first; v.second; }) {
            fill(v.first);
            fill(v.second);
        } else if constexpr (requires { typename T::mapped_type; }) {
            v.clear();
            for (int i = 0; i < 2; ++i) {
                typename T::key_type key;
                fill(key);
                fill(v[key]);
            }
        } else {
            visit_fields(v, [this](const char*, auto& field) { fill(field); });
        }
    }

private:
    std::function<std::string(int)> text_;
    std::function<int(int)> enum_value_;
    int n_ = 0;
};

}  // namespace vd::testing
