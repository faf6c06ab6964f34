// Encoding requests: percent-encoded URI labels for rest-json and rest-xml,
// and the form body of the query protocol (Action, Version, Param.Member.N).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backend/core/clock.hpp"

namespace vd::services {

// RFC 3986 percent-encoding of everything but unreserved characters, so a
// URI label (an ARN with ':' and '/', a non-ASCII vault name) stays one segment.
std::string encode_label(std::string_view label);

// The parameters of one query-protocol call, kept in the order added.
class QueryParams {
public:
    QueryParams(std::string action, std::string version);

    // Adds a parameter as given.
    void add(std::string name, std::string value);
    // Adds a parameter only when the value is not empty.
    void add_if(std::string name, const std::string& value);
    // Adds "true" or "false".
    void add_bool(std::string name, bool value);
    // Adds an ISO 8601 UTC timestamp.
    void add_time(std::string name, TimePoint value);
    // Adds a list as Name.Member.1, Name.Member.2, ...; nothing when empty.
    void add_list(const std::string& name, const std::string& member, const std::vector<std::string>& values);

    const std::vector<std::pair<std::string, std::string>>& pairs() const { return pairs_; }
    // The application/x-www-form-urlencoded body.
    std::string form_body() const;

private:
    std::vector<std::pair<std::string, std::string>> pairs_;
};

}  // namespace vd::services
