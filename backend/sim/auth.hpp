// Who sent a request and to which service and region: the SigV4 credential
// scope routes it, the signature and signing time are checked as AWS checks
// them, and the answer to a refusal is the service's own error.
#pragma once

#include <string>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/sim/wire.hpp"
#include "backend/sim/world.hpp"

namespace vd::sim {

// The service and region a request is for, read from its credential scope,
// or guessed from its shape when it carries none.
struct Scope {
    std::string service;  // backup, rds, sts, s3
    std::string region;
    std::string access_key;
};
Scope request_scope(const WireRequest& request, const std::string& default_region);

// The caller once the request is accepted.
struct Caller {
    std::string access_key;
    std::string account_id;
};

struct AuthOptions {
    bool verify = true;  // false: accept any signature (routing still reads the scope)
    TimePoint wall_now;  // the server's wall clock, skew included
    TimePoint sim_now;   // for the expiry of temporary credentials
};

// Checks the signature, signing time and key; the error carries the code the
// request's service answers with (InvalidSignatureException, SignatureDoesNotMatch...).
Result<Caller> authenticate(const WireRequest& request, const Scope& scope, const World& world, const AuthOptions& options);

}  // namespace vd::sim
