// `vaultdeck list KIND`: one listing read straight from AWS (or any
// AWS-compatible endpoint, or with --demo the embedded simulator) through
// the typed service clients, printed as a table, JSON or CSV. Any failure is
// one line on stderr and exit 1; a filter that does not apply to the kind is
// a usage error (exit 64).
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "backend/aws/session.hpp"
#include "backend/services/backup_client.hpp"
#include "backend/services/rds_client.hpp"
#include "backend/services/rule_names.hpp"
#include "backend/sim/embedded.hpp"
#include "tui/commands.hpp"
#include "tui/listings.hpp"
#include "tui/output_format.hpp"

namespace vd::cli {
namespace {

struct Clients {
    std::shared_ptr<services::BackupClient> backup;
    std::shared_ptr<services::RdsClient> rds;
};

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

Result<Listing> list_recovery_points(Clients& c, const ListOptions& o) {
    std::vector<model::RecoveryPoint> points;
    if (!o.resource.empty() && o.vault.empty()) {
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
    return recovery_points_listing(std::move(points));
}

Result<Listing> list_plans(Clients& c) {
    auto summaries = c.backup->list_backup_plans();
    if (!summaries) return summaries.error();
    std::vector<model::BackupPlan> plans;
    for (const auto& s : *summaries) {
        auto plan = c.backup->get_backup_plan(s.plan_id);
        if (!plan) return plan.error();
        if (plan->plan_name.empty()) plan->plan_name = s.plan_name;
        if (!plan->last_execution_date) plan->last_execution_date = s.last_execution_date;
        plans.push_back(std::move(*plan));
    }
    return plans_listing(std::move(plans));
}

Result<Listing> list_copy_jobs(Clients& c, const ListOptions& o) {
    services::JobFilter filter;
    filter.resource_arn = o.resource;
    auto jobs = c.backup->list_copy_jobs(filter);
    if (!jobs) return jobs.error();
    if (!o.vault.empty())
        std::erase_if(*jobs, [&](const model::CopyJob& j) {
            return arn_tail(j.source_vault_arn) != o.vault && arn_tail(j.destination_vault_arn) != o.vault;
        });
    return copy_jobs_listing(std::move(*jobs));
}

Result<Listing> list_protected_resources(Clients& c, const ListOptions& o) {
    auto resources = c.backup->list_protected_resources();
    if (!resources) return resources.error();
    std::erase_if(*resources, [&](const model::ProtectedResource& r) {
        return (!o.resource.empty() && r.resource_arn != o.resource) ||
               (!o.vault.empty() && arn_tail(r.last_backup_vault_arn) != o.vault);
    });
    return protected_resources_listing(std::move(*resources));
}

// A DB identifier from an identifier or an RDS ARN (arn:...:db:NAME or :cluster:NAME).
std::string db_name(const std::string& resource) { return arn_tail(resource); }
bool is_cluster_arn(const std::string& resource) { return resource.find(":cluster:") != std::string::npos; }

Result<Listing> list_db_snapshots(Clients& c, const ListOptions& o) {
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
    return db_snapshots_listing(std::move(all));
}

// Fetches the listing of one kind.
Result<Listing> fetch(Clients& c, const ListOptions& o) {
    const std::string& k = o.kind;
    if (k == "vaults") {
        auto vaults = c.backup->list_backup_vaults();
        if (!vaults) return vaults.error();
        if (!o.vault.empty()) std::erase_if(*vaults, [&](const model::Vault& v) { return v.name != o.vault; });
        return vaults_listing(std::move(*vaults));
    }
    if (k == "recovery-points") return list_recovery_points(c, o);
    if (k == "backup-jobs") {
        services::JobFilter filter;
        filter.vault_name = o.vault;
        filter.resource_arn = o.resource;
        auto jobs = c.backup->list_backup_jobs(filter);
        if (!jobs) return jobs.error();
        return backup_jobs_listing(std::move(*jobs));
    }
    if (k == "restore-jobs") {
        auto jobs = o.resource.empty() ? c.backup->list_restore_jobs() : c.backup->list_restore_jobs_by_protected_resource(o.resource);
        if (!jobs) return jobs.error();
        return restore_jobs_listing(std::move(*jobs));
    }
    if (k == "copy-jobs") return list_copy_jobs(c, o);
    if (k == "plans") return list_plans(c);
    if (k == "protected-resources") return list_protected_resources(c, o);
    if (k == "db-instances") {
        auto instances = c.rds->describe_db_instances(o.resource);
        if (!instances) return instances.error();
        return db_instances_listing(std::move(*instances));
    }
    if (k == "db-snapshots") return list_db_snapshots(c, o);
    return make_error(ErrorKind::InvalidInput, "unknown kind " + k, "UsageError");
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

// The region the demo scenario fills when none is asked for.
constexpr const char* kDemoRegion = "us-east-1";

// Points this process at the embedded simulator: its test credentials win
// over anything in the environment, and instance metadata is never asked.
void use_simulator_credentials() {
    ::setenv("AWS_ACCESS_KEY_ID", "test", 1);
    ::setenv("AWS_SECRET_ACCESS_KEY", "test", 1);
    ::unsetenv("AWS_SESSION_TOKEN");
    ::unsetenv("AWS_PROFILE");
    ::setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
}

}  // namespace

int run_list(const GlobalOptions& g, const ListOptions& o) {
    auto format = parse_output_format(o.output);
    if (!format) {
        std::fprintf(stderr, "vaultdeck: --output must be table, json or csv, not '%s'\n", o.output.c_str());
        return kExitUsage;
    }
    if (auto problem = misplaced_filter(o); !problem.empty()) {
        std::fprintf(stderr, "vaultdeck: %s\n", problem.c_str());
        return kExitUsage;
    }
    aws::SessionOptions options;
    options.profile = g.profile;
    options.region = g.regions.empty() ? std::string() : g.regions.front();
    options.endpoint_url = g.endpoint_url;
    options.read_only = g.read_only;
    std::unique_ptr<sim::EmbeddedSimulator> simulator;
    if (g.demo) {
        simulator = std::make_unique<sim::EmbeddedSimulator>(sim::SimOptions{});
        auto port = simulator->start();
        if (!port) {
            std::fprintf(stderr, "vaultdeck: %s\n", port.error().to_string().c_str());
            return kExitWarning;
        }
        use_simulator_credentials();
        options.profile.clear();
        options.endpoint_url = simulator->endpoint_url();
        if (options.region.empty()) options.region = kDemoRegion;
    }
    auto session = aws::make_session(options);
    if (!session) {
        std::fprintf(stderr, "vaultdeck: %s\n", session.error().to_string().c_str());
        return kExitWarning;
    }
    // Every region asked for (--region a,b), in order; the session's region otherwise.
    std::vector<std::string> regions = g.regions;
    if (regions.empty()) regions.push_back((*session)->region());
    // Fetched on a worker thread: the transport keeps one connection per
    // thread, and this one must close before the demo simulator stops.
    std::optional<Result<Listing>> fetched;
    std::thread worker([&] {
        for (const auto& region : regions) {
            Clients clients;
            clients.backup = std::make_shared<services::BackupClient>((*session)->client_for("backup", region));
            clients.rds = std::make_shared<services::RdsClient>((*session)->client_for("rds", region));
            auto part = fetch(clients, o);
            if (!part || !fetched) {
                fetched.emplace(std::move(part));
                if (!*fetched) return;
                continue;
            }
            for (auto& row : part->rows) (*fetched)->rows.push_back(std::move(row));
        }
    });
    worker.join();
    auto& listing = *fetched;
    if (!listing) {
        std::fprintf(stderr, "vaultdeck: %s\n", listing.error().to_string().c_str());
        return kExitWarning;
    }
    std::string out = render(*listing, *format);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitWarning;
}

}  // namespace vd::cli
