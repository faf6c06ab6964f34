#include "backend/sim/rest_json.hpp"

namespace vd::sim {

nlohmann::json epoch_json(TimePoint t) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
    if (ms % 1000 == 0) return nlohmann::json(ms / 1000);
    return nlohmann::json(static_cast<double>(ms) / 1000.0);
}

void put_time(nlohmann::json& j, const char* key, const std::optional<TimePoint>& t) {
    if (t) j[key] = epoch_json(*t);
}

void put_string(nlohmann::json& j, const char* key, const std::string& s) {
    if (!s.empty()) j[key] = s;
}

WireResponse json_response(int status, const nlohmann::json& body, const std::string& request_id) {
    WireResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json"}, {"x-amzn-RequestId", request_id}};
    if (status != 204) r.body = body.dump();
    return r;
}

WireResponse json_error_response(const Error& error, const std::string& request_id) {
    WireResponse r;
    r.status = error.http_status > 0 ? error.http_status : 400;
    nlohmann::json body = {{"__type", error.code}, {"message", error.message}};
    r.headers = {{"Content-Type", "application/json"},
                 {"x-amzn-RequestId", request_id},
                 {"x-amzn-ErrorType", error.code}};
    r.body = body.dump();
    return r;
}

}  // namespace vd::sim
