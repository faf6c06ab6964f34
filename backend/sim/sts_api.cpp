#include "backend/sim/sts_api.hpp"

#include <regex>

#include "backend/sim/query_input.hpp"
#include "backend/sim/query_xml.hpp"

namespace vd::sim {
namespace {

// A query-protocol STS error.
Error sts_error(const std::string& code, const std::string& message) { return api_error(400, code, message); }

Result<WireResponse> get_caller_identity(Call& call, const QueryInput&) {
    auto it = call.world.principals.find(call.access_key);
    QueryAnswer answer("GetCallerIdentity", kStsNamespace);
    if (it != call.world.principals.end()) {
        add_text(answer.result(), "UserId", it->second.user_id);
        add_text(answer.result(), "Account", it->second.account_id);
        add_text(answer.result(), "Arn", it->second.arn);
    } else {
        add_text(answer.result(), "UserId", "AIDAVAULTDECKANONYMOUS");
        add_text(answer.result(), "Account", call.account_id);
        add_text(answer.result(), "Arn", "arn:aws:iam::" + call.account_id + ":user/anonymous");
    }
    return answer.finish(call.request_id);
}

Result<WireResponse> assume_role(Call& call, const QueryInput& in) {
    std::string role = in.get("RoleArn");
    std::string session = in.get("RoleSessionName");
    if (role.empty()) return sts_error("ValidationError", "1 validation error detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
    if (session.empty()) return sts_error("ValidationError", "1 validation error detected: Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
    static const std::regex role_arn(R"(arn:aws:iam::(\d{12}):role/((?:[\w+=,.@-]+/)*)([\w+=,.@-]{1,64}))");
    static const std::regex session_name(R"([\w+=,.@-]{2,64})");
    std::smatch m;
    if (!std::regex_match(role, m, role_arn)) return sts_error("ValidationError", "RoleArn " + role + " is not a valid IAM role ARN.");
    if (!std::regex_match(session, session_name)) {
        return sts_error("ValidationError", "RoleSessionName must be 2 to 64 characters of letters, digits and =,.@-");
    }
    auto duration = in.integer("DurationSeconds");
    if (!duration) return duration.error();
    int64_t seconds = duration->value_or(3600);
    if (seconds < 900 || seconds > 43200) {
        return sts_error("ValidationError", "DurationSeconds must be between 900 and 43200 seconds.");
    }
    Principal p;
    p.access_key = "ASIA" + call.ids.upper_alnum(16);
    p.secret_key = call.ids.alnum(40);
    p.session_token = "IQoJb3JpZ2luX2VjE" + call.ids.alnum(180);
    p.account_id = m[1].str();
    std::string role_name = m[3].str();
    p.arn = "arn:aws:sts::" + p.account_id + ":assumed-role/" + role_name + "/" + session;
    std::string role_id = "AROA" + call.ids.upper_alnum(17);
    p.user_id = role_id + ":" + session;
    p.expiration = call.now + std::chrono::seconds(seconds);
    QueryAnswer answer("AssumeRole", kStsNamespace);
    auto credentials = answer.result().append_child("Credentials");
    add_text(credentials, "AccessKeyId", p.access_key);
    add_text(credentials, "SecretAccessKey", p.secret_key);
    add_text(credentials, "SessionToken", p.session_token);
    add_time(credentials, "Expiration", *p.expiration);
    auto user = answer.result().append_child("AssumedRoleUser");
    add_text(user, "AssumedRoleId", p.user_id);
    add_text(user, "Arn", p.arn);
    call.world.principals[p.access_key] = std::move(p);
    return answer.finish(call.request_id);
}

}  // namespace

WireResponse handle_sts(Call& call) {
    QueryInput in(call.wire);
    Result<WireResponse> reply = sts_error("InvalidAction", "Could not find operation " + in.action() + " for version 2011-06-15");
    call.operation = in.action().empty() ? "Unknown" : in.action();
    if (in.action() == "GetCallerIdentity") reply = get_caller_identity(call, in);
    if (in.action() == "AssumeRole") reply = assume_role(call, in);
    if (!reply) return query_error_response(kStsNamespace, reply.error(), call.request_id);
    return std::move(*reply);
}

}  // namespace vd::sim
