// Amazon RDS over the query protocol: Action dispatch, Marker paging with
// MaxRecords 20..100, Filters, and XML answers in the RDS namespace.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "backend/sim/call.hpp"
#include "backend/sim/listing.hpp"
#include "backend/sim/query_input.hpp"
#include "backend/sim/query_xml.hpp"
#include "backend/sim/wire.hpp"

namespace vd::sim {

// Handles one RDS request (already authenticated).
WireResponse handle_rds(Call& call);

namespace rds {

using Handler = Result<WireResponse> (*)(Call&, const QueryInput&);

Error fault(int status, const std::string& code, const std::string& message);

// Whether an RDS instance or cluster identifier is one AWS accepts: 1 to 63
// letters, digits or hyphens, starting with a letter, no "--", no hyphen last.
bool valid_db_identifier(const std::string& id);
// MissingParameter or InvalidParameterValue for a bad new identifier.
Status check_identifier(const std::string& id, const char* member);

// MaxRecords (20..100, default 100) and the Marker's listing key.
struct Paging {
    int max_records = 100;
    std::optional<std::string> start;
};
Result<Paging> paging(const QueryInput& in);

// Attribute values of an item that a named filter compares against.
template <class T>
using FilterFields = std::map<std::string, std::function<std::string(const T&)>>;

// Checks the filter names; an InvalidParameterValue error for an unknown one.
template <class T>
Status check_filters(const std::vector<QueryFilter>& filters, const FilterFields<T>& fields) {
    for (const auto& f : filters) {
        if (fields.count(f.name) == 0) return fault(400, "InvalidParameterValue", "Unrecognized filter name: " + f.name);
    }
    return ok_status();
}

// Whether an item passes every filter (any of a filter's values may match).
template <class T>
bool passes(const T& item, const std::vector<QueryFilter>& filters, const FilterFields<T>& fields) {
    for (const auto& f : filters) {
        std::string value = fields.at(f.name)(item);
        bool any = false;
        for (const auto& v : f.values) any = any || v == value;
        if (!any) return false;
    }
    return true;
}

// Pages a map of items into <List><Member/>...</List> and a <Marker>.
template <class Map, class Keep, class Add>
void page_into(pugi::xml_node result, const char* list_name, const Map& items, const Paging& p, Keep keep, Add add) {
    auto list = result.append_child(list_name);
    std::string next = page_through(items, p.start, p.max_records, keep, [&](const auto& item) { add(list, item); });
    if (!next.empty()) add_text(result, "Marker", next);
}

// The settings instance and cluster restores share, as references into the
// new resource.
struct NewResourceSettings {
    std::string& subnet_group;
    std::vector<std::string>& security_groups;
    std::string& parameter_group;
    int& port;
    bool& deletion_protection;
    bool& copy_tags_to_snapshot;
    std::vector<std::pair<std::string, std::string>>& tags;
    std::string& engine_lifecycle_support;
};
// Reads them from a restore request (the parameter group under its member
// name); InvalidParameterValue for a port or lifecycle AWS would refuse.
Status apply_new_resource_settings(const QueryInput& in, const char* parameter_group_member, NewResourceSettings s);

Result<WireResponse> describe_db_instances(Call&, const QueryInput&);
Result<WireResponse> describe_db_clusters(Call&, const QueryInput&);
Result<WireResponse> describe_db_snapshots(Call&, const QueryInput&);
Result<WireResponse> describe_db_cluster_snapshots(Call&, const QueryInput&);
Result<WireResponse> describe_db_instance_automated_backups(Call&, const QueryInput&);
Result<WireResponse> restore_db_instance_from_db_snapshot(Call&, const QueryInput&);
Result<WireResponse> restore_db_instance_to_point_in_time(Call&, const QueryInput&);
Result<WireResponse> delete_db_instance(Call&, const QueryInput&);
Result<WireResponse> restore_db_cluster_from_snapshot(Call&, const QueryInput&);
Result<WireResponse> restore_db_cluster_to_point_in_time(Call&, const QueryInput&);
Result<WireResponse> create_db_instance(Call&, const QueryInput&);
Result<WireResponse> delete_db_cluster(Call&, const QueryInput&);
Result<WireResponse> describe_db_subnet_groups(Call&, const QueryInput&);
Result<WireResponse> copy_db_snapshot(Call&, const QueryInput&);

// Every DB snapshot of the region at time now (manual, copies, automated,
// awsbackup), by identifier.
std::map<std::string, DbSnapshot> all_db_snapshots(const RegionState& state, TimePoint now);
std::map<std::string, DbSnapshot> all_cluster_snapshots(const RegionState& state, TimePoint now);

}  // namespace rds
}  // namespace vd::sim
