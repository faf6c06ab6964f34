// Answers in the rest-json protocol (AWS Backup): JSON bodies, epoch-second
// timestamps, errors as {"__type","message"} plus x-amzn-ErrorType.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/sim/wire.hpp"

namespace vd::sim {

// A JSON number of epoch seconds (milliseconds as fractions).
nlohmann::json epoch_json(TimePoint t);
// Sets key to the epoch form of t when t has a value.
void put_time(nlohmann::json& j, const char* key, const std::optional<TimePoint>& t);
// Sets key to s unless s is empty.
void put_string(nlohmann::json& j, const char* key, const std::string& s);

// A successful answer with this body (no body for 204).
WireResponse json_response(int status, const nlohmann::json& body, const std::string& request_id);
// An error answer in the rest-json form.
WireResponse json_error_response(const Error& error, const std::string& request_id);

}  // namespace vd::sim
