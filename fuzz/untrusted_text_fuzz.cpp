// The gate for untrusted text: whatever goes in, what comes out is UTF-8
// that a terminal cannot take as a control (no C0 but the newline that
// visible_lines keeps, no DEL, no C1, no bidi control or separator), and
// text the gate passes unchanged is exactly the text it calls visible.
// The check decodes on its own rather than trusting the gate's helpers.
#include <cstdlib>
#include <string>

#include "backend/core/untrusted_text.hpp"
#include "fuzz/fuzz_input.hpp"

namespace {

bool forbidden(char32_t c, bool newline_allowed) {
    if (c == U'\n') return !newline_allowed;
    if (c < 0x20 || c == 0x7f) return true;
    if (c >= 0x80 && c <= 0x9f) return true;
    if (c == 0x061c || c == 0x200e || c == 0x200f || c == 0x2028 || c == 0x2029) return true;
    if (c >= 0x202a && c <= 0x202e) return true;
    return c >= 0x2066 && c <= 0x2069;
}

// Aborts unless `text` is well-formed UTF-8 free of forbidden code points.
void require_harmless(const std::string& text, bool newline_allowed) {
    size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xe ? 3 : (b >> 3) == 0x1e ? 4 : 0;
        if (len == 0 || i + len > text.size()) std::abort();
        char32_t c = len == 1 ? b : len == 2 ? (b & 0x1f) : len == 3 ? (b & 0x0f) : (b & 0x07);
        for (size_t k = 1; k < len; ++k) {
            const auto cont = static_cast<unsigned char>(text[i + k]);
            if ((cont >> 6) != 0x2) std::abort();
            c = (c << 6) | (cont & 0x3f);
        }
        const bool overlong = (len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000);
        if (overlong || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) std::abort();
        if (forbidden(c, newline_allowed)) std::abort();
        i += len;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > vd::fuzz::kMaxInput) return 0;
    const std::string_view input = vd::fuzz::text_of(data, size);
    const std::string one_line = vd::visible(input);
    require_harmless(one_line, false);
    require_harmless(vd::visible_lines(input), true);
    if (!vd::is_visible(one_line)) std::abort();                 // the gate's output passes the gate
    if (vd::is_visible(input) != (one_line == input)) std::abort();  // unchanged exactly when visible
    return 0;
}
