#include "backend/aws/credentials_env.hpp"

#include <fmt/format.h>

#include "backend/aws/credentials_common.hpp"
#include "backend/aws/profile_config.hpp"
#include "backend/core/time_format.hpp"

namespace vd::aws {

namespace {

constexpr const char* kName = "environment";

// Reads the key pair from the process environment.
class EnvironmentProvider final : public CredentialsProvider {
public:
    Result<Credentials> credentials() override {
        auto key = env_value("AWS_ACCESS_KEY_ID");
        auto secret = env_value("AWS_SECRET_ACCESS_KEY");
        if (!key && !secret) return not_configured(kName, "AWS_ACCESS_KEY_ID is not set");
        if (!key) return credentials_error(kName, "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not");
        if (!secret) return credentials_error(kName, "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
        Credentials c;
        c.access_key_id = *key;
        c.secret_access_key = *secret;
        auto token = env_value("AWS_SESSION_TOKEN");
        if (!token) token = env_value("AWS_SECURITY_TOKEN");
        c.session_token = token.value_or("");
        if (auto exp = env_value("AWS_CREDENTIAL_EXPIRATION")) {
            auto t = parse_time(*exp);
            if (!t) return credentials_error(kName, fmt::format("AWS_CREDENTIAL_EXPIRATION is not a time: {}", *exp));
            c.expiration = *t;
        }
        c.source = kName;
        return c;
    }
    std::string name() const override { return kName; }
};

}  // namespace

std::shared_ptr<CredentialsProvider> make_environment_provider() { return std::make_shared<EnvironmentProvider>(); }

}  // namespace vd::aws
