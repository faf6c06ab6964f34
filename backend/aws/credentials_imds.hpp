// EC2 instance metadata (IMDS): the IMDSv2 session token (PUT
// /latest/api/token), the instance role and its credentials, and the
// instance's region. Falls back to IMDSv1 when no token is issued unless
// AWS_EC2_METADATA_V1_DISABLED; AWS_EC2_METADATA_DISABLED=true switches the
// whole service off; AWS_EC2_METADATA_SERVICE_ENDPOINT moves it.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "backend/aws/credentials.hpp"
#include "backend/aws/credentials_common.hpp"

namespace vd::aws {

// How to reach IMDS, from the environment first and then the profile.
struct ImdsSettings {
    bool disabled = false;       // AWS_EC2_METADATA_DISABLED
    bool v1_disabled = false;    // AWS_EC2_METADATA_V1_DISABLED / ec2_metadata_v1_disabled
    std::string endpoint;        // AWS_EC2_METADATA_SERVICE_ENDPOINT / ec2_metadata_service_endpoint / mode
    std::chrono::milliseconds timeout{1000};  // AWS_METADATA_SERVICE_TIMEOUT
    int attempts = 1;                         // AWS_METADATA_SERVICE_NUM_ATTEMPTS
};

// Reads the settings for a profile (nullptr: environment only).
ImdsSettings imds_settings(const ConfigSection* profile);

// The instance-role provider, named "ec2-imds". An unreachable service means
// "not configured" so the chain can report that nothing was found.
std::shared_ptr<CredentialsProvider> make_imds_provider(CredentialsContext context);

// The instance's region from /latest/meta-data/placement/region.
Result<std::string> imds_region(const CredentialsContext& context);

}  // namespace vd::aws
