// Amazon RDS DB subnet groups: the ones the region's databases use, and
// "default". Restore preflight asks for them by name before a restore.
#include <fmt/format.h>

#include "backend/sim/rds_api.hpp"
#include "backend/sim/rds_xml.hpp"

namespace vd::sim::rds {

Result<WireResponse> describe_db_subnet_groups(Call& call, const QueryInput& in) {
    auto p = paging(in);
    if (!p) return p.error();
    if (!in.filters().empty()) return fault(400, "InvalidParameterValue", "DescribeDBSubnetGroups takes no filters here.");
    const RegionState& state = call.state();
    std::map<std::string, std::string> groups{{"default", "default"}};
    for (const auto& g : state.db_subnet_groups) groups[g] = g;
    std::string name = in.get("DBSubnetGroupName");
    if (!name.empty() && groups.count(name) == 0) return fault(404, "DBSubnetGroupNotFoundFault", "DBSubnetGroup " + name + " not found.");
    const std::string vpc = state.vpc_id.empty() ? "vpc-0default" : state.vpc_id;
    QueryAnswer answer("DescribeDBSubnetGroups", kRdsNamespace);
    page_into(answer.result(), "DBSubnetGroups", groups, *p, [&](const std::string& g) { return name.empty() || g == name; },
              [&](pugi::xml_node list, const std::string& g) {
                  auto n = list.append_child("DBSubnetGroup");
                  add_text(n, "DBSubnetGroupName", g);
                  add_text(n, "DBSubnetGroupDescription", g == "default" ? "default" : "subnets of " + g);
                  add_text(n, "VpcId", vpc);
                  add_text(n, "SubnetGroupStatus", "Complete");
                  auto subnets = n.append_child("Subnets");
                  for (char zone : {'a', 'b'}) {
                      auto s = subnets.append_child("Subnet");
                      add_text(s, "SubnetIdentifier", fmt::format("subnet-{}{}", g.size() % 10, zone));
                      add_text(s.append_child("SubnetAvailabilityZone"), "Name", state.region + zone);
                      add_text(s, "SubnetStatus", "Active");
                  }
                  add_text(n, "DBSubnetGroupArn", fmt::format("arn:aws:rds:{}:{}:subgrp:{}", state.region, state.account_id, g));
              });
    return answer.finish(call.request_id);
}

}  // namespace vd::sim::rds
