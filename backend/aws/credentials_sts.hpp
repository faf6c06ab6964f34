// The two STS calls the credential providers make, over the query protocol:
// AssumeRole (signed with the source credentials) and
// AssumeRoleWithWebIdentity (unsigned). Both answer with the same
// <Credentials> element.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "backend/aws/credentials.hpp"
#include "backend/aws/credentials_common.hpp"

namespace vd::aws {

struct StsCall {
    std::string action;  // AssumeRole, AssumeRoleWithWebIdentity
    std::vector<std::pair<std::string, std::string>> params;  // in the order the body lists them
    std::optional<Credentials> signer;  // absent: the request is sent unsigned
    std::string what;    // for errors: "role arn:aws:iam::...:role/x"
};

// The form body: Action=<action>&Version=2011-06-15&<params...>, each value RFC 3986 encoded.
std::string sts_form_body(const StsCall& call);

// POSTs the call to the context's STS endpoint, retrying transient failures,
// and returns the credentials of the answer.
Result<Credentials> call_sts(const CredentialsContext& ctx, const StsCall& call, std::string_view provider);

// Reads <...Result><Credentials> of a 2xx answer.
Result<Credentials> parse_sts_credentials(std::string_view xml, std::string_view provider);

// Reads <ErrorResponse><Error><Code>/<Message></Error><RequestId> into an Aws error.
Error parse_sts_error(int status, std::string_view xml, std::string_view provider, std::string_view what,
                      std::string_view action);

// The default RoleSessionName: vaultdeck-session-<epoch seconds>.
std::string default_role_session_name(const Clock& clock);

}  // namespace vd::aws
