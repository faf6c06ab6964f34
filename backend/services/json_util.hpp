// Reading rest-json answers leniently: a missing or oddly typed member is
// never an error, unknown members are kept as text, and timestamps arrive as
// epoch seconds with fractions (an ISO 8601 string is accepted too).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::services {

// Parses a response body; an empty body is an empty object, anything that is
// not a JSON object is a Parse error naming the operation.
Result<nlohmann::json> parse_json_body(std::string_view body, std::string_view operation);

// The members of one JSON object, remembering which ones were read so the
// rest can be kept in an `extra` map.
class JsonFields {
public:
    explicit JsonFields(const nlohmann::json& object);

    // A string member; numbers and booleans are turned into their text.
    std::string str(std::string_view name);
    // An integer member; a numeric string is accepted.
    std::optional<int64_t> int64(std::string_view name);
    // A boolean member; "true"/"false" strings are accepted.
    bool boolean(std::string_view name, bool fallback = false);
    // A timestamp: epoch seconds (with fractions) or an ISO 8601 string.
    std::optional<TimePoint> time(std::string_view name);
    // A nested object, or an empty object when absent or not an object.
    const nlohmann::json& object(std::string_view name);
    // A nested array, or an empty array when absent or not an array.
    const nlohmann::json& array(std::string_view name);
    // A string-to-string map member (non-string values kept as JSON text).
    std::map<std::string, std::string> string_map(std::string_view name);
    // Marks a member as read without converting it.
    void skip(std::string_view name);
    // The members never read, as text (strings verbatim, the rest as JSON).
    std::map<std::string, std::string> unread() const;

private:
    const nlohmann::json* find(std::string_view name);

    const nlohmann::json& object_;
    std::vector<std::string> read_;
};

// The text of a JSON value: a string verbatim, anything else as compact JSON.
std::string json_text(const nlohmann::json& value);

}  // namespace vd::services
