// An Atom is a string stored once for the whole process and referred to by
// pointer: 8 bytes in a record however long the text, and equality is a
// pointer comparison. The long strings a year of recovery points repeats
// (vault, role, plan and resource ARNs: a few hundred distinct values for
// 100 k points) are Atoms in the model.
//
// Atoms are never freed: only use them for values that recur, where the
// set of distinct values grows slowly. Interning is thread-safe; reading an
// Atom needs no lock (a stored string never moves).
//
// An Atom reads like a const std::string: it converts to one, and offers
// the read-only members the code uses.
#pragma once

#include <compare>
#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace vd {

class Atom {
public:
    Atom() : text_(&empty_text()) {}
    Atom(std::string_view text) : text_(intern(text)) {}  // NOLINT: an Atom is its text
    Atom(const std::string& text) : Atom(std::string_view(text)) {}  // NOLINT
    Atom(const char* text) : Atom(std::string_view(text)) {}         // NOLINT

    const std::string& str() const { return *text_; }
    operator const std::string&() const { return *text_; }  // NOLINT: reads as the string it is
    operator std::string_view() const { return *text_; }    // NOLINT

    bool empty() const { return text_->empty(); }
    size_t size() const { return text_->size(); }
    size_t length() const { return text_->size(); }
    const char* c_str() const { return text_->c_str(); }
    const char* data() const { return text_->data(); }
    char operator[](size_t i) const { return (*text_)[i]; }
    char back() const { return text_->back(); }
    std::string::const_iterator begin() const { return text_->begin(); }
    std::string::const_iterator end() const { return text_->end(); }
    size_t find(std::string_view s, size_t pos = 0) const { return text_->find(s, pos); }
    size_t find(char c, size_t pos = 0) const { return text_->find(c, pos); }
    size_t rfind(std::string_view s, size_t pos = std::string::npos) const { return text_->rfind(s, pos); }
    size_t rfind(char c, size_t pos = std::string::npos) const { return text_->rfind(c, pos); }
    size_t find_last_of(std::string_view s, size_t pos = std::string::npos) const { return text_->find_last_of(s, pos); }
    size_t find_first_of(std::string_view s, size_t pos = 0) const { return text_->find_first_of(s, pos); }
    std::string substr(size_t pos, size_t n = std::string::npos) const { return text_->substr(pos, n); }
    bool starts_with(std::string_view s) const { return std::string_view(*text_).starts_with(s); }
    bool ends_with(std::string_view s) const { return std::string_view(*text_).ends_with(s); }
    int compare(std::string_view s) const { return std::string_view(*text_).compare(s); }

    friend bool operator==(const Atom& a, const Atom& b) { return a.text_ == b.text_; }
    friend bool operator==(const Atom& a, std::string_view b) { return *a.text_ == b; }
    friend bool operator==(const Atom& a, const std::string& b) { return *a.text_ == b; }
    friend bool operator==(const Atom& a, const char* b) { return *a.text_ == b; }
    friend std::strong_ordering operator<=>(const Atom& a, const Atom& b) {
        return a.text_ == b.text_ ? std::strong_ordering::equal : *a.text_ <=> *b.text_;
    }
    friend std::strong_ordering operator<=>(const Atom& a, std::string_view b) { return std::string_view(*a.text_) <=> b; }
    friend std::strong_ordering operator<=>(const Atom& a, const std::string& b) { return *a.text_ <=> b; }

    friend std::string operator+(const Atom& a, std::string_view b) { return std::string(*a.text_).append(b); }
    friend std::string operator+(const Atom& a, const std::string& b) { return *a.text_ + b; }
    friend std::string operator+(const Atom& a, const char* b) { return *a.text_ + b; }
    friend std::string operator+(const std::string& a, const Atom& b) { return a + *b.text_; }
    friend std::string operator+(const char* a, const Atom& b) { return a + *b.text_; }
    friend std::string operator+(std::string&& a, const Atom& b) { return std::move(a.append(*b.text_)); }
    friend std::ostream& operator<<(std::ostream& out, const Atom& a);

    // How many distinct texts are stored (for the benchmarks).
    static size_t stored();

private:
    static const std::string* intern(std::string_view text);
    static const std::string& empty_text();
    const std::string* text_;
};

}  // namespace vd

template <>
struct std::hash<vd::Atom> {
    size_t operator()(const vd::Atom& a) const noexcept { return std::hash<const void*>()(&a.str()); }
};

template <>
struct fmt::formatter<vd::Atom> : fmt::formatter<std::string_view> {
    template <class Context>
    auto format(const vd::Atom& a, Context& ctx) const {
        return fmt::formatter<std::string_view>::format(std::string_view(a.str()), ctx);
    }
};
