#include "backend/sim/ids.hpp"

namespace vd::sim {

uint64_t IdSource::next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double IdSource::uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }

int64_t IdSource::range(int64_t lo, int64_t hi) {
    if (hi <= lo) return lo;
    return lo + static_cast<int64_t>(next() % static_cast<uint64_t>(hi - lo + 1));
}

std::string IdSource::hex(int n) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(static_cast<size_t>(n));
    uint64_t bits = 0;
    for (int i = 0; i < n; ++i) {
        if (i % 16 == 0) bits = next();
        out.push_back(digits[bits & 15]);
        bits >>= 4;
    }
    return out;
}

std::string IdSource::uuid(bool upper) {
    std::string h = hex(32);
    std::string out = h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20, 12);
    if (upper) {
        for (auto& c : out) c = static_cast<char>(c >= 'a' && c <= 'f' ? c - 'a' + 'A' : c);
    }
    return out;
}

std::string IdSource::alnum(int n) {
    static const char* chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string out;
    for (int i = 0; i < n; ++i) out.push_back(chars[next() % 36]);
    return out;
}

std::string IdSource::upper_alnum(int n) {
    static const char* chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    std::string out;
    for (int i = 0; i < n; ++i) out.push_back(chars[next() % 36]);
    return out;
}

}  // namespace vd::sim
