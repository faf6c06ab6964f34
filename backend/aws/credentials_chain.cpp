#include "backend/aws/credentials_chain.hpp"

#include <atomic>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "backend/aws/credentials_assume_role.hpp"
#include "backend/aws/credentials_env.hpp"
#include "backend/aws/credentials_file.hpp"
#include "backend/aws/credentials_imds.hpp"
#include "backend/aws/credentials_web_identity.hpp"

namespace vd::aws {

namespace {

// Tries providers in order; remembers the one that answered for the next call.
class ChainProvider final : public CredentialsProvider {
public:
    ChainProvider(std::vector<std::shared_ptr<CredentialsProvider>> providers, std::string name)
        : providers_(std::move(providers)), name_(std::move(name)) {}

    Result<Credentials> credentials() override {
        int winner = winner_.load();
        if (winner >= 0) {
            auto r = providers_[static_cast<size_t>(winner)]->credentials();
            if (r.ok() || !is_not_configured(r.error())) return r;
        }
        std::vector<std::string> tried;
        for (size_t i = 0; i < providers_.size(); ++i) {
            auto r = providers_[i]->credentials();
            if (r.ok()) {
                winner_.store(static_cast<int>(i));
                return r;
            }
            if (!is_not_configured(r.error())) return r;
            tried.push_back(providers_[i]->name());
        }
        return make_error(ErrorKind::Credentials,
                          fmt::format("no AWS credentials found (tried {}); set AWS_PROFILE or --profile, or AWS_ACCESS_KEY_ID "
                                      "and AWS_SECRET_ACCESS_KEY", fmt::join(tried, ", ")),
                          "NoCredentials");
    }
    std::string name() const override { return name_; }

private:
    std::vector<std::shared_ptr<CredentialsProvider>> providers_;
    std::string name_;
    std::atomic<int> winner_{-1};
};

}  // namespace

std::shared_ptr<CredentialsProvider> make_chain_provider(std::vector<std::shared_ptr<CredentialsProvider>> providers,
                                                         std::string name) {
    return std::make_shared<ChainProvider>(std::move(providers), std::move(name));
}

std::vector<std::shared_ptr<CredentialsProvider>> profile_providers(const CredentialsContext& context, bool use_environment,
                                                                    const ChainOptions& options) {
    return {
        make_web_identity_provider(context, use_environment),
        make_sso_provider(context, options.sso),
        make_shared_file_provider(context, SharedFile::Credentials),
        make_process_provider(context, options.process),
        make_shared_file_provider(context, SharedFile::Config),
    };
}

std::shared_ptr<CredentialsProvider> make_default_chain(const CredentialsContext& context, const ChainOptions& options) {
    std::vector<std::shared_ptr<CredentialsProvider>> providers;
    if (!options.explicit_profile) providers.push_back(make_environment_provider());
    providers.push_back(make_assume_role_provider(context, options));
    for (auto& p : profile_providers(context, true, options)) providers.push_back(std::move(p));
    providers.push_back(make_container_provider(context, options.container));
    providers.push_back(make_imds_provider(context));
    return make_chain_provider(std::move(providers), "default-chain");
}

}  // namespace vd::aws
