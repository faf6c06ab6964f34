// credential_process: runs the profile's command WITHOUT a shell (the line is
// split as the AWS CLI splits it) and reads the JSON Version 1 document it
// prints: {"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "backend/aws/credentials.hpp"
#include "backend/aws/credentials_common.hpp"

namespace vd::aws {

struct ProcessOptions {
    std::chrono::milliseconds timeout{60000};  // the command is killed after this
    size_t max_output = 1 << 20;               // bytes kept from stdout and from stderr
};

// The credential_process provider for the context's profile, named "credential-process".
std::shared_ptr<CredentialsProvider> make_process_provider(CredentialsContext context, ProcessOptions options = {});

// What a finished command left behind.
struct ProcessOutput {
    int exit_code = 0;   // the exit status, or 128 + signal number
    std::string out;     // stdout
    std::string err;     // stderr
};

// Runs argv[0] (looked up in PATH) with stdin from /dev/null and both
// outputs captured; an error when it cannot start or outlives the timeout.
Result<ProcessOutput> run_process(const std::vector<std::string>& argv, const ProcessOptions& options);

// Reads the JSON Version 1 document of credential_process.
Result<Credentials> parse_process_output(std::string_view output);

}  // namespace vd::aws
