// The gate for untrusted text: controls, C1, bidi controls and bytes that
// are not UTF-8 come out visible; ordinary text (accents, CJK, emoji) is
// untouched; nothing that leaves the gate starts a terminal sequence.
#include <gtest/gtest.h>

#include <string>

#include "backend/core/untrusted_text.hpp"

using vd::visible;
using vd::visible_lines;

namespace {

// True when text holds a byte or code point a terminal acts on.
bool has_terminal_control(const std::string& text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto b = static_cast<unsigned char>(text[i]);
        if ((b < 0x20 && b != '\n') || b == 0x7F) return true;
        if (b == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
            static_cast<unsigned char>(text[i + 1]) <= 0x9F)
            return true;  // C1 as UTF-8
        if (b == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) >= 0xAA && static_cast<unsigned char>(text[i + 2]) <= 0xAE)
            return true;  // U+202A..U+202E
    }
    return false;
}

}  // namespace

TEST(UntrustedText, EscapeSequencesBecomeVisible) {
    EXPECT_EQ(visible("weekW\x1b[2J\x1b]52;c;cHduZWQ=\a"), "weekW\\x1b[2J\\x1b]52;c;cHduZWQ=\\x07");
    EXPECT_EQ(visible("a\tb\nc\rd\x7f"), "a\\x09b\\x0ac\\x0dd\\x7f");
    EXPECT_EQ(visible_lines("line one\nline\x1b two"), "line one\nline\\x1b two");
}

TEST(UntrustedText, C1AndBidiControlsBecomeVisible) {
    EXPECT_EQ(visible("x\xc2\x9b" "31m"), "x\\u009b31m") << "CSI as one C1 character";
    EXPECT_EQ(visible("invoice\xe2\x80\xae" "fdp.exe"), "invoice\\u202efdp.exe") << "right-to-left override";
    EXPECT_EQ(visible("a\xe2\x81\xa6" "b\xe2\x81\xa9"), "a\\u2066b\\u2069") << "isolates";
    EXPECT_EQ(visible("\xe2\x80\x8f\xe2\x80\xa8"), "\\u200f\\u2028");
}

TEST(UntrustedText, BytesThatAreNotUtf8BecomeVisible) {
    EXPECT_EQ(visible("ok\xff"), "ok\\xff");
    EXPECT_EQ(visible("\xc0\xaf"), "\\xc0\\xaf") << "overlong";
    EXPECT_EQ(visible("\xed\xa0\x80"), "\\xed\\xa0\\x80") << "a surrogate";
    EXPECT_EQ(visible("cut \xe2\x80"), "cut \\xe2\\x80");
}

TEST(UntrustedText, OrdinaryTextIsUntouched) {
    for (const std::string s : {"prod-db", "café crème", "東京リージョン", "backup 🚀 ok", "a\\x1b stays a backslash", ""}) {
        EXPECT_EQ(visible(s), s);
        EXPECT_TRUE(vd::is_visible(s));
    }
}

TEST(UntrustedText, NothingThatLeavesTheGateIsATerminalControl) {
    // Every byte value alone, and every code point up to U+FFFF, encoded.
    std::string all;
    for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
    EXPECT_FALSE(has_terminal_control(visible(all)));
    std::string encoded;
    for (char32_t c = 1; c < 0x10000; ++c) {
        if (c >= 0xD800 && c <= 0xDFFF) continue;
        if (c < 0x80) encoded += static_cast<char>(c);
        else if (c < 0x800) encoded += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
        else encoded += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    }
    const std::string out = visible(encoded);
    EXPECT_FALSE(has_terminal_control(out));
    EXPECT_EQ(visible(out), out) << "the gate is idempotent";
}

TEST(UntrustedText, JsonKeepsItsValueAndLosesItsBidiControls) {
    EXPECT_EQ(vd::visible_json("{\"name\":\"files\xe2\x80\xae" "hs.exe\",\"csi\":\"\xc2\x9b\",\"ok\":\"caf\xc3\xa9\"}"),
              "{\"name\":\"files\\u202ehs.exe\",\"csi\":\"\\u009b\",\"ok\":\"caf\xc3\xa9\"}");
}
