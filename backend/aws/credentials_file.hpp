// Static keys from the shared files: aws_access_key_id, aws_secret_access_key
// and aws_session_token of one profile, read from the credentials file
// ("shared-credentials-file") or from the config file ("config-file"), the
// two places the AWS CLI looks, in that order, around credential_process.
#pragma once

#include <memory>

#include "backend/aws/credentials.hpp"
#include "backend/aws/credentials_common.hpp"

namespace vd::aws {

enum class SharedFile { Credentials, Config };

// The static-keys provider for the context's profile in one of the two files.
std::shared_ptr<CredentialsProvider> make_shared_file_provider(CredentialsContext context, SharedFile file);

// True when a profile section holds static keys (either key present), as the CLI checks.
bool has_static_keys(const ConfigSection& profile);

}  // namespace vd::aws
