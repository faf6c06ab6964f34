#include "backend/services/json_util.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "backend/services/wire_time.hpp"

namespace vd::services {
namespace {

// A shared empty object for absent members.
const nlohmann::json& empty_object() {
    static const nlohmann::json value = nlohmann::json::object();
    return value;
}

// A shared empty array for absent members.
const nlohmann::json& empty_array() {
    static const nlohmann::json value = nlohmann::json::array();
    return value;
}

// Parses a whole string as a signed integer.
std::optional<int64_t> parse_int(const std::string& s) {
    int64_t v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

Result<nlohmann::json> parse_json_body(std::string_view body, std::string_view operation) {
    if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) return nlohmann::json::object();
    auto parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_discarded())
        return make_error(ErrorKind::Parse, std::string(operation) + ": the answer is not valid JSON", "MalformedJSON");
    if (!parsed.is_object())
        return make_error(ErrorKind::Parse, std::string(operation) + ": the answer is not a JSON object", "MalformedJSON");
    return parsed;
}

std::string json_text(const nlohmann::json& value) {
    if (value.is_string()) return value.get<std::string>();
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Reads the members of an object (anything else reads as an empty object).
JsonFields::JsonFields(const nlohmann::json& object) : object_(object.is_object() ? object : empty_object()) {}

// The member, marked as read; null when absent or JSON null.
const nlohmann::json* JsonFields::find(std::string_view name) {
    auto it = object_.find(name);
    if (it == object_.end()) return nullptr;
    if (std::find(read_.begin(), read_.end(), name) == read_.end()) read_.emplace_back(name);
    if (it->is_null()) return nullptr;
    return &*it;
}

std::string JsonFields::str(std::string_view name) {
    const auto* v = find(name);
    if (v == nullptr || v->is_structured()) return {};
    return json_text(*v);
}

std::optional<int64_t> JsonFields::int64(std::string_view name) {
    const auto* v = find(name);
    if (v == nullptr) return std::nullopt;
    if (v->is_number_integer()) return v->get<int64_t>();
    if (v->is_number_float()) {
        double d = v->get<double>();
        if (!std::isfinite(d) || std::fabs(d) > 9.2e18) return std::nullopt;
        return static_cast<int64_t>(d);
    }
    if (v->is_string()) return parse_int(v->get<std::string>());
    return std::nullopt;
}

bool JsonFields::boolean(std::string_view name, bool fallback) {
    const auto* v = find(name);
    if (v == nullptr) return fallback;
    if (v->is_boolean()) return v->get<bool>();
    if (v->is_string()) {
        const auto& s = v->get_ref<const std::string&>();
        if (s == "true") return true;
        if (s == "false") return false;
    }
    return fallback;
}

std::optional<TimePoint> JsonFields::time(std::string_view name) {
    const auto* v = find(name);
    if (v == nullptr) return std::nullopt;
    if (v->is_number()) {
        double d = v->get<double>();
        if (!std::isfinite(d)) return std::nullopt;
        return time_from_epoch_seconds(d);
    }
    if (v->is_string()) {
        const auto& s = v->get_ref<const std::string&>();
        if (auto t = parse_wire_time(s)) return t;
        char* end = nullptr;
        double d = std::strtod(s.c_str(), &end);
        if (!s.empty() && end == s.c_str() + s.size() && std::isfinite(d)) return time_from_epoch_seconds(d);
    }
    return std::nullopt;
}

const nlohmann::json& JsonFields::object(std::string_view name) {
    const auto* v = find(name);
    return v != nullptr && v->is_object() ? *v : empty_object();
}

const nlohmann::json& JsonFields::array(std::string_view name) {
    const auto* v = find(name);
    return v != nullptr && v->is_array() ? *v : empty_array();
}

std::map<std::string, std::string> JsonFields::string_map(std::string_view name) {
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : object(name).items()) out[key] = json_text(value);
    return out;
}

void JsonFields::skip(std::string_view name) { find(name); }

std::map<std::string, std::string> JsonFields::unread() const {
    std::map<std::string, std::string> out;
    for (const auto& [key, value] : object_.items()) {
        if (std::find(read_.begin(), read_.end(), key) == read_.end()) out[key] = json_text(value);
    }
    return out;
}

}  // namespace vd::services
