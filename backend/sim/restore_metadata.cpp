#include "backend/sim/restore_metadata.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace vd::sim {
namespace {

// The value of a key, or empty.
std::string get(const RestoreMetadata& m, const char* key) {
    auto it = m.find(key);
    return it == m.end() ? std::string() : it->second;
}

// The security group ids of a '["sg-1","sg-2"]' value (empty when not a JSON list of strings).
std::vector<std::string> group_ids(const std::string& text) {
    std::vector<std::string> out;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array()) return out;
    for (const auto& g : j)
        if (g.is_string()) out.push_back(g.get<std::string>());
    return out;
}

// Sets a flag from "true"/"false" when the key is there.
void flag(const RestoreMetadata& m, const char* key, bool& out) {
    std::string v = get(m, key);
    if (v == "true" || v == "false") out = v == "true";
}

// Sets the settings instances and clusters share.
template <class Resource>
void apply_common(const RestoreMetadata& m, Resource& r) {
    if (auto v = get(m, "DBSubnetGroupName"); !v.empty()) r.subnet_group = v;
    if (auto v = group_ids(get(m, "VpcSecurityGroupIds")); !v.empty()) r.security_groups = v;
    if (auto v = get(m, "Port"); !v.empty()) r.port = std::stoi(v);
    if (auto v = get(m, "EngineLifecycleSupport"); !v.empty()) r.engine_lifecycle_support = v;
    flag(m, "CopyTagsToSnapshot", r.copy_tags_to_snapshot);
    flag(m, "DeletionProtection", r.deletion_protection);
}

}  // namespace

Status check_restore_metadata(const RestoreMetadata& m) {
    std::string lifecycle = get(m, "EngineLifecycleSupport");
    if (!lifecycle.empty() && lifecycle != "open-source-rds-extended-support" && lifecycle != "open-source-rds-extended-support-disabled")
        return make_error(ErrorKind::InvalidInput, "Metadata EngineLifecycleSupport must be open-source-rds-extended-support or "
                                                   "open-source-rds-extended-support-disabled (got '" + lifecycle + "').", "InvalidParameterValueException");
    std::string groups = get(m, "VpcSecurityGroupIds");
    auto list = nlohmann::json::parse(groups.empty() ? "[]" : groups, nullptr, false);
    bool strings = list.is_array() && std::all_of(list.begin(), list.end(), [](const auto& g) { return g.is_string(); });
    if (!strings)
        return make_error(ErrorKind::InvalidInput, "Metadata VpcSecurityGroupIds must be a JSON list of security group ids (got '" +
                                                       groups + "').", "InvalidParameterValueException");
    for (const char* key : {"Port", "Iops"}) {
        std::string v = get(m, key);
        if (!v.empty() && (v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos))
            return make_error(ErrorKind::InvalidInput, std::string("Metadata ") + key + " must be a number (got '" + v + "').",
                              "InvalidParameterValueException");
    }
    return ok_status();
}

void apply_instance_metadata(const RestoreMetadata& m, DbInstance& db) {
    apply_common(m, db);
    if (auto v = get(m, "DBParameterGroupName"); !v.empty()) db.parameter_group = v;
    if (auto v = get(m, "OptionGroupName"); !v.empty()) db.option_group = v;
    if (auto v = get(m, "StorageType"); !v.empty()) db.storage_type = v;
    if (auto v = get(m, "Iops"); !v.empty()) db.iops = std::stoll(v);
    flag(m, "MultiAZ", db.multi_az);
}

void apply_cluster_metadata(const RestoreMetadata& m, DbCluster& cluster) {
    apply_common(m, cluster);
    if (auto v = get(m, "DBClusterParameterGroupName"); !v.empty()) cluster.parameter_group = v;
}

}  // namespace vd::sim
