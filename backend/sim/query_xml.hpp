// Answers in the query protocol (RDS, STS): an XML document
// <ActionResponse xmlns=...><ActionResult>...</ActionResult>
// <ResponseMetadata><RequestId/></ResponseMetadata></ActionResponse>, and
// errors as <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/sim/wire.hpp"

namespace vd::sim {

// Builds one query-protocol answer.
class QueryAnswer {
public:
    QueryAnswer(std::string_view action, std::string_view xml_namespace);
    // The <ActionResult> element to fill.
    pugi::xml_node result() { return result_; }
    // The finished response.
    WireResponse finish(const std::string& request_id);

private:
    pugi::xml_document doc_;
    pugi::xml_node root_;
    pugi::xml_node result_;
};

// Appends <name>value</name>.
pugi::xml_node add_text(pugi::xml_node parent, const char* name, std::string_view value);
// Appends <name>value</name> unless value is empty.
void add_text_if(pugi::xml_node parent, const char* name, std::string_view value);
void add_int(pugi::xml_node parent, const char* name, int64_t value);
void add_bool(pugi::xml_node parent, const char* name, bool value);
// ISO 8601 with milliseconds, as RDS and STS send.
void add_time(pugi::xml_node parent, const char* name, TimePoint t);
void add_time_if(pugi::xml_node parent, const char* name, const std::optional<TimePoint>& t);

// A query-protocol error document.
WireResponse query_error_response(std::string_view xml_namespace, const Error& error, const std::string& request_id);

// Serializes a document without indentation, with the XML declaration.
std::string xml_to_string(const pugi::xml_document& doc);

}  // namespace vd::sim
