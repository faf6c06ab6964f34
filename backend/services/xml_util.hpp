// Reading XML answers (the query protocol and rest-xml) through pugixml,
// leniently: a missing or malformed member is never an error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::services {

// Parses a response body into doc; malformed XML is a Parse error naming the operation.
Status parse_xml_body(std::string_view body, pugi::xml_document& doc, std::string_view operation);

// The <OperationResult> element inside <OperationResponse>, as the query
// protocol wraps every answer; a Parse error when either is missing.
Result<pugi::xml_node> query_result(const pugi::xml_document& doc, std::string_view operation);

// The text of a child element, empty when absent.
std::string xml_text(pugi::xml_node parent, const char* name);
// An integer child element, nullopt when absent or not a number.
std::optional<int64_t> xml_int(pugi::xml_node parent, const char* name);
// A boolean child element ("true"/"false"), fallback when absent.
bool xml_bool(pugi::xml_node parent, const char* name, bool fallback = false);
// An ISO 8601 timestamp child element, nullopt when absent or unreadable.
std::optional<TimePoint> xml_time(pugi::xml_node parent, const char* name);

}  // namespace vd::services
