#include "backend/core/atom.hpp"

#include <mutex>
#include <ostream>
#include <unordered_set>

namespace vd {
namespace {

struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>()(s); }
};

struct Pool {
    std::mutex mu;
    // Nodes never move, so pointers to the texts stay valid as the set grows.
    std::unordered_set<std::string, TextHash, std::equal_to<>> texts;
};

Pool& pool() {
    static Pool* p = new Pool;  // never destroyed: Atoms may outlive static destructors
    return *p;
}

}  // namespace

const std::string& Atom::empty_text() {
    static const std::string* none = new std::string;
    return *none;
}

const std::string* Atom::intern(std::string_view text) {
    if (text.empty()) return &empty_text();
    Pool& p = pool();
    std::lock_guard lk(p.mu);
    auto it = p.texts.find(text);
    if (it == p.texts.end()) it = p.texts.emplace(text).first;
    return &*it;
}

size_t Atom::stored() {
    Pool& p = pool();
    std::lock_guard lk(p.mu);
    return p.texts.size();
}

std::ostream& operator<<(std::ostream& out, const Atom& a) { return out << a.str(); }

}  // namespace vd
