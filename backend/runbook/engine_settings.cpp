// The new database's settings: unless the operator says otherwise, a restore
// gets its source's (subnet group, security groups, parameter group, option
// group, port, class, storage, Multi-AZ, CopyTagsToSnapshot, deletion
// protection, tags), because AWS would otherwise apply its own defaults and
// the application could not reach the restored database. Each default is
// kept with where it came from ("default_<field>", "origin_<field>"):
//   - the source instance or cluster, while it exists;
//   - else the snapshot or the recovery point's restore metadata (the DR
//     case), and the origin says the source is gone;
//   - drills are Single-AZ without deletion protection;
//   - EngineLifecycleSupport is open-source-rds-extended-support-disabled,
//     so a restore never lands on paid RDS Extended Support unasked.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "backend/runbook/cost_estimate.hpp"
#include "backend/runbook/engine_impl.hpp"

namespace vd::runbook::detail {
namespace {

// What one source says, before it is written into the wizard's values.
struct FoundSettings {
    std::map<std::string, std::string> values;  // by form field name
    std::string origin;
    std::vector<std::pair<std::string, std::string>> tags;
    int64_t storage_gb = 0;
    std::string engine;
    std::string engine_version;
};

// "a,b" of a list.
std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : ",") + i;
    return out;
}

// The ids of a '["sg-1","sg-2"]' restore metadata value.
std::string metadata_groups(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    std::vector<std::string> out;
    if (j.is_array())
        for (const auto& g : j)
            if (g.is_string()) out.push_back(g.get<std::string>());
    return joined(out);
}

// Sets a value when it is not empty.
void put(FoundSettings& f, const char* field, const std::string& v) {
    if (!v.empty()) f.values[field] = v;
}

// The settings of a live RDS instance.
FoundSettings from_instance(const model::DbInstance& d) {
    FoundSettings f;
    f.origin = "from " + d.identifier;
    put(f, "instance_class", d.instance_class);
    put(f, "subnet_group", d.subnet_group);
    put(f, "security_groups", joined(d.security_groups));
    put(f, "parameter_group", d.parameter_group);
    put(f, "option_group", d.option_group);
    if (d.port > 0) put(f, "port", std::to_string(d.port));
    put(f, "storage_type", d.storage_type);
    if (d.iops > 0) put(f, "iops", std::to_string(d.iops));
    put(f, "multi_az", d.multi_az ? "true" : "false");
    put(f, "copy_tags_to_snapshot", d.copy_tags_to_snapshot ? "true" : "false");
    put(f, "deletion_protection", d.deletion_protection ? "true" : "false");
    f.tags = d.tags;
    f.storage_gb = d.allocated_storage_gb;
    f.engine = d.engine;
    f.engine_version = d.engine_version;
    return f;
}

// The settings of a live Aurora cluster (the class is its writer's).
FoundSettings from_cluster(const model::DbCluster& c, const std::string& writer_class) {
    FoundSettings f;
    f.origin = "from " + c.identifier;
    put(f, "instance_class", writer_class);
    put(f, "subnet_group", c.subnet_group);
    put(f, "security_groups", joined(c.security_groups));
    put(f, "parameter_group", c.parameter_group);
    if (c.endpoint.port > 0) put(f, "port", std::to_string(c.endpoint.port));
    put(f, "copy_tags_to_snapshot", c.copy_tags_to_snapshot ? "true" : "false");
    put(f, "deletion_protection", c.deletion_protection ? "true" : "false");
    f.tags = c.tags;
    f.engine = c.engine;
    f.engine_version = c.engine_version;
    return f;
}

