// The IAM policies in docs/iam against the code: every AWS operation the
// sources can send has a permission row and is granted by one of the two
// policies; no policy grants an action no operation needs; an AccessDenied
// answer names the missing action and the policy file.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "backend/aws/iam_permissions.hpp"

namespace fs = std::filesystem;
using vd::aws::Policy;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Every operation name of the service models the tests carry.
std::set<std::string> model_operations() {
    std::set<std::string> ops;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(VAULTDECK_TEST_DATA_DIR) / "aws-models")) {
        if (entry.path().filename() != "service-2.json") continue;
        auto model = nlohmann::json::parse(read_file(entry.path()));
        for (const auto& [name, _] : model["operations"].items()) ops.insert(name);
    }
    return ops;
}

// The string literals in the client-side sources (everything but the simulator
// and the credential providers).
std::set<std::string> source_literals() {
    std::set<std::string> out;
    const std::regex literal("\"([A-Za-z]+)\"");
    for (const char* dir : {"backend/services", "backend/runbook", "backend/poll", "backend/aws", "tui"}) {
        for (const auto& entry : fs::recursive_directory_iterator(fs::path(VAULTDECK_SOURCE_DIR) / dir)) {
            auto ext = entry.path().extension();
            if (ext != ".cpp" && ext != ".hpp") continue;
            const std::string name = entry.path().filename().string();
            if (name == "iam_permissions.cpp") continue;  // the table itself
            // Credential providers (AssumeRole, AssumeRoleWithWebIdentity) are
            // allowed by the role's trust policy, not by these policies.
            if (name.rfind("credentials_", 0) == 0) continue;
            std::string text = read_file(entry.path());
            for (std::sregex_iterator it(text.begin(), text.end(), literal), end; it != end; ++it) out.insert((*it)[1]);
        }
    }
    return out;
}

// The actions a policy file allows; fails the test on a malformed policy.
std::set<std::string> policy_actions(Policy policy) {
    const fs::path file = fs::path(VAULTDECK_SOURCE_DIR) / "docs/iam" / std::string(vd::aws::policy_file(policy));
    auto doc = nlohmann::json::parse(read_file(file));
    EXPECT_EQ(doc.value("Version", ""), "2012-10-17") << file;
    EXPECT_TRUE(doc["Statement"].is_array()) << file;
    std::set<std::string> actions;
    for (const auto& s : doc["Statement"]) {
        EXPECT_EQ(s.value("Effect", ""), "Allow") << file;
        EXPECT_TRUE(s.contains("Sid") && s.contains("Resource")) << file;
        EXPECT_TRUE(s["Action"].is_array()) << file;
        for (const auto& a : s["Action"]) EXPECT_TRUE(actions.insert(a.get<std::string>()).second) << "twice: " << a;
    }
    return actions;
}

}  // namespace

TEST(IamPermissions, EveryOperationTheCodeSendsHasAPermissionRow) {
    const auto ops = model_operations();
    ASSERT_GT(ops.size(), 200u);
    const auto literals = source_literals();
    int sent = 0;
    for (const auto& name : literals) {
        if (!ops.contains(name)) continue;
        ++sent;
        bool known = false;
        for (const auto& p : vd::aws::permissions()) known = known || p.operation == name;
        EXPECT_TRUE(known) << name << " is sent by the code but has no row in backend/aws/iam_permissions.cpp";
    }
    EXPECT_GT(sent, 30);
}

TEST(IamPermissions, EveryPermissionRowIsAnOperationTheCodeSends) {
    const auto literals = source_literals();
    for (const auto& p : vd::aws::permissions())
        EXPECT_TRUE(literals.contains(std::string(p.operation))) << p.operation << " is in the table but never sent";
    for (const auto& i : vd::aws::implied_permissions())
        EXPECT_TRUE(literals.contains(std::string(i.needed_by))) << i.action << " is implied by an operation never sent";
}

TEST(IamPermissions, PoliciesGrantExactlyWhatTheOperationsNeed) {
    for (Policy policy : {Policy::ReadOnly, Policy::Restore}) {
        std::set<std::string> wanted;
        for (const auto& p : vd::aws::permissions())
            if (p.policy == policy) wanted.insert(std::string(p.action));
        for (const auto& i : vd::aws::implied_permissions())
            if (i.policy == policy) wanted.insert(std::string(i.action));
        EXPECT_EQ(policy_actions(policy), wanted) << vd::aws::policy_file(policy);
    }
}

TEST(IamPermissions, AccessDeniedNamesTheMissingActionAndThePolicyFile) {
    vd::Error e = vd::make_error(vd::ErrorKind::Aws, "User: arn:aws:iam::1:user/x is not authorized", "AccessDeniedException");
    auto explained = vd::aws::explain_access_denied(e, "backup", "ListBackupVaults");
    EXPECT_NE(explained.message.find("backup:ListBackupVaults"), std::string::npos) << explained.message;
    EXPECT_NE(explained.message.find("vaultdeck-readonly.json"), std::string::npos) << explained.message;
    auto restore = vd::aws::explain_access_denied(vd::make_error(vd::ErrorKind::Aws, "denied", "AccessDenied"), "rds",
                                                  "DeleteDBInstance");
    EXPECT_NE(restore.message.find("rds:DeleteDBInstance"), std::string::npos);
    EXPECT_NE(restore.message.find("vaultdeck-restore.json"), std::string::npos);
    EXPECT_EQ(restore.message.find('\n'), std::string::npos);
    auto throttled = vd::aws::explain_access_denied(vd::make_error(vd::ErrorKind::Aws, "slow down", "ThrottlingException"),
                                                    "backup", "ListBackupVaults");
    EXPECT_EQ(throttled.message, "slow down");
}
