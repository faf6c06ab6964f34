// Building query-protocol requests (RDS, STS) and reading their XML answers;
// shared by those clients, not part of their interfaces.
#pragma once

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "backend/aws/client.hpp"
#include "backend/core/result.hpp"
#include "backend/services/paging.hpp"
#include "backend/services/query_encoding.hpp"
#include "backend/services/send.hpp"
#include "backend/services/xml_util.hpp"

namespace vd::services::query_wire {

// A POST to / with the parameters as a form body; the operation is the Action.
aws::ServiceRequest make(const std::string& service, const QueryParams& params, bool mutating = false);

// Sends the request, parses the XML into doc and returns <ActionResult>.
Result<pugi::xml_node> call(aws::AwsClient& client, const aws::ServiceRequest& request, pugi::xml_document& doc);

// Where the items of a Marker-paginated answer are: <List><Member>...</Member></List>.
struct ListPath {
    const char* list;
    const char* member;
};

// Follows Marker until the last page, MaxRecords per page, parsing each member.
template <class T, class Parse>
Result<std::vector<T>> list_all(aws::AwsClient& client, const std::string& service, const QueryParams& base,
                                ListPath path, Parse parse, int max_records = 100) {
    const std::string& operation = base.pairs().front().second;
    return collect_pages<T>(operation, [&](const std::string& marker, std::vector<T>& items) -> Result<std::string> {
        QueryParams params = base;
        params.add("MaxRecords", std::to_string(max_records));
        params.add_if("Marker", marker);
        pugi::xml_document doc;
        auto result = call(client, make(service, params), doc);
        if (!result) return result.error();
        for (pugi::xml_node member : result->child(path.list).children(path.member)) items.push_back(parse(member));
        return xml_text(*result, "Marker");
    });
}

}  // namespace vd::services::query_wire
