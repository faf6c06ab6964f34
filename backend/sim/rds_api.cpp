#include "backend/sim/rds_api.hpp"

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
    {"RestoreDBInstanceFromDBSnapshot", rds::restore_db_instance_from_db_snapshot},
    {"RestoreDBInstanceToPointInTime", rds::restore_db_instance_to_point_in_time},
    {"DeleteDBInstance", rds::delete_db_instance},
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