// The settings a recovery point's restore metadata records.
FoundSettings from_metadata(const std::map<std::string, std::string>& m) {
    FoundSettings f;
    auto get = [&](const char* k) {
        auto it = m.find(k);
        return it == m.end() ? std::string() : it->second;
    };
    put(f, "instance_class", get("DBInstanceClass"));
    put(f, "subnet_group", get("DBSubnetGroupName"));
    put(f, "security_groups", metadata_groups(get("VpcSecurityGroupIds")));
    put(f, "parameter_group", get("DBParameterGroupName").empty() ? get("DBClusterParameterGroupName") : get("DBParameterGroupName"));
    put(f, "option_group", get("OptionGroupName"));
    put(f, "port", get("Port"));
    put(f, "storage_type", get("StorageType"));
    put(f, "iops", get("Iops"));
    put(f, "multi_az", get("MultiAZ"));
    put(f, "copy_tags_to_snapshot", get("CopyTagsToSnapshot"));
    std::string gb = get("AllocatedStorage");
    if (!gb.empty() && gb.find_first_not_of("0123456789") == std::string::npos) f.storage_gb = std::stoll(gb);
    f.engine = get("Engine");
    f.engine_version = get("EngineVersion");
    return f;
}

// The settings a DB snapshot keeps.
FoundSettings from_snapshot(const model::DbSnapshot& s) {
    FoundSettings f;
    if (s.port > 0) put(f, "port", std::to_string(s.port));
    put(f, "storage_type", s.storage_type);
    if (s.iops > 0) put(f, "iops", std::to_string(s.iops));
    f.storage_gb = s.allocated_storage_gb;
    f.engine = s.engine;
    f.engine_version = s.engine_version;
    return f;
}

}  // namespace

