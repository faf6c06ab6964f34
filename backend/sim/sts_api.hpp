// AWS STS over the query protocol: GetCallerIdentity and AssumeRole (whose
// temporary credentials the simulator then accepts for signing).
#pragma once

#include "backend/sim/call.hpp"
#include "backend/sim/wire.hpp"

namespace vd::sim {

inline constexpr const char* kStsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

WireResponse handle_sts(Call& call);

}  // namespace vd::sim
