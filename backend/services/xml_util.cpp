#include "backend/services/xml_util.hpp"

#include <charconv>

#include "backend/services/wire_time.hpp"

namespace vd::services {

Status parse_xml_body(std::string_view body, pugi::xml_document& doc, std::string_view operation) {
    auto parsed = doc.load_buffer(body.data(), body.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed || !doc.document_element())
        return make_error(ErrorKind::Parse,
                          std::string(operation) + ": the answer is not valid XML (" + parsed.description() + ")",
                          "MalformedXML");
    return ok_status();
}

Result<pugi::xml_node> query_result(const pugi::xml_document& doc, std::string_view operation) {
    std::string op(operation);
    pugi::xml_node response = doc.child((op + "Response").c_str());
    pugi::xml_node result = response.child((op + "Result").c_str());
    if (!result)
        return make_error(ErrorKind::Parse, op + ": the answer has no <" + op + "Result> element", "MalformedXML");
    return result;
}

std::string xml_text(pugi::xml_node parent, const char* name) { return parent.child(name).text().as_string(); }

std::optional<int64_t> xml_int(pugi::xml_node parent, const char* name) {
    pugi::xml_node node = parent.child(name);
    if (!node) return std::nullopt;
    std::string_view s = node.text().as_string();
    int64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

bool xml_bool(pugi::xml_node parent, const char* name, bool fallback) {
    std::string_view s = parent.child(name).text().as_string();
    if (s == "true") return true;
    if (s == "false") return false;
    return fallback;
}

std::optional<TimePoint> xml_time(pugi::xml_node parent, const char* name) {
    pugi::xml_node node = parent.child(name);
    if (!node) return std::nullopt;
    return parse_wire_time(node.text().as_string());
}

}  // namespace vd::services
