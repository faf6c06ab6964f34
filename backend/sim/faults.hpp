// Fault injection: the ways a real AWS endpoint misbehaves, at chosen rates.
//
//   throttle=P        answer P of requests with the service's throttling error
//   error5xx=P        answer P of requests with a 500/503 in the service's format
//   latency=A-Bms     delay every answer by A..B milliseconds (or "latency=Bms")
//   reset=P           process P of requests, then drop the connection unanswered
//   truncate=P        process P of requests, then send only part of the body
//   skew=Ns           run the server's wall clock N seconds ahead (negative: behind);
//                     the Date header and the signature-time check use it
//
// P is a probability from 0 to 1. Example: "throttle=0.1,error5xx=0.05,latency=20-200ms".
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "backend/core/result.hpp"

namespace vd::sim {

struct FaultSpec {
    double throttle = 0;
    double error5xx = 0;
    std::chrono::milliseconds latency_min{0};
    std::chrono::milliseconds latency_max{0};
    double reset = 0;
    double truncate = 0;
    std::chrono::seconds skew{0};

    bool any() const {
        return throttle > 0 || error5xx > 0 || latency_max.count() > 0 || reset > 0 || truncate > 0 || skew.count() != 0;
    }
};

// Parses a comma-separated fault list; a clear error for anything unknown or out of range.
Result<FaultSpec> parse_faults(std::string_view spec);

}  // namespace vd::sim
