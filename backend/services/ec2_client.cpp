#include "backend/services/ec2_client.hpp"

#include <algorithm>

#include "backend/services/query_wire.hpp"
#include "backend/services/send.hpp"
#include "backend/services/xml_util.hpp"

namespace vd::services {

// Wraps the pipeline client of one account.
Ec2Client::Ec2Client(std::shared_ptr<aws::AwsClient> client) : client_(std::move(client)) {}

// DescribeRegions answers <DescribeRegionsResponse><regionInfo><item><regionName>
// without a Result wrapper; opted-out regions are not listed by default.
Result<std::vector<std::string>> Ec2Client::describe_regions() {
    QueryParams params("DescribeRegions", "2016-11-15");
    auto response = send(*client_, query_wire::make("ec2", params));
    if (!response) return response.error();
    pugi::xml_document doc;
    if (auto parsed = parse_xml_body(response->body, doc, "DescribeRegions"); !parsed) return parsed.error();
    std::vector<std::string> regions;
    for (pugi::xml_node item : doc.document_element().child("regionInfo").children("item")) {
        std::string name = item.child("regionName").text().as_string();
        if (!name.empty()) regions.push_back(std::move(name));
    }
    if (regions.empty()) return make_error(ErrorKind::Parse, "DescribeRegions: the answer names no region", "MalformedXML");
    std::sort(regions.begin(), regions.end());
    return regions;
}

// DescribeSecurityGroups answers <securityGroupInfo><item> like DescribeRegions.
Result<std::vector<SecurityGroup>> Ec2Client::describe_security_groups(const std::vector<std::string>& ids) {
    QueryParams params("DescribeSecurityGroups", "2016-11-15");
    for (size_t i = 0; i < ids.size(); ++i) params.add("GroupId." + std::to_string(i + 1), ids[i]);
    auto response = send(*client_, query_wire::make("ec2", params));
    if (!response) return response.error();
    pugi::xml_document doc;
    if (auto parsed = parse_xml_body(response->body, doc, "DescribeSecurityGroups"); !parsed) return parsed.error();
    std::vector<SecurityGroup> groups;
    for (pugi::xml_node item : doc.document_element().child("securityGroupInfo").children("item"))
        groups.push_back({item.child("groupId").text().as_string(), item.child("groupName").text().as_string(),
                          item.child("vpcId").text().as_string()});
    return groups;
}

}  // namespace vd::services
