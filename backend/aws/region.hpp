// Region resolution as the AWS CLI v2 does it: --region, AWS_REGION,
// AWS_DEFAULT_REGION, the profile's region, then the instance's region from
// IMDS (only when IMDS is enabled).
#pragma once

#include <string>

#include "backend/aws/credentials_common.hpp"
#include "backend/aws/profile_config.hpp"
#include "backend/core/result.hpp"

namespace vd::aws {

struct ResolvedRegion {
    std::string region;
    std::string source;  // "--region", "AWS_REGION", "AWS_DEFAULT_REGION", "profile x", "ec2-imds"
};

// The region for a session. `context` supplies the profile and, for the IMDS
// step, the metadata transport (no transport: the IMDS step is skipped).
// Errors: "no region: use --region, AWS_REGION or set region in the profile",
// or a malformed region name.
Result<ResolvedRegion> resolve_region(const std::string& explicit_region, const CredentialsContext& context);

// True for a well-formed region name (letters, digits and dashes, 1 to 63 long).
bool valid_region_name(const std::string& region);

}  // namespace vd::aws
