#include "tui/list_fetch.hpp"

#include <map>
#include <set>

#include "backend/poll/fetch.hpp"
#include "backend/services/rule_names.hpp"
#include "tui/list_json.hpp"
#include "tui/listings.hpp"

namespace vd::cli {
namespace {

// The AWS list members of a kind, in the order AWS returned them.
template <class T, class ToJson>
AwsJson items_of(const std::vector<T>& values, const std::string& region, ToJson to_json) {
    AwsJson items = AwsJson::array();
    for (const auto& v : values) items.push_back(to_json(v, region));
    return items;
}

// Names the rule behind each point where AWS did not; best effort (a plan
// that cannot be read leaves the name empty rather than failing the listing).
void name_rules(services::BackupClient& backup, std::vector<model::RecoveryPoint>& points) {
    if (!services::needs_rule_names(points)) return;
    std::set<std::string> plan_ids;
    for (const auto& p : points)
        if (p.created_by_rule_name.empty() && !p.backup_plan_id.empty()) plan_ids.insert(p.backup_plan_id);
    std::vector<model::BackupPlan> plans;
    for (const auto& id : plan_ids)
        if (auto plan = backup.get_backup_plan(id)) plans.push_back(std::move(*plan));
    services::resolve_rule_names(points, plans);
}

Result<Listing> list_recovery_points(ListClients& c, const ListOptions& o, const std::string& region, TimePoint now) {
    std::vector<model::RecoveryPoint> points;
    const bool by_resource = !o.resource.empty() && o.vault.empty();
    if (by_resource) {
        auto found = c.backup->list_recovery_points_by_resource(o.resource);
        if (!found) return found.error();
        points = std::move(*found);
    } else {
        std::vector<std::string> vaults;
        if (!o.vault.empty()) {
            vaults.push_back(o.vault);
        } else {
            auto all = c.backup->list_backup_vaults();
            if (!all) return all.error();
            for (const auto& v : *all) vaults.push_back(v.name);
        }
        services::JobFilter filter;
        filter.resource_arn = o.resource;
        for (const auto& vault : vaults) {
            auto page = c.backup->list_recovery_points_by_backup_vault(vault, filter);
            if (!page) return page.error();
            for (auto& p : *page) {
                if (p.vault_name.empty()) p.vault_name = vault;
                points.push_back(std::move(p));
            }
        }
    }
    name_rules(*c.backup, points);
    AwsJson items = AwsJson::array();
    for (auto& p : points) {
        poll::derive_storage_class(p, now);
        items.push_back(recovery_point_json(p, region, now, by_resource));
    }
    Listing l = recovery_points_listing(std::move(points));
    l.aws["RecoveryPoints"] = std::move(items);
    return l;
}

Result<Listing> list_plans(ListClients& c, const std::string& region) {
    auto summaries = c.backup->list_backup_plans();
    if (!summaries) return summaries.error();
    std::vector<model::BackupPlan> plans;
    for (const auto& s : *summaries) {
        auto plan = c.backup->get_backup_plan(s.plan_id);
        if (!plan) return plan.error();
        if (plan->plan_name.empty()) plan->plan_name = s.plan_name;
        if (!plan->last_execution_date) plan->last_execution_date = s.last_execution_date;
        if (!plan->creation_date) plan->creation_date = s.creation_date;
        plans.push_back(std::move(*plan));
    }
    Listing l = plans_listing(plans);
    l.aws["BackupPlansList"] = items_of(plans, region, plan_json);
    return l;
}

Result<Listing> list_copy_jobs(ListClients& c, const ListOptions& o, const std::string& region) {
    services::JobFilter filter;
    filter.resource_arn = o.resource;
    auto jobs = c.backup->list_copy_jobs(filter);
    if (!jobs) return jobs.error();
    if (!o.vault.empty())
        std::erase_if(*jobs, [&](const model::CopyJob& j) {
            return arn_tail(j.source_vault_arn) != o.vault && arn_tail(j.destination_vault_arn) != o.vault;
        });
    Listing l = copy_jobs_listing(*jobs);
    l.aws["CopyJobs"] = items_of(*jobs, region, copy_job_json);
    return l;
}

Result<Listing> list_protected_resources(ListClients& c, const ListOptions& o, const std::string& region) {
    auto resources = c.backup->list_protected_resources();
    if (!resources) return resources.error();
    std::erase_if(*resources, [&](const model::ProtectedResource& r) {
        return (!o.resource.empty() && r.resource_arn != o.resource) ||
               (!o.vault.empty() && arn_tail(r.last_backup_vault_arn) != o.vault);
    });
    Listing l = protected_resources_listing(*resources);
    l.aws["Results"] = items_of(*resources, region, protected_resource_json);
    return l;
}

// A DB identifier from an identifier or an RDS ARN (arn:...:db:NAME or :cluster:NAME).
std::string db_name(const std::string& resource) { return arn_tail(resource); }
bool is_cluster_arn(const std::string& resource) { return resource.find(":cluster:") != std::string::npos; }

Result<Listing> list_db_snapshots(ListClients& c, const ListOptions& o, const std::string& region) {
    std::vector<model::DbSnapshot> all;
    if (o.resource.empty() || !is_cluster_arn(o.resource)) {
        auto snaps = c.rds->describe_db_snapshots(o.resource.empty() ? std::string() : db_name(o.resource));
        if (!snaps) return snaps.error();
        all = std::move(*snaps);
    }
    if (o.resource.empty() || is_cluster_arn(o.resource)) {
        auto cluster = c.rds->describe_db_cluster_snapshots(o.resource.empty() ? std::string() : db_name(o.resource));
        if (!cluster) return cluster.error();
        all.insert(all.end(), std::make_move_iterator(cluster->begin()), std::make_move_iterator(cluster->end()));
    }
    AwsJson instance_items = AwsJson::array(), cluster_items = AwsJson::array();
    for (const auto& s : all) (s.cluster_snapshot ? cluster_items : instance_items).push_back(db_snapshot_json(s, region));
    Listing l = db_snapshots_listing(std::move(all));
    l.aws["DBSnapshots"] = std::move(instance_items);
    l.aws["DBClusterSnapshots"] = std::move(cluster_items);
    return l;
}

}  // namespace

Result<Listing> fetch_listing(ListClients& c, const ListOptions& o, const std::string& region, TimePoint now) {
    const std::string& k = o.kind;
    if (k == "vaults") {
        auto vaults = c.backup->list_backup_vaults();
        if (!vaults) return vaults.error();
        if (!o.vault.empty()) std::erase_if(*vaults, [&](const model::Vault& v) { return v.name != o.vault; });
        Listing l = vaults_listing(*vaults);
        l.aws["BackupVaultList"] = items_of(*vaults, region, vault_json);
        return l;
    }
    if (k == "recovery-points") return list_recovery_points(c, o, region, now);
    if (k == "backup-jobs") {
        services::JobFilter filter;
        filter.vault_name = o.vault;
        filter.resource_arn = o.resource;
        auto jobs = c.backup->list_backup_jobs(filter);
        if (!jobs) return jobs.error();
        Listing l = backup_jobs_listing(*jobs);
        l.aws["BackupJobs"] = items_of(*jobs, region, backup_job_json);
        return l;
    }
    if (k == "restore-jobs") {
        auto jobs = o.resource.empty() ? c.backup->list_restore_jobs() : c.backup->list_restore_jobs_by_protected_resource(o.resource);
        if (!jobs) return jobs.error();
        Listing l = restore_jobs_listing(*jobs);
        l.aws["RestoreJobs"] = items_of(*jobs, region, restore_job_json);
        return l;
    }
    if (k == "copy-jobs") return list_copy_jobs(c, o, region);
    if (k == "plans") return list_plans(c, region);
    if (k == "protected-resources") return list_protected_resources(c, o, region);
    if (k == "db-instances") {
        auto instances = c.rds->describe_db_instances(o.resource);
        if (!instances) return instances.error();
        Listing l = db_instances_listing(*instances);
        l.aws["DBInstances"] = items_of(*instances, region, db_instance_json);
        return l;
    }
    if (k == "db-snapshots") return list_db_snapshots(c, o, region);
    return make_error(ErrorKind::InvalidInput, "unknown kind " + k, "UsageError");
}

void append_listing(Listing& into, Listing&& part) {
    for (auto& row : part.rows) into.rows.push_back(std::move(row));
    for (auto it = part.aws.begin(); it != part.aws.end(); ++it) {
        AwsJson& list = into.aws[it.key()];
        if (!list.is_array()) list = AwsJson::array();
        for (auto& item : it.value()) list.push_back(std::move(item));
    }
}

// Which filters each kind understands: a usage error names the first that does not apply.
std::string misplaced_filter(const ListOptions& o) {
    static const std::map<std::string, std::pair<bool, bool>> accepts = {
        // kind: {--vault, --resource}
        {"vaults", {true, false}},         {"recovery-points", {true, true}}, {"backup-jobs", {true, true}},
        {"restore-jobs", {false, true}},   {"copy-jobs", {true, true}},       {"plans", {false, false}},
        {"protected-resources", {true, true}}, {"db-instances", {false, true}}, {"db-snapshots", {false, true}},
    };
    auto it = accepts.find(o.kind);
    if (it == accepts.end()) return "unknown kind '" + o.kind + "'";
    if (!o.vault.empty() && !it->second.first) return "--vault does not apply to " + o.kind;
    if (!o.resource.empty() && !it->second.second) return "--resource does not apply to " + o.kind;
    return {};
}

}  // namespace vd::cli
