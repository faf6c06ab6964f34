// Web identity: an OIDC token file exchanged for role credentials with the
// unsigned STS AssumeRoleWithWebIdentity. Settings come from
// AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN and AWS_ROLE_SESSION_NAME, each
// falling back to the profile's web_identity_token_file, role_arn and
// role_session_name (the environment is skipped for a source profile).
#pragma once

#include <memory>

#include "backend/aws/credentials.hpp"
#include "backend/aws/credentials_common.hpp"

namespace vd::aws {

// The web identity provider, named "web-identity"; the token file is read on every call.
std::shared_ptr<CredentialsProvider> make_web_identity_provider(CredentialsContext context, bool use_environment = true);

}  // namespace vd::aws
