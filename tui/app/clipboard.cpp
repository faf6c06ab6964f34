// OSC 52 clipboard sequences.
#include "tui/app/clipboard.hpp"

#include <cstdlib>

namespace vd::tui {

std::string base64(std::string_view data) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < data.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(data[i]) << 16) |
                           (static_cast<unsigned char>(data[i + 1]) << 8) | static_cast<unsigned char>(data[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    const std::size_t rest = data.size() - i;
    if (rest > 0) {
        unsigned v = static_cast<unsigned char>(data[i]) << 16;
        if (rest == 2) v |= static_cast<unsigned char>(data[i + 1]) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

ClipboardTarget clipboard_target_from_env() {
    ClipboardTarget t;
    const char* tmux = std::getenv("TMUX");
    t.tmux = tmux != nullptr && tmux[0] != '\0';
    const char* term = std::getenv("TERM");
    t.screen = !t.tmux && term != nullptr && std::string_view(term).rfind("screen", 0) == 0;
    return t;
}

std::string osc52_sequence(std::string_view text, const ClipboardTarget& target) {
    const std::string plain = "\x1b]52;c;" + base64(text) + "\x07";
    if (target.tmux) {
        std::string wrapped = "\x1bPtmux;";
        for (char c : plain) {
            if (c == '\x1b') wrapped += '\x1b';  // escapes inside the passthrough are doubled
            wrapped += c;
        }
        wrapped += "\x1b\\";
        return plain + wrapped;
    }
    if (target.screen) {
        return "\x1bP" + plain + "\x1b\\";
    }
    return plain;
}

}  // namespace vd::tui
