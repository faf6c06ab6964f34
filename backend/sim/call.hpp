// One authenticated API call on its way through a service handler: who is
// calling, where, when, and the world it may read and change (the caller
// holds the world lock for the whole call).
#pragma once

#include <string>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/sim/form.hpp"
#include "backend/sim/ids.hpp"
#include "backend/sim/wire.hpp"
#include "backend/sim/world.hpp"

namespace vd::sim {

struct Call {
    const WireRequest& wire;
    World& world;
    IdSource& ids;
    std::string service;     // backup, rds, sts, s3
    std::string region;      // from the credential scope
    std::string account_id;  // of the calling principal
    std::string access_key;
    std::string request_id;
    TimePoint now;           // simulated time
    Params query;            // decoded query string
    std::string operation;   // set by the service handler once it knows

    // The caller's state in the called region.
    RegionState& state() const { return world.region(account_id, region); }
};

// An error the service answers with: HTTP status, the service's error code
// and a one-line message.
inline Error api_error(int status, std::string code, std::string message) {
    Error e = make_error(ErrorKind::Aws, std::move(message), std::move(code));
    e.http_status = status;
    return e;
}

}  // namespace vd::sim
