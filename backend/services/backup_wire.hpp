// Building AWS Backup rest-json requests and reading their answers; shared by
// the BackupClient's source files, not part of its interface.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "backend/aws/client.hpp"
#include "backend/core/result.hpp"
#include "backend/services/json_util.hpp"
#include "backend/services/paging.hpp"
#include "backend/services/send.hpp"

namespace vd::services::backup_wire {

// The largest page the service allows (MaxResults 1..1000); fewest round trips.
inline constexpr int kPageSize = 1000;

// The query names a paginated operation uses for its token and page size.
struct PageNames {
    const char* token = "nextToken";
    const char* limit = "maxResults";
};
inline constexpr PageNames kLowerNames{"nextToken", "maxResults"};
inline constexpr PageNames kUpperNames{"NextToken", "MaxResults"};

// A request to the backup service (path already encoded).
aws::ServiceRequest make(std::string operation, std::string method, std::string path);
// Adds a query parameter when the value is not empty.
void add_if(aws::ServiceRequest& r, const char* name, const std::string& value);
// Adds an ISO 8601 timestamp query parameter when set.
void add_time(aws::ServiceRequest& r, const char* name, const std::optional<TimePoint>& value);
// Sends the request and parses the JSON answer.
Result<nlohmann::json> call(aws::AwsClient& client, const aws::ServiceRequest& request);

// Follows NextToken until the last page, parsing each member of list_key.
template <class T, class Parse>
Result<std::vector<T>> list_all(aws::AwsClient& client, const aws::ServiceRequest& base, const char* list_key,
                                Parse parse, PageNames names = kLowerNames, int page_size = kPageSize) {
    return collect_pages<T>(base.operation, [&](const std::string& token, std::vector<T>& items) -> Result<std::string> {
        aws::ServiceRequest r = base;
        r.query.emplace_back(names.limit, std::to_string(page_size));
        if (!token.empty()) r.query.emplace_back(names.token, token);
        auto body = call(client, r);
        if (!body) return body.error();
        auto list = body->find(list_key);
        if (list != body->end() && list->is_array()) {
            for (const auto& member : *list)
                if (member.is_object()) items.push_back(parse(member));
        }
        return JsonFields(*body).str("NextToken");
    });
}

}  // namespace vd::services::backup_wire
