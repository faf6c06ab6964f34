// The production HttpTransport over libcurl: connection reuse, TLS
// verification always on, proxies from the environment, compressed answers.
#pragma once

#include <memory>
#include <string>

#include "backend/aws/http.hpp"

namespace vd::aws {

struct CurlOptions {
    std::string ca_bundle;           // AWS_CA_BUNDLE; empty: the system store
    bool allow_plain_http = false;   // http:// only to loopback unless this is set
};

std::shared_ptr<HttpTransport> make_curl_transport(CurlOptions options = {});

}  // namespace vd::aws
