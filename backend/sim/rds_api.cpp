#include "backend/sim/rds_api.hpp"

#include <algorithm>
#include <cctype>

#include "backend/sim/rds_xml.hpp"

namespace vd::sim {
namespace {

struct Action {
    const char* name;
    rds::Handler handler;
};

const Action kActions[] = {
    {"DescribeDBInstances", rds::describe_db_instances},
    {"DescribeDBClusters", rds::describe_db_clusters},
    {"DescribeDBSnapshots", rds::describe_db_snapshots},
    {"DescribeDBClusterSnapshots", rds::describe_db_cluster_snapshots},
    {"DescribeDBInstanceAutomatedBackups", rds::describe_db_instance_automated_backups},
    {"DescribeDBSubnetGroups", rds::describe_db_subnet_groups},
    {"RestoreDBInstanceFromDBSnapshot", rds::restore_db_instance_from_db_snapshot},
    {"RestoreDBInstanceToPointInTime", rds::restore_db_instance_to_point_in_time},
    {"DeleteDBInstance", rds::delete_db_instance},
    {"RestoreDBClusterFromSnapshot", rds::restore_db_cluster_from_snapshot},
    {"RestoreDBClusterToPointInTime", rds::restore_db_cluster_to_point_in_time},
    {"CreateDBInstance", rds::create_db_instance},
    {"DeleteDBCluster", rds::delete_db_cluster},
    {"CopyDBSnapshot", rds::copy_db_snapshot},
};

}  // namespace

WireResponse handle_rds(Call& call) {
    QueryInput in(call.wire);
    for (const auto& a : kActions) {
        if (in.action() != a.name) continue;
        call.operation = a.name;
        auto reply = a.handler(call, in);
        if (!reply) return query_error_response(kRdsNamespace, reply.error(), call.request_id);
        return std::move(*reply);
    }
    call.operation = in.action().empty() ? "Unknown" : in.action();
    std::string message = in.action().empty() ? "The request must contain the parameter Action."
                                              : "Could not find operation " + in.action() + " for version 2014-10-31";
    return query_error_response(kRdsNamespace, rds::fault(400, "InvalidAction", message), call.request_id);
}

namespace rds {

Error fault(int status, const std::string& code, const std::string& message) { return api_error(status, code, message); }

bool valid_db_identifier(const std::string& id) {
    if (id.empty() || id.size() > 63 || !std::isalpha(static_cast<unsigned char>(id[0]))) return false;
    if (id.back() == '-' || id.find("--") != std::string::npos) return false;
    return std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
}

Status check_identifier(const std::string& id, const char* member) {
    if (id.empty()) return fault(400, "MissingParameter", std::string("The parameter ") + member + " must be provided and must not be blank.");
    if (!valid_db_identifier(id)) {
        return fault(400, "InvalidParameterValue",
                     "The parameter " + std::string(member) + " is not a valid identifier. Identifiers must begin with a "
                     "letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or "
                     "contain two consecutive hyphens.");
    }
    return ok_status();
}

Status apply_new_resource_settings(const QueryInput& in, const char* parameter_group_member, NewResourceSettings s) {
    if (in.has("DBSubnetGroupName")) s.subnet_group = in.get("DBSubnetGroupName");
    auto groups = in.list("VpcSecurityGroupIds", "VpcSecurityGroupId");
    if (!groups.empty()) s.security_groups = groups;
    if (in.has(parameter_group_member)) s.parameter_group = in.get(parameter_group_member);
    auto port = in.integer("Port");
    if (!port) return port.error();
    if (*port) {
        if (**port < 1150 || **port > 65535)
            return fault(400, "InvalidParameterValue", "Invalid port " + std::to_string(**port) + ": it must be 1150-65535.");
        s.port = static_cast<int>(**port);
    }
    for (auto [member, flag] : {std::pair<const char*, bool*>{"DeletionProtection", &s.deletion_protection},
                                {"CopyTagsToSnapshot", &s.copy_tags_to_snapshot}}) {
        auto v = in.boolean(member);
        if (!v) return v.error();
        if (*v) *flag = **v;
    }
    s.tags = in.tags();
    if (in.has("EngineLifecycleSupport")) {
        std::string v = in.get("EngineLifecycleSupport");
        if (v != "open-source-rds-extended-support" && v != "open-source-rds-extended-support-disabled")
            return fault(400, "InvalidParameterValue",
                         "Invalid value " + v + " for EngineLifecycleSupport. Valid values: open-source-rds-extended-support, "
                         "open-source-rds-extended-support-disabled.");
        s.engine_lifecycle_support = v;
    }
    return ok_status();
}

Result<Paging> paging(const QueryInput& in) {
    Paging p;
    auto max = in.integer("MaxRecords");
    if (!max) return max.error();
    if (*max) {
        if (**max < 20 || **max > 100) {
            return fault(400, "InvalidParameterValue",
                         "Invalid value " + std::to_string(**max) + " for MaxRecords. Must be between 20 and 100");
        }
        p.max_records = static_cast<int>(**max);
    }
    std::string marker = in.get("Marker");
    if (!marker.empty()) {
        auto key = decode_page_token(marker);
        if (!key) return fault(400, "InvalidParameterValue", "The Marker is not valid: " + marker);
        p.start = *key;
    }
    return p;
}

}  // namespace rds
}  // namespace vd::sim
