// Assume-role profiles: role_arn with either a source_profile (followed
// through chains of profiles, with loop detection) or a credential_source
// (Environment, Ec2InstanceMetadata, EcsContainer); the source credentials
// sign an STS AssumeRole with role_session_name, external_id and
// duration_seconds. Profiles with mfa_serial are refused with a clear error
// (there is no prompt for an MFA code).
#pragma once

#include <memory>

#include "backend/aws/credentials.hpp"
#include "backend/aws/credentials_chain.hpp"
#include "backend/aws/credentials_common.hpp"

namespace vd::aws {

// The assume-role provider for the context's profile, named "assume-role".
std::shared_ptr<CredentialsProvider> make_assume_role_provider(CredentialsContext context, ChainOptions options = {});

// True when a profile is one the assume-role provider handles: role_arn
// without web_identity_token_file.
bool is_assume_role_profile(const ConfigSection& profile);

}  // namespace vd::aws
