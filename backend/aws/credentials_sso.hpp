// IAM Identity Center (SSO): role credentials from the portal's
// GetRoleCredentials, using the access token that `aws sso login` left in
// ~/.aws/sso/cache/<sha1 of the sso-session name or of the start URL>.json.
// Both the sso_session form and the legacy sso_start_url form are read.
// There is no browser login here: a missing or expired token is an error
// that says to run `aws sso login --profile X`.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "backend/aws/credentials.hpp"
#include "backend/aws/credentials_common.hpp"

namespace vd::aws {

struct SsoOptions {
    std::filesystem::path cache_dir;  // empty: ~/.aws/sso/cache
};

// The SSO provider for the context's profile, named "sso". The portal is
// the context's endpoint for "sso" in the sso_region
// (https://portal.sso.<sso_region>.amazonaws.com unless overridden).
std::shared_ptr<CredentialsProvider> make_sso_provider(CredentialsContext context, SsoOptions options = {});

// The token cache file name for an sso-session name or a start URL: <sha1 hex>.json.
std::string sso_cache_file_name(const std::string& key);

// What a token cache file says.
enum class SsoTokenState { Valid, Unreadable, Expired };
struct SsoToken {
    SsoTokenState state = SsoTokenState::Unreadable;
    std::string access_token;  // only when Valid
};

// Reads a token cache file's text (accessToken and expiresAt) at `now`.
SsoToken read_sso_token(std::string_view text, TimePoint now);

}  // namespace vd::aws
