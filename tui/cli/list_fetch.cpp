#include "tui/cli/list_fetch.hpp"

#include <map>
#include <set>

#include "backend/poll/fetch.hpp"
#include "backend/services/rule_names.hpp"
#include "tui/cli/list_json.hpp"
#include "tui/cli/listings.hpp"

namespace vd::cli {
namespace {

// The AWS list members of a kind, in the order AWS returned them.
template <class T, class ToJson>
AwsJson items_of(const std::vector<T>& values, const std::string& region, ToJson to_json) {
    AwsJson items = AwsJson::array();
    for (const auto& v : values) items.push_back(to_json(v, region));
    return items;
}

// --output json prints AWS's shapes, table and CSV the columns: each
// listing builds only the one it prints (at 100 k recovery points each
// form is hundreds of megabytes).
bool wants_json(const ListOptions& o) { return o.output == "json"; }

// The listing of `items`: rows for the table and CSV, or the AWS member.
template <class T, class ToRows, class ToJson>
Listing listing_of(const ListOptions& o, std::vector<T> items, ToRows to_rows, const char* member,
                   const std::string& region, ToJson to_json) {
    if (!wants_json(o)) return to_rows(std::move(items));
    Listing l;
    l.aws[member] = items_of(items, region, to_json);
    return l;
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
        auto listed = poll::list_points_of_vaults(*c.backup, vaults, filter, poll::kVaultsAtOnce);
        if (!listed) return listed.error();
        points = std::move(*listed);
    }
    name_rules(*c.backup, points);
    for (auto& p : points) poll::derive_storage_class(p, now);
    return listing_of(o, std::move(points), recovery_points_listing, "RecoveryPoints", region,
                      [&](const model::RecoveryPoint& p, const std::string& r) {
                          return recovery_point_json(p, r, now, by_resource);
                      });
}

Result<Listing> list_plans(ListClients& c, const ListOptions& o, const std::string& region) {
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
    return listing_of(o, std::move(plans), plans_listing, "BackupPlansList", region, plan_json);
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
    return listing_of(o, std::move(*jobs), copy_jobs_listing, "CopyJobs", region, copy_job_json);
}

Result<Listing> list_protected_resources(ListClients& c, const ListOptions& o, const std::string& region) {
    auto resources = c.backup->list_protected_resources();
    if (!resources) return resources.error();
    std::erase_if(*resources, [&](const model::ProtectedResource& r) {
        return (!o.resource.empty() && r.resource_arn != o.resource) ||
               (!o.vault.empty() && arn_tail(r.last_backup_vault_arn) != o.vault);
    });
    return listing_of(o, std::move(*resources), protected_resources_listing, "Results", region, protected_resource_json);
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
    if (!wants_json(o)) return db_snapshots_listing(std::move(all));
    AwsJson instance_items = AwsJson::array(), cluster_items = AwsJson::array();
    for (const auto& s : all) (s.cluster_snapshot ? cluster_items : instance_items).push_back(db_snapshot_json(s, region));
    Listing l;
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
        return listing_of(o, std::move(*vaults), vaults_listing, "BackupVaultList", region, vault_json);
    }
    if (k == "recovery-points") return list_recovery_points(c, o, region, now);
    if (k == "backup-jobs") {
        services::JobFilter filter;
        filter.vault_name = o.vault;
        filter.resource_arn = o.resource;
        auto jobs = c.backup->list_backup_jobs(filter);
        if (!jobs) return jobs.error();
        return listing_of(o, std::move(*jobs), backup_jobs_listing, "BackupJobs", region, backup_job_json);
    }
    if (k == "restore-jobs") {
        auto jobs = o.resource.empty() ? c.backup->list_restore_jobs() : c.backup->list_restore_jobs_by_protected_resource(o.resource);
        if (!jobs) return jobs.error();
        return listing_of(o, std::move(*jobs), restore_jobs_listing, "RestoreJobs", region, restore_job_json);
    }
    if (k == "copy-jobs") return list_copy_jobs(c, o, region);
    if (k == "plans") return list_plans(c, o, region);
    if (k == "protected-resources") return list_protected_resources(c, o, region);
    if (k == "db-instances") {
        auto instances = c.rds->describe_db_instances(o.resource);
        if (!instances) return instances.error();
        return listing_of(o, std::move(*instances), db_instances_listing, "DBInstances", region, db_instance_json);
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
