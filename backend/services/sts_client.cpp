#include "backend/services/sts_client.hpp"

#include "backend/services/query_wire.hpp"

namespace vd::services {

// Wraps the pipeline client of one account.
StsClient::StsClient(std::shared_ptr<aws::AwsClient> client) : client_(std::move(client)) {}

// The account, ARN and user id behind the credentials.
Result<model::CallerIdentity> StsClient::get_caller_identity() {
    QueryParams params("GetCallerIdentity", "2011-06-15");
    pugi::xml_document doc;
    auto result = query_wire::call(*client_, query_wire::make("sts", params), doc);
    if (!result) return result.error();
    model::CallerIdentity id;
    id.account = xml_text(*result, "Account");
    id.arn = xml_text(*result, "Arn");
    id.user_id = xml_text(*result, "UserId");
    if (id.account.empty() && id.arn.empty())
        return make_error(ErrorKind::Parse, "GetCallerIdentity: the answer names no account", "MalformedXML");
    return id;
}

}  // namespace vd::services
