#include "backend/sim/query_xml.hpp"

#include <sstream>

#include "backend/core/time_format.hpp"

namespace vd::sim {

QueryAnswer::QueryAnswer(std::string_view action, std::string_view xml_namespace) {
    std::string action_name(action);
    root_ = doc_.append_child((action_name + "Response").c_str());
    root_.append_attribute("xmlns") = std::string(xml_namespace).c_str();
    result_ = root_.append_child((action_name + "Result").c_str());
}

WireResponse QueryAnswer::finish(const std::string& request_id) {
    auto meta = root_.append_child("ResponseMetadata");
    add_text(meta, "RequestId", request_id);
    WireResponse r;
    r.headers = {{"Content-Type", "text/xml"}, {"x-amzn-RequestId", request_id}};
    r.body = xml_to_string(doc_);
    return r;
}

pugi::xml_node add_text(pugi::xml_node parent, const char* name, std::string_view value) {
    auto node = parent.append_child(name);
    node.append_child(pugi::node_pcdata).set_value(std::string(value).c_str());
    return node;
}

void add_text_if(pugi::xml_node parent, const char* name, std::string_view value) {
    if (!value.empty()) add_text(parent, name, value);
}

void add_int(pugi::xml_node parent, const char* name, int64_t value) { add_text(parent, name, std::to_string(value)); }

void add_bool(pugi::xml_node parent, const char* name, bool value) { add_text(parent, name, value ? "true" : "false"); }

void add_time(pugi::xml_node parent, const char* name, TimePoint t) { add_text(parent, name, format_iso8601_ms(t)); }

void add_time_if(pugi::xml_node parent, const char* name, const std::optional<TimePoint>& t) {
    if (t) add_time(parent, name, *t);
}

WireResponse query_error_response(std::string_view xml_namespace, const Error& error, const std::string& request_id) {
    pugi::xml_document doc;
    auto root = doc.append_child("ErrorResponse");
    root.append_attribute("xmlns") = std::string(xml_namespace).c_str();
    auto e = root.append_child("Error");
    int status = error.http_status > 0 ? error.http_status : 400;
    add_text(e, "Type", status >= 500 ? "Receiver" : "Sender");
    add_text(e, "Code", error.code);
    add_text(e, "Message", error.message);
    add_text(root, "RequestId", request_id);
    WireResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "text/xml"}, {"x-amzn-RequestId", request_id}};
    r.body = xml_to_string(doc);
    return r;
}

std::string xml_to_string(const pugi::xml_document& doc) {
    std::ostringstream out;
    doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
    return out.str();
}

}  // namespace vd::sim
