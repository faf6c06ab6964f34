#include "backend/services/query_encoding.hpp"

#include "backend/core/time_format.hpp"

namespace vd::services {
namespace {

// RFC 3986 unreserved characters, never percent-encoded.
bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || c == '~';
}

}  // namespace

std::string encode_label(std::string_view label) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    out.reserve(label.size());
    for (unsigned char c : label) {
        if (unreserved(c)) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

QueryParams::QueryParams(std::string action, std::string version) {
    pairs_.emplace_back("Action", std::move(action));
    pairs_.emplace_back("Version", std::move(version));
}

void QueryParams::add(std::string name, std::string value) { pairs_.emplace_back(std::move(name), std::move(value)); }

void QueryParams::add_if(std::string name, const std::string& value) {
    if (!value.empty()) add(std::move(name), value);
}

void QueryParams::add_bool(std::string name, bool value) { add(std::move(name), value ? "true" : "false"); }

void QueryParams::add_time(std::string name, TimePoint value) { add(std::move(name), format_iso8601(value)); }

void QueryParams::add_list(const std::string& name, const std::string& member, const std::vector<std::string>& values) {
    for (size_t i = 0; i < values.size(); ++i) add(name + "." + member + "." + std::to_string(i + 1), values[i]);
}

std::string QueryParams::form_body() const {
    std::string out;
    for (const auto& [name, value] : pairs_) {
        if (!out.empty()) out += '&';
        out += encode_label(name);
        out += '=';
        out += encode_label(value);
    }
    return out;
}

}  // namespace vd::services
