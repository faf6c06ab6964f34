// One AWS API call as the operator should see it: in the audit log, in the
// confirm step, and as the dry run of --read-only.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace vd::runbook {

struct ApiCall {
    std::string service;             // backup, rds
    std::string operation;           // StartRestoreJob
    nlohmann::ordered_json parameters = nlohmann::ordered_json::object();  // wire names
};

// "backup StartRestoreJob" followed by the parameters as indented JSON.
std::string describe_api_call(const ApiCall& call);

// The same call as an AWS CLI command line, quoted for a POSIX shell:
// aws backup start-restore-job --recovery-point-arn ... --metadata '{...}'
std::string aws_cli_equivalent(const ApiCall& call, const std::string& region);

}  // namespace vd::runbook
