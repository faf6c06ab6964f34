#include "backend/sim/listing.hpp"

#include <fmt/format.h>

namespace vd::sim {
namespace {

const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// The value of one base64url character, or -1.
int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

const std::string_view kTokenPrefix = "vdt1.";

}  // namespace

std::string newest_first_key(TimePoint t, std::string_view id) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    return fmt::format("{:016x}|{}", static_cast<uint64_t>(INT64_MAX - ms), id);
}

std::string encode_page_token(std::string_view key) {
    std::string out(kTokenPrefix);
    uint32_t acc = 0;
    int bits = 0;
    for (unsigned char c : key) {
        acc = (acc << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out.push_back(kAlphabet[(acc >> bits) & 63]);
        }
    }
    if (bits > 0) out.push_back(kAlphabet[(acc << (6 - bits)) & 63]);
    return out;
}

Result<std::string> decode_page_token(std::string_view token) {
    if (token.substr(0, kTokenPrefix.size()) != kTokenPrefix) {
        return make_error(ErrorKind::InvalidInput, "the pagination token is not valid");
    }
    std::string out;
    uint32_t acc = 0;
    int bits = 0;
    for (char c : token.substr(kTokenPrefix.size())) {
        int v = b64_value(c);
        if (v < 0) return make_error(ErrorKind::InvalidInput, "the pagination token is not valid");
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((acc >> bits) & 0xff));
        }
    }
    return out;
}

}  // namespace vd::sim
