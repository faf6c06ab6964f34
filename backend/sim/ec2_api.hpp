// The one Amazon EC2 operation vaultdeck sends, DescribeRegions (for
// --region all), in the EC2 protocol: a form POST, answered with
// <DescribeRegionsResponse> (no Result wrapper) and errors as
// <Response><Errors><Error>, as in the EC2 model of botocore.
#pragma once

#include "backend/sim/call.hpp"
#include "backend/sim/wire.hpp"

namespace vd::sim {

inline constexpr const char* kEc2Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

WireResponse handle_ec2(Call& call);
// An error in the EC2 protocol's shape.
WireResponse ec2_error_response(const Error& error, const std::string& request_id);

}  // namespace vd::sim
