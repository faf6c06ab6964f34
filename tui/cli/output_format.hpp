// Listings for the headless commands, in the three forms the command line
// offers: an aligned table for people, JSON (an array of objects with stable
// camelCase keys) and CSV (RFC 4180, header row) for scripts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "backend/core/clock.hpp"

namespace vd::cli {

enum class OutputFormat { Table, Json, Csv };

// "table", "json" or "csv"; nullopt for anything else.
std::optional<OutputFormat> parse_output_format(std::string_view name);

// Where a column appears: everywhere, only in the table (a friendlier
// derived view), or only in JSON and CSV (too wide for a terminal).
enum class Show { Everywhere, TableOnly, DataOnly };
enum class Align { Left, Right };
// How the table shows a value; JSON and CSV always carry the raw value.
enum class Display { Plain, Bytes };

struct Column {
    std::string key;     // camelCase, stable: the JSON key and the CSV header
    std::string header;  // the table header
    Show show = Show::Everywhere;
    Align align = Align::Left;
    Display display = Display::Plain;
    size_t max_width = 0;  // table only; 0: no limit, longer text is cut with "…"
};

// One value: nothing, text, an integer, a number, a flag, a time (ISO 8601
// UTC in every form), or a structured value (JSON; compact JSON as text).
using Cell = std::variant<std::monostate, std::string, int64_t, double, bool, TimePoint, nlohmann::ordered_json>;

struct Listing {
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;  // one cell per column
    // --output json: the AWS output members (BackupVaultList, DBInstances,
    // ...) each a list of AWS-shaped objects, and "vaultdeck" with the
    // schema version; printed instead of the columns when not empty.
    nlohmann::ordered_json aws = nlohmann::ordered_json::object();

    // Adds a row; missing trailing cells are empty.
    void add(std::vector<Cell> row);
};

// Renders the listing in the chosen form, ending with a newline (JSON too;
// the AWS document when the listing has one, else the columns as objects).
std::string render(const Listing& listing, OutputFormat format);
std::string format_table(const Listing& listing);
std::string format_json(const Listing& listing);
std::string format_csv(const Listing& listing);

// One CSV field, quoted when it holds a comma, quote, CR or LF (quotes doubled).
std::string csv_field(std::string_view text);
// The terminal columns a UTF-8 string takes (wide CJK 2, combining marks 0).
size_t display_width(std::string_view utf8);
// The text of a cell for CSV: times ISO 8601 UTC, flags true/false, nothing empty.
std::string cell_text(const Cell& cell);
// 1536 -> "1.5 KiB"; bytes below 1024 as "512 B".
std::string human_bytes(int64_t bytes);

}  // namespace vd::cli
