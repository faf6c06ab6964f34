// Credentials from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN
// (or the older AWS_SECURITY_TOKEN) and AWS_CREDENTIAL_EXPIRATION.
#pragma once

#include <memory>

#include "backend/aws/credentials.hpp"

namespace vd::aws {

// The environment provider, named "environment"; reads the variables on every call.
std::shared_ptr<CredentialsProvider> make_environment_provider();

}  // namespace vd::aws
