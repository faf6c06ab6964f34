// The chain of providers, in the AWS CLI v2 order: environment, assume-role
// profile, web identity, SSO, the shared credentials file,
// credential_process, static keys in the config file, container, EC2
// instance metadata. The first provider that yields credentials wins; one
// that is configured but fails stops the chain with its error; when none
// yields anything the error lists every provider tried.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "backend/aws/credentials.hpp"
#include "backend/aws/credentials_common.hpp"
#include "backend/aws/credentials_container.hpp"
#include "backend/aws/credentials_process.hpp"
#include "backend/aws/credentials_sso.hpp"

namespace vd::aws {

struct ChainOptions {
    bool explicit_profile = false;  // --profile was given: the environment keys are skipped, as the CLI does
    ContainerOptions container;
    SsoOptions sso;
    ProcessOptions process;
};

// A provider that asks each provider in turn and remembers which one answered.
std::shared_ptr<CredentialsProvider> make_chain_provider(std::vector<std::shared_ptr<CredentialsProvider>> providers,
                                                         std::string name = "credentials-chain");

// The providers that read one profile: web identity, SSO, shared credentials
// file, credential_process, config file (the source-profile chain of assume-role).
std::vector<std::shared_ptr<CredentialsProvider>> profile_providers(const CredentialsContext& context, bool use_environment,
                                                                    const ChainOptions& options);

// The whole chain, in the CLI's order.
std::shared_ptr<CredentialsProvider> make_default_chain(const CredentialsContext& context, const ChainOptions& options = {});

}  // namespace vd::aws
