// The IAM permissions vaultdeck needs, one row per AWS operation the code
// can send, and which of the two published policies grants it
// (docs/iam/vaultdeck-readonly.json, docs/iam/vaultdeck-restore.json). A
// test checks the rows against the sources and the policy files; an
// AccessDenied answer is explained from them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "backend/core/result.hpp"

namespace vd::aws {

enum class Policy { ReadOnly, Restore };

struct Permission {
    std::string_view service;    // signing name: backup, rds, sts, s3, ec2
    std::string_view operation;  // the API operation: ListBackupVaults
    std::string_view action;     // the IAM action: backup:ListBackupVaults
    Policy policy;
};

// A permission that is no operation of its own but that an operation needs
// (iam:PassRole for StartRestoreJob, tagging the instance a restore makes).
struct ImpliedPermission {
    std::string_view action;
    std::string_view needed_by;  // the operation that needs it
    Policy policy;
};

const std::vector<Permission>& permissions();
const std::vector<ImpliedPermission>& implied_permissions();

// The policy file's name: "vaultdeck-readonly.json".
std::string_view policy_file(Policy policy);

// The permission behind an operation of a service; nullopt when unknown.
std::optional<Permission> permission_for(std::string_view service, std::string_view operation);

// True for the error codes AWS uses for a refused permission.
bool is_access_denied(const Error& error);

// The one line for an AccessDenied answer: which action is missing and
// which policy file grants it. Other errors come back unchanged.
Error explain_access_denied(Error error, std::string_view service, std::string_view operation);

}  // namespace vd::aws
