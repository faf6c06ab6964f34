#include "tui/cli/output_format.hpp"

#include <algorithm>
#include <cstdio>
#include <cmath>

#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/core/untrusted_text.hpp"
#include "tui/cli/commands.hpp"

namespace vd::cli {
namespace {

// Decodes one UTF-8 code point at s[i], advancing i; invalid bytes are U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
    if (extra == 0) {
        ++i;
        return c;
    }
    if (extra < 0 || i + extra >= s.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = c & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
        auto cont = static_cast<unsigned char>(s[i + k]);
        if ((cont & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (cont & 0x3F);
    }
    i += extra + 1;
    return cp;
}

int code_point_width(char32_t cp) {
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFE0F) return 0;
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
                (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) ||
                (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
}

// Cuts text to at most `width` columns, ending with "…" when cut.
std::string truncate(const std::string& s, size_t width) {
    if (width == 0 || display_width(s) <= width) return s;
    std::string out;
    size_t used = 0;
    size_t i = 0;
    while (i < s.size()) {
        size_t start = i;
        int w = code_point_width(next_code_point(s, i));
        if (used + w + 1 > width) break;
        out.append(s, start, i - start);
        used += w;
    }
    return out + "…";
}

std::string table_text(const Cell& cell, const Column& column) {
    if (std::holds_alternative<std::monostate>(cell)) return "-";
    if (std::holds_alternative<bool>(cell)) return std::get<bool>(cell) ? "yes" : "no";
    if (column.display == Display::Bytes && std::holds_alternative<int64_t>(cell)) return human_bytes(std::get<int64_t>(cell));
    std::string text = cell_text(cell);
    if (text.empty()) return "-";
    return truncate(visible(text), column.max_width);  // a server's escape sequence shows as \x1b...
}

nlohmann::ordered_json json_value(const Cell& cell) {
    return std::visit(
        [](const auto& v) -> nlohmann::ordered_json {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return nullptr;
            else if constexpr (std::is_same_v<T, TimePoint>) return format_iso8601(v);
            else if constexpr (std::is_same_v<T, double>) return std::isfinite(v) ? nlohmann::ordered_json(v) : nullptr;
            else return v;
        },
        cell);
}

const Cell& cell_at(const std::vector<Cell>& row, size_t i) {
    static const Cell empty;
    return i < row.size() ? row[i] : empty;
}

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "table") return OutputFormat::Table;
    if (name == "json") return OutputFormat::Json;
    if (name == "csv") return OutputFormat::Csv;
    return std::nullopt;
}

void Listing::add(std::vector<Cell> row) {
    row.resize(std::max(row.size(), columns.size()));
    rows.push_back(std::move(row));
}

size_t display_width(std::string_view utf8) {
    size_t width = 0;
    size_t i = 0;
    while (i < utf8.size()) width += code_point_width(next_code_point(utf8, i));
    return width;
}

std::string cell_text(const Cell& cell) {
    return std::visit(
        [](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) return {};
            else if constexpr (std::is_same_v<T, std::string>) return v;
            else if constexpr (std::is_same_v<T, bool>) return v ? "true" : "false";
            else if constexpr (std::is_same_v<T, TimePoint>) return format_iso8601(v);
            else if constexpr (std::is_same_v<T, double>) return fmt::format("{}", v);
            else if constexpr (std::is_same_v<T, int64_t>) return std::to_string(v);
            else return v.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        },
        cell);
}

std::string human_bytes(int64_t bytes) {
    static const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
    if (bytes < 1024) return fmt::format("{} B", bytes);
    double v = static_cast<double>(bytes);
    int unit = 0;
    while (v >= 1024 && unit < 5) {
        v /= 1024;
        ++unit;
    }
    return fmt::format("{:.1f} {}", v, units[unit]);
}

// RFC 4180, after the gate: no field carries a raw control character (a
// newline in a name is written \x0a), so every record is one line.
std::string csv_field(std::string_view raw) {
    const std::string text = visible(raw);
    if (text.find_first_of(",\"") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string format_table(const Listing& listing) {
    std::vector<size_t> shown;
    for (size_t c = 0; c < listing.columns.size(); ++c)
        if (listing.columns[c].show != Show::DataOnly) shown.push_back(c);
    std::vector<std::vector<std::string>> cells;
    std::vector<size_t> widths;
    for (size_t c : shown) widths.push_back(display_width(listing.columns[c].header));
    for (const auto& row : listing.rows) {
        std::vector<std::string> line;
        for (size_t k = 0; k < shown.size(); ++k) {
            line.push_back(table_text(cell_at(row, shown[k]), listing.columns[shown[k]]));
            widths[k] = std::max(widths[k], display_width(line.back()));
        }
        cells.push_back(std::move(line));
    }
    auto emit = [&](const std::vector<std::string>& line, std::string& out) {
        std::string text;
        for (size_t k = 0; k < line.size(); ++k) {
            std::string pad(widths[k] - display_width(line[k]), ' ');
            bool right = listing.columns[shown[k]].align == Align::Right;
            if (k > 0) text += "  ";
            text += right ? pad + line[k] : line[k] + pad;
        }
        text.erase(text.find_last_not_of(' ') + 1);
        out += text + "\n";
    };
    std::string out;
    std::vector<std::string> header;
    for (size_t c : shown) header.push_back(listing.columns[c].header);
    emit(header, out);
    for (const auto& line : cells) emit(line, out);
    return out;
}

std::string format_json(const Listing& listing) {
    nlohmann::ordered_json array = nlohmann::ordered_json::array();
    for (const auto& row : listing.rows) {
        nlohmann::ordered_json object = nlohmann::ordered_json::object();
        for (size_t c = 0; c < listing.columns.size(); ++c)
            if (listing.columns[c].show != Show::TableOnly) object[listing.columns[c].key] = json_value(cell_at(row, c));
        array.push_back(std::move(object));
    }
    return visible_json(array.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) + "\n";
}

std::string format_csv(const Listing& listing) {
    std::string out;
    auto emit = [&](const std::vector<std::string>& fields) {
        for (size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) out += ',';
            out += csv_field(fields[i]);
        }
        out += "\r\n";
    };
    std::vector<std::string> header;
    for (const auto& column : listing.columns)
        if (column.show != Show::TableOnly) header.push_back(column.key);
    emit(header);
    for (const auto& row : listing.rows) {
        std::vector<std::string> fields;
        for (size_t c = 0; c < listing.columns.size(); ++c)
            if (listing.columns[c].show != Show::TableOnly) fields.push_back(cell_text(cell_at(row, c)));
        emit(fields);
    }
    return out;
}

std::string render(const Listing& listing, OutputFormat format) {
    switch (format) {
        case OutputFormat::Table: return format_table(listing);
        case OutputFormat::Json:
            if (!listing.aws.empty())
                return visible_json(listing.aws.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace)) + "\n";
            return format_json(listing);
        case OutputFormat::Csv: return format_csv(listing);
    }
    return {};
}

void print_out(std::string_view text) {
    const std::string shown = visible_lines(text);
    std::fwrite(shown.data(), 1, shown.size(), stdout);
}

void print_error(std::string_view message) {
    const std::string shown = "vaultdeck: " + visible_lines(message) + "\n";
    std::fwrite(shown.data(), 1, shown.size(), stderr);
}

}  // namespace vd::cli
