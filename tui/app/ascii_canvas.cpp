// Transliteration to ASCII, column for column.
#include "tui/app/ascii_canvas.hpp"

#include "widgets/text.hpp"

namespace vd::tui {

namespace {

// A one-column ASCII stand-in for common symbols, or 0.
char stand_in(char32_t c) {
    switch (c) {
    case U'→': case U'↳': case U'▶': case U'►': return '>';
    case U'←': case U'◀': return '<';
    case U'…': return '~';
    case U'·': case U'─': case U'━': case U'┄': case U'–': case U'—': return '-';
    case U'│': case U'┃': return '|';
    case U'═': return '=';
    case U'●': case U'•': return '*';
    case U'○': return 'o';
    case U'✓': case U'✔': return '+';
    case U'✗': case U'✘': return 'X';
    case U'▲': return '^';
    case U'▼': return 'v';
    case U'█': case U'▉': case U'▊': case U'▋': case U'▌': case U'▍': case U'▎': case U'▏': return '#';
    case U'░': case U'▒': case U'▓': return ':';
    case U'┌': case U'┐': case U'└': case U'┘': case U'├': case U'┤': case U'┬': case U'┴': case U'┼': return '+';
    default: return 0;
    }
}

}  // namespace

std::string to_ascii(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto ch = widgets::decode_utf8(text, i);
        i += ch.bytes;
        if (ch.code < 0x80) {
            out += static_cast<char>(ch.code);
            continue;
        }
        const int w = widgets::char_width(ch.code);
        if (w == 0) continue;  // combining marks belong to the character before
        const char c = stand_in(ch.code);
        out.append(static_cast<std::size_t>(w), c != 0 && w == 1 ? c : '?');
    }
    return out;
}

}  // namespace vd::tui