// "sg-1,sg-2" as a list.
std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::string word;
    for (char c : s) {
        if (c == ',') {
            if (!word.empty()) out.push_back(word);
            word.clear();
        } else if (c != ' ') {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(word);
    return out;
}

// The settings fields a restore form may carry, in the order the plan sends them.
const std::vector<std::string>& restore_setting_fields() {
    static const std::vector<std::string> fields = {
        "instance_class", "subnet_group", "security_groups", "parameter_group", "option_group", "port",
        "storage_type", "iops", "multi_az", "copy_tags_to_snapshot", "deletion_protection", "engine_lifecycle_support"};
    return fields;
}

// The Aurora cluster this wizard restores from, or empty for an RDS instance.
std::string EngineImpl::source_cluster() const {
    for (const std::string& text : {value("resource_arn"), value("source")}) {
        auto at = text.find(":cluster:");
        if (at != std::string::npos) return text.substr(at + 9);
    }
    if (value("resource_type") == "Aurora") return value("source");
    return {};
}

// Reads the source's settings as defaults (once per source, point and snapshot).
void EngineImpl::load_source_settings() {
    const std::string key = value("source") + "|" + value("resource_arn") + "|" + value("recovery_point_arn") + "|" +
                            value("snapshot_identifier") + "|" + value("region");
    if (value("settings_loaded_for") == key) return;
    auto b = backend();
    if (!b) return;
    FoundSettings found;
    std::string note;
    const std::string cluster = source_cluster();
    const std::string source = cluster.empty() ? db_identifier_of(value("source")) : cluster;
    bool live = false;
    if (!cluster.empty()) {
        if (auto c = (*b)->describe_db_cluster(cluster)) {
            std::string writer_class;
            if (!c->writer.empty())
                if (auto w = (*b)->describe_db_instance(c->writer)) writer_class = w->instance_class;
            found = from_cluster(*c, writer_class);
            live = true;
        }
    } else if (!source.empty()) {
        if (auto d = (*b)->describe_db_instance(source)) {
            found = from_instance(*d);
            live = true;
        }
    }
    if (!live) {
        if (!value("recovery_point_arn").empty()) {
            if (auto md = (*b)->get_restore_metadata(value("recovery_point_vault"), value("recovery_point_arn"))) {
                found = from_metadata(md->metadata);
                metadata_ = std::move(*md);
                found.origin = "from the recovery point";
            }
        } else if (!value("snapshot_identifier").empty()) {
            auto snaps = cluster.empty() ? (*b)->describe_db_snapshots(source, "") : (*b)->describe_db_cluster_snapshots(cluster);
            if (snaps)
                for (const auto& s : *snaps)
                    if (s.identifier == value("snapshot_identifier")) found = from_snapshot(s);
            found.origin = "from the snapshot";
        }
        if (!source.empty()) {
            note = fmt::format("{} is gone: the defaults are the {}'s own values", source,
                               value("recovery_point_arn").empty() ? "snapshot" : "recovery point");
            found.origin += " (source gone)";
        }
    }
    auto& v = state_.values;
    for (const auto& f : restore_setting_fields()) {
        v.erase("default_" + f);
        v.erase("origin_" + f);
    }
    for (const auto& [field, val] : found.values) {
        v["default_" + field] = val;
        v["origin_" + field] = found.origin;
    }
    if (runbook_.kind == RunbookKind::Drill) {
        for (const char* field : {"multi_az", "deletion_protection"}) {
            v[std::string("default_") + field] = "false";
            v[std::string("origin_") + field] = "off for drills";
        }
    }
    v["default_engine_lifecycle_support"] = services::kExtendedSupportDisabled;
    v["origin_engine_lifecycle_support"] = "no Extended Support charges";
    v["source_tags"] = nlohmann::json(found.tags).dump();
    if (found.storage_gb > 0) v["allocated_storage"] = std::to_string(found.storage_gb);
    if (!found.engine.empty()) v["source_engine"] = found.engine;
    if (!found.engine_version.empty()) v["source_engine_version"] = found.engine_version;
    v["settings_note"] = note;
    v["settings_loaded_for"] = key;
}

// A setting as the restore will send it: the form's value once the form
// ran, else the default read from the source.
std::string EngineImpl::setting(const std::string& field) const {
    if (auto it = state_.values.find(field); it != state_.values.end()) return it->second;
    return value("default_" + field);
}

// The tags of the new resource: the source's plus vaultdeck:restored-from and
// vaultdeck:wizard (this wizard's id).
std::vector<std::pair<std::string, std::string>> EngineImpl::restored_tags() const {
    std::vector<std::pair<std::string, std::string>> tags;
    auto j = nlohmann::json::parse(value("source_tags").empty() ? "[]" : value("source_tags"), nullptr, false);
    if (j.is_array())
        for (const auto& t : j)
            if (t.is_array() && t.size() == 2 && t[0].is_string() && t[1].is_string() &&
                t[0].get<std::string>().rfind("aws:", 0) != 0 && t[0].get<std::string>() != kRestoredFromTag &&
                t[0].get<std::string>() != kWizardTag)
                tags.emplace_back(t[0].get<std::string>(), t[1].get<std::string>());
    std::string from = source_cluster().empty() ? db_identifier_of(value("source")) : source_cluster();
    if (!value("snapshot_identifier").empty()) from += " snapshot " + value("snapshot_identifier");
    else if (!value("recovery_point_arn").empty()) from += " recovery point " + value("recovery_point_arn");
    else if (!value("restore_time").empty()) from += " at " + value("restore_time");
    if (from.size() > 256) from.resize(256);
    tags.emplace_back(kRestoredFromTag, from);
    tags.emplace_back(kWizardTag, state_.id);
    return tags;
}

// States what will be created and what it costs an hour, for the confirm step.
void EngineImpl::estimate_cost() {
    load_source_settings();
    std::string storage = value("allocated_storage");
    int64_t gb = storage.empty() || storage.find_first_not_of("0123456789") != std::string::npos || storage.size() > 9 ? 0 : std::stoll(storage);
    bool aurora = !source_cluster().empty();
    auto e = estimate_restore_cost(options_.prices, setting("instance_class"), gb, setting("storage_type"), setting("multi_az") == "true", aurora);
    state_.values["cost_estimate"] = e.text;
}

}  // namespace vd::runbook::detail
