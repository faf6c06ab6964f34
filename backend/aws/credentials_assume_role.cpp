#include "backend/aws/credentials_assume_role.hpp"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "backend/aws/credentials_env.hpp"
#include "backend/aws/credentials_file.hpp"
#include "backend/aws/credentials_imds.hpp"
#include "backend/aws/credentials_sts.hpp"

namespace vd::aws {

namespace {

constexpr const char* kName = "assume-role";

// A configuration mistake in the profiles.
Error config_error(const std::string& message) { return credentials_error(kName, message, ErrorKind::Config); }

// Resolves one assume-role profile, following its sources.
class AssumeRoleProvider final : public CredentialsProvider {
public:
    AssumeRoleProvider(CredentialsContext context, ChainOptions options)
        : ctx_(std::move(context)), opts_(std::move(options)) {}

    Result<Credentials> credentials() override {
        const ConfigSection* profile = ctx_.profile_section();
        if (!profile || !is_assume_role_profile(*profile)) return not_configured(kName, "the profile has no role_arn");
        std::vector<std::string> visited = {ctx_.profile};
        return assume(ctx_.profile, visited);
    }
    std::string name() const override { return kName; }

private:
    // Calls AssumeRole for a profile with role_arn, after resolving its source credentials.
    Result<Credentials> assume(const std::string& name, std::vector<std::string>& visited) const {
        const ConfigSection& p = *ctx_.config->profile(name);
        std::string role_arn = p.get("role_arn").value_or("");
        if (role_arn.empty()) return config_error(fmt::format("profile {} has an empty role_arn", name));
        if (p.has("mfa_serial")) {
            return config_error(fmt::format("profile {} needs an MFA code (mfa_serial), which vaultdeck cannot ask for; use a "
                                            "profile without mfa_serial, credential_process or SSO", name));
        }
        StsCall call;
        call.action = "AssumeRole";
        call.what = "role " + role_arn;
        call.params.emplace_back("RoleArn", role_arn);
        auto session = p.get("role_session_name");
        call.params.emplace_back("RoleSessionName", session && !session->empty()
                                                        ? *session : default_role_session_name(*ctx_.clock_or_system()));
        if (auto external = p.get("external_id"); external && !external->empty()) call.params.emplace_back("ExternalId", *external);
        if (auto duration = p.get("duration_seconds"); duration && !duration->empty()) {
            int secs = 0;
            auto [ptr, ec] = std::from_chars(duration->data(), duration->data() + duration->size(), secs);
            if (ec != std::errc() || ptr != duration->data() + duration->size() || secs < 900 || secs > 43200) {
                return config_error(fmt::format("duration_seconds of profile {} must be a number from 900 to 43200, not {}",
                                                name, *duration));
            }
            call.params.emplace_back("DurationSeconds", std::to_string(secs));
        }
        auto source = source_credentials(name, p, visited);
        if (!source) return source.error();
        call.signer = std::move(source.value());
        return call_sts(ctx_, call, kName);
    }

    // The credentials that sign the AssumeRole of profile `name`.
    Result<Credentials> source_credentials(const std::string& name, const ConfigSection& p,
                                           std::vector<std::string>& visited) const {
        auto credential_source = p.get("credential_source");
        auto source_profile = p.get("source_profile");
        if (credential_source && source_profile) {
            return config_error(fmt::format("profile {} has both source_profile and credential_source; keep one", name));
        }
        if (credential_source) return from_credential_source(name, *credential_source);
        if (!source_profile || source_profile->empty()) {
            return config_error(fmt::format("profile {} has role_arn but neither source_profile nor credential_source", name));
        }
        const std::string& src = *source_profile;
        const ConfigSection* sp = ctx_.config->profile(src);
        if (!sp) return config_error(fmt::format("source_profile {} of profile {} does not exist", src, name));
        if (std::find(visited.begin(), visited.end(), src) != visited.end()) {
            // A profile may name itself as the source of its own static keys, and only then.
            if (src != name || !has_static_keys(*sp)) {
                visited.push_back(src);
                return config_error(fmt::format("source_profile loop: {}", fmt::join(visited, " -> ")));
            }
        }
        visited.push_back(src);
        if (has_static_keys(*sp) || !is_assume_role_profile(*sp)) return from_profile(src);
        return assume(src, visited);
    }

    // Credentials of a source profile from the profile providers (never the environment).
    Result<Credentials> from_profile(const std::string& src) const {
        CredentialsContext sub = ctx_;
        sub.profile = src;
        for (auto& provider : profile_providers(sub, false, opts_)) {
            auto r = provider->credentials();
            if (r.ok() || !is_not_configured(r.error())) return r;
        }
        return config_error(fmt::format("source profile {} has no credentials", src));
    }

    // Credentials from a credential_source name.
    Result<Credentials> from_credential_source(const std::string& name, const std::string& source) const {
        std::shared_ptr<CredentialsProvider> provider;
        if (source == "Environment") {
            provider = make_environment_provider();
        } else if (source == "Ec2InstanceMetadata") {
            provider = make_imds_provider(ctx_);
        } else if (source == "EcsContainer") {
            provider = make_container_provider(ctx_, opts_.container);
        } else {
            return config_error(fmt::format("credential_source {} of profile {} is not Environment, Ec2InstanceMetadata or "
                                            "EcsContainer", source, name));
        }
        auto r = provider->credentials();
        if (!r.ok() && is_not_configured(r.error())) {
            return credentials_error(kName, fmt::format("credential_source {} of profile {} gave no credentials ({})", source,
                                                        name, r.error().message));
        }
        return r;
    }

    CredentialsContext ctx_;
    ChainOptions opts_;
};

}  // namespace

std::shared_ptr<CredentialsProvider> make_assume_role_provider(CredentialsContext context, ChainOptions options) {
    return std::make_shared<AssumeRoleProvider>(std::move(context), std::move(options));
}

bool is_assume_role_profile(const ConfigSection& profile) {
    return profile.has("role_arn") && !profile.has("web_identity_token_file");
}

}  // namespace vd::aws
