// The one gate for text vaultdeck did not write itself: names, messages and
// identifiers from AWS, a file or the command line. Before such text reaches
// a terminal it is made visible: a plan named "weekly\e]52;c;...\a" prints
// as weekly\x1b]52;c;...\x07 and cannot clear the screen, set the clipboard
// or reorder what the operator reads.
//   - C0 controls and DEL            -> \x1b, \x7f
//   - C1 controls (U+0080..U+009F)   -> \u009b
//   - bidi embeddings, overrides, isolates and marks, line and paragraph
//     separators                     -> \u202e, \u2066, \u200f, \u2028
//   - bytes that are not UTF-8       -> \xff
//   - a backslash stays a backslash (the output is for eyes, not a parser)
#pragma once

#include <string>
#include <string_view>

namespace vd {

// One line: every control, newline and tab included, shown escaped.
std::string visible(std::string_view text);

// Several lines: as visible(), but newlines stay newlines.
std::string visible_lines(std::string_view text);

// JSON text (already valid JSON, controls escaped by the serializer) with
// C1 and bidi controls written as JSON escapes (\u202e): the same value for
// a parser, harmless on a terminal.
std::string visible_json(std::string_view json);

// Whether text would pass through the gate unchanged.
bool is_visible(std::string_view text);

// Whether a code point is a C1 control, a bidi mark, embedding, override or
// isolate, or a line or paragraph separator: drawn by nobody (the console's
// canvas drops them with the C0 controls).
bool is_format_control(char32_t c);

}  // namespace vd
