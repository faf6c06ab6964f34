// ECS / EKS container credentials: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI
// (against 169.254.170.2) or AWS_CONTAINER_CREDENTIALS_FULL_URI (https, or
// plain http only to a loopback or the container-agent hosts), with the
// Authorization header from AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE or
// AWS_CONTAINER_AUTHORIZATION_TOKEN.
#pragma once

#include <memory>
#include <string>

#include "backend/aws/credentials.hpp"
#include "backend/aws/credentials_common.hpp"

namespace vd::aws {

struct ContainerOptions {
    // Where a relative URI is sent; tests point it at a loopback server.
    std::string relative_host = "http://169.254.170.2";
    int attempts = 3;
    std::chrono::milliseconds timeout{2000};
    std::chrono::milliseconds retry_pause{200};
};

// The container provider, named "container"; reads the variables on every call.
std::shared_ptr<CredentialsProvider> make_container_provider(CredentialsContext context, ContainerOptions options = {});

// Checks a full URI: https anywhere, http only to loopback or the container hosts.
Status check_container_full_uri(const std::string& uri);

}  // namespace vd::aws
