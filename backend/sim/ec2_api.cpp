#include "backend/sim/ec2_api.hpp"

#include <algorithm>

#include "backend/sim/query_input.hpp"
#include "backend/sim/query_xml.hpp"

namespace vd::sim {
namespace {

// The regions the simulated account has enabled: those its world holds, or
// only the ones named in RegionName.N.
WireResponse describe_regions(Call& call, const QueryInput& in) {
    std::vector<std::string> wanted;
    for (int i = 1;; ++i) {
        std::string name = in.get("RegionName." + std::to_string(i));
        if (name.empty()) break;
        wanted.push_back(std::move(name));
    }
    pugi::xml_document doc;
    auto root = doc.append_child("DescribeRegionsResponse");
    root.append_attribute("xmlns") = kEc2Namespace;
    add_text(root, "requestId", call.request_id);
    auto info = root.append_child("regionInfo");
    for (const auto& region : call.world.regions) {
        if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), region) == wanted.end()) continue;
        auto item = info.append_child("item");
        add_text(item, "regionName", region);
        add_text(item, "regionEndpoint", "ec2." + region + ".amazonaws.com");
        add_text(item, "optInStatus", "opt-in-not-required");
    }
    WireResponse r;
    r.headers = {{"Content-Type", "text/xml;charset=UTF-8"}, {"x-amzn-RequestId", call.request_id}};
    r.body = xml_to_string(doc);
    return r;
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
    return ec2_error_response(api_error(400, "InvalidAction", "The action " + in.action() + " is not valid for this web service."),
                              call.request_id);
}

}  // namespace vd::sim
