#include "backend/aws/aws_error.hpp"

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "backend/aws/redact.hpp"
#include "backend/aws/retry.hpp"

namespace vd::aws {
namespace {

// What a body said about the error.
struct Found {
    std::string code;
    std::string message;
    std::string request_id;
    bool malformed = false;
    std::string parse_problem;
};

// A string member of a JSON object, or "".
std::string json_string(const nlohmann::json& j, std::initializer_list<const char*> names) {
    for (const char* n : names) {
        auto it = j.find(n);
        if (it != j.end() && it->is_string()) return it->get<std::string>();
    }
    return {};
}

// Reads a rest-json error body ({"__type": ..., "message": ...}).
Found from_json(std::string_view body) {
    Found f;
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return f;
    auto j = nlohmann::json::parse(body, nullptr, false);
    if (j.is_discarded()) {
        f.malformed = true;
        f.parse_problem = "the error body is not JSON";
        return f;
    }
    if (!j.is_object()) {
        f.malformed = true;
        f.parse_problem = "the error body is JSON but not an object";
        return f;
    }
    f.code = json_string(j, {"__type", "code", "Code"});
    f.message = json_string(j, {"message", "Message", "errorMessage"});
    return f;
}

// The first element with this name anywhere under node.
pugi::xml_node find_element(const pugi::xml_node& node, const char* name) {
    return node.find_node([name](const pugi::xml_node& n) { return std::string_view(n.name()) == name; });
}

// Reads a query-XML or rest-xml error body (<ErrorResponse><Error> or <Error>).
Found from_xml(std::string_view body) {
    Found f;
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return f;
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(body.data(), body.size());
    if (!parsed) {
        f.malformed = true;
        f.parse_problem = std::string("the error body is not XML (") + parsed.description() + ")";
        return f;
    }
    pugi::xml_node error = find_element(doc, "Error");
    if (!error) error = doc.document_element();
    f.code = error.child("Code").text().as_string();
    f.message = error.child("Message").text().as_string();
    f.request_id = error.child("RequestId").text().as_string();
    if (f.request_id.empty()) f.request_id = find_element(doc, "RequestId").text().as_string();
    if (f.request_id.empty()) f.request_id = find_element(doc, "RequestID").text().as_string();
    return f;
}

// The reason phrase for common statuses, for errors without a message.
std::string_view status_text(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 409: return "Conflict";
        case 429: return "Too Many Requests";
        case 500: return "Internal Server Error";
        case 502: return "Bad Gateway";
        case 503: return "Service Unavailable";
        case 504: return "Gateway Timeout";
        default: return "";
    }
}

// Folds line breaks and caps the length, so a message stays one line.
std::string one_line(std::string text) {
    for (char& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    constexpr size_t kMax = 400;
    if (text.size() > kMax) text = text.substr(0, kMax) + "...";
    return text;
}

}  // namespace

std::string clean_error_code(std::string_view raw) {
    size_t colon = raw.find(':');
    if (colon != std::string_view::npos) raw = raw.substr(0, colon);
    size_t hash = raw.rfind('#');
    if (hash != std::string_view::npos) raw = raw.substr(hash + 1);
    while (!raw.empty() && raw.front() == ' ') raw.remove_prefix(1);
    while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
    return std::string(raw);
}

std::string request_id_from_headers(const Headers& headers) {
    for (const char* name : {"x-amzn-requestid", "x-amz-request-id", "x-amzn-request-id"}) {
        if (auto v = find_header(headers, name); v && !v->empty()) return *v;
    }
    return {};
}

Error parse_error_response(const HttpResponse& response, Protocol protocol, std::string_view operation) {
    Found f = protocol == Protocol::RestJson ? from_json(response.body) : from_xml(response.body);
    if (protocol == Protocol::RestJson) {
        if (auto header = find_header(response.headers, "x-amzn-errortype"); header && !header->empty()) {
            f.code = *header;
        }
    }
    Error e;
    e.http_status = response.status;
    e.code = clean_error_code(f.code);
    e.request_id = request_id_from_headers(response.headers);
    if (e.request_id.empty()) e.request_id = f.request_id;
    std::string what = operation.empty() ? std::string("the request") : std::string(operation);
    std::string reason(status_text(response.status));
    if (!e.code.empty()) {
        e.kind = ErrorKind::Aws;
        e.message = f.message.empty() ? what + " failed" : one_line(redact_text(f.message));
    } else if (f.malformed) {
        e.kind = ErrorKind::Parse;
        e.code = "MalformedErrorResponse";
        e.message = what + " failed and " + f.parse_problem;
    } else {
        e.kind = ErrorKind::Http;
        std::string detail = !f.message.empty() ? one_line(redact_text(f.message))
                                                : (reason.empty() ? "no error details" : reason);
        e.message = what + " failed: " + detail;
    }
    e.retryable = classify(e) != RetryClass::None;
    return e;
}

}  // namespace vd::aws
