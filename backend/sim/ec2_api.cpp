#include "backend/sim/ec2_api.hpp"

#include <algorithm>
#include <regex>

#include "backend/sim/query_input.hpp"
#include "backend/sim/query_xml.hpp"

namespace vd::sim {
namespace {

// An EC2 answer: <ACTIONResponse xmlns=...><requestId/>...</ACTIONResponse>,
// with no Result wrapper; `fill` adds the action's members to the root.
template <class Fill>
WireResponse ec2_answer(const Call& call, const std::string& action, Fill fill) {
    pugi::xml_document doc;
    auto root = doc.append_child((action + "Response").c_str());
    root.append_attribute("xmlns") = kEc2Namespace;
    add_text(root, "requestId", call.request_id);
    fill(root);
    WireResponse r;
    r.headers = {{"Content-Type", "text/xml;charset=UTF-8"}, {"x-amzn-RequestId", call.request_id}};
    r.body = xml_to_string(doc);
    return r;
}

// The regions the simulated account has enabled: those its world holds, or
// only the ones named in RegionName.N.
WireResponse describe_regions(Call& call, const QueryInput& in) {
    std::vector<std::string> wanted;
    for (int i = 1;; ++i) {
        std::string name = in.get("RegionName." + std::to_string(i));
        if (name.empty()) break;
        wanted.push_back(std::move(name));
    }
    return ec2_answer(call, "DescribeRegions", [&](pugi::xml_node root) {
        auto info = root.append_child("regionInfo");
        for (const auto& region : call.world.regions) {
            if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), region) == wanted.end()) continue;
            auto item = info.append_child("item");
            add_text(item, "regionName", region);
            add_text(item, "regionEndpoint", "ec2." + region + ".amazonaws.com");
            add_text(item, "optInStatus", "opt-in-not-required");
        }
    });
}

// The VPC security groups of the region, all or those named in GroupId.N.
WireResponse describe_security_groups(Call& call, const QueryInput& in) {
    const RegionState& state = call.state();
    std::vector<std::string> wanted;
    for (int i = 1;; ++i) {
        std::string id = in.get("GroupId." + std::to_string(i));
        if (id.empty()) break;
        static const std::regex form("^sg-[0-9a-f]{8,17}$");
        if (!std::regex_match(id, form))
            return ec2_error_response(api_error(400, "InvalidGroupId.Malformed", "Invalid id: \"" + id + "\" (expecting \"sg-...\")"),
                                      call.request_id);
        if (state.security_groups.count(id) == 0)
            return ec2_error_response(api_error(400, "InvalidGroup.NotFound", "The security group '" + id + "' does not exist"),
                                      call.request_id);
        wanted.push_back(std::move(id));
    }
    return ec2_answer(call, "DescribeSecurityGroups", [&](pugi::xml_node root) {
        auto info = root.append_child("securityGroupInfo");
        for (const auto& id : state.security_groups) {
            if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), id) == wanted.end()) continue;
            auto item = info.append_child("item");
            add_text(item, "ownerId", state.account_id);
            add_text(item, "groupId", id);
            add_text(item, "groupName", "db-" + id.substr(3, 6));
            add_text(item, "groupDescription", "database access");
            add_text(item, "vpcId", state.vpc_id);
            item.append_child("ipPermissions");
            item.append_child("ipPermissionsEgress");
        }
    });
}

}  // namespace

WireResponse ec2_error_response(const Error& error, const std::string& request_id) {
    pugi::xml_document doc;
    auto root = doc.append_child("Response");
    auto e = root.append_child("Errors").append_child("Error");
    add_text(e, "Code", error.code);
    add_text(e, "Message", error.message);
    add_text(root, "RequestID", request_id);
    WireResponse r;
    r.status = error.http_status > 0 ? error.http_status : 400;
    r.headers = {{"Content-Type", "text/xml;charset=UTF-8"}, {"x-amzn-RequestId", request_id}};
    r.body = xml_to_string(doc);
    return r;
}

WireResponse handle_ec2(Call& call) {
    QueryInput in(call.wire);
    call.operation = in.action().empty() ? "Unknown" : in.action();
    if (in.action() == "DescribeRegions") return describe_regions(call, in);
    if (in.action() == "DescribeSecurityGroups") return describe_security_groups(call, in);
    return ec2_error_response(api_error(400, "InvalidAction", "The action " + in.action() + " is not valid for this web service."),
                              call.request_id);
}

}  // namespace vd::sim
