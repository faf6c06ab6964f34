// Splitting request URLs and encoding query strings and form bodies, the way
// the signer and the request pipeline need them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vd::aws {

struct UrlParts {
    std::string scheme;  // lower-case: http, https
    std::string host;    // without brackets for IPv6
    int port = 0;        // 0 when the URL names none
    std::string path;    // raw, "/" when empty
    std::string query;   // raw, without '?'

    // host[:port] as the Host header carries it (port only when given and not the default).
    std::string host_header() const;
    // scheme://host[:port] without a trailing slash.
    std::string origin() const;
};

// Splits scheme://host[:port][/path][?query]; nullopt when it is not such a URL.
std::optional<UrlParts> parse_url(std::string_view url);

// name=value pairs RFC 3986 encoded, sorted by name then value, joined by '&'.
std::string encode_query(const std::vector<std::pair<std::string, std::string>>& pairs);

// True for 127.0.0.0/8, ::1 and localhost.
bool is_loopback_host(std::string_view host);

}  // namespace vd::aws
