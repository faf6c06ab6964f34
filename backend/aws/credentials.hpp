// Credentials and the provider interface; the chain and the cache are
// providers too (credentials_chain.hpp, credentials_cache.hpp).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::aws {

struct Credentials {
    std::string access_key_id;
    std::string secret_access_key;  // never logged, never shown
    std::string session_token;      // empty for long-term keys
    std::optional<TimePoint> expiration;
    std::string source;             // which provider gave them, e.g. "environment"
};

// Yields credentials or an error that says why not (and which providers ran).
class CredentialsProvider {
public:
    virtual ~CredentialsProvider() = default;
    virtual Result<Credentials> credentials() = 0;
    // A short name for error messages: "environment", "shared-credentials-file".
    virtual std::string name() const = 0;
};

}  // namespace vd::aws
