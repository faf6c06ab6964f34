#include "backend/poll/fetch.hpp"

#include <algorithm>
#include <unordered_map>

#include "backend/core/parallel.hpp"

namespace vd::poll {
namespace {

using services::JobFilter;

// Stamps every item with the account and region it came from.
template <class T>
void stamp(std::vector<T>& items, const RegionData& data) {
    for (auto& item : items) {
        item.origin.account_id = data.account_id;
        item.origin.region = data.region;
    }
}

// Replaces items whose key matches, appends new ones, and drops those
// created before `oldest`.
template <class T, class Key>
void merge_jobs(std::vector<T>& into, std::vector<T> fresh, Key key, TimePoint oldest) {
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < into.size(); ++i) index[key(into[i])] = i;
    for (auto& item : fresh) {
        auto it = index.find(key(item));
        if (it == index.end()) {
            index[key(item)] = into.size();
            into.push_back(std::move(item));
        } else {
            into[it->second] = std::move(item);
        }
    }
    std::erase_if(into, [&](const T& j) { return j.creation_date && *j.creation_date < oldest; });
}

// Lists jobs with three queries when incremental (created since, completed
// since, still running) or one over the whole window.
template <class T, class ListFn>
Result<std::vector<T>> list_jobs(ListFn list, const FetchOptions& options, std::chrono::hours window, TimePoint now,
                                 const char* running_state, const std::string& account_filter) {
    JobFilter base;
    base.account_id = account_filter;
    if (!options.jobs_since) {
        JobFilter f = base;
        f.created_after = now - window;
        return list(f);
    }
    std::vector<T> all;
    JobFilter created = base;
    created.created_after = *options.jobs_since;
    JobFilter completed = base;
    completed.completed_after = *options.jobs_since;
    JobFilter running = base;
    running.state = running_state;
    for (const JobFilter& f : {created, completed, running}) {
        auto page = list(f);
        if (!page) return page.error();
        all.insert(all.end(), std::make_move_iterator(page->begin()), std::make_move_iterator(page->end()));
    }
    return all;
}

}  // namespace

Result<std::vector<model::RecoveryPoint>> list_points_of_vaults(services::BackupClient& backup,
                                                                const std::vector<std::string>& vaults,
                                                                const services::JobFilter& filter, int at_once) {
    std::vector<Result<std::vector<model::RecoveryPoint>>> pages(vaults.size(), std::vector<model::RecoveryPoint>{});
    for_each_parallel(vaults.size(), at_once, [&](size_t i) {
        pages[i] = backup.list_recovery_points_by_backup_vault(vaults[i], filter);
    });
    size_t total = 0;
    for (const auto& page : pages) {
        if (!page) return page.error();
        total += page->size();
    }
    std::vector<model::RecoveryPoint> points;
    points.reserve(total);
    for (size_t i = 0; i < pages.size(); ++i) {
        for (auto& p : *pages[i]) {
            if (p.vault_name.empty()) p.vault_name = vaults[i];
            points.push_back(std::move(p));
        }
        *pages[i] = {};  // each vault's page freed as soon as it is moved
    }
    return points;
}

void derive_storage_class(model::RecoveryPoint& p, TimePoint now) {
    if (!p.storage_class.empty()) return;
    const auto& cold_at = p.calculated.move_to_cold_storage_at;
    p.storage_class = (cold_at && *cold_at <= now) ? "COLD" : "WARM";
}

namespace {

Status fetch_recovery_points(RegionClients& c, RegionData& data, const FetchOptions& options, TimePoint now) {
    auto vaults = c.backup->list_backup_vaults();
    if (!vaults) return vaults.error();
    std::vector<std::string> names;
    for (const auto& vault : *vaults) names.push_back(vault.name);
    auto points = list_points_of_vaults(*c.backup, names, {}, options.vaults_at_once);
    if (!points) return points.error();
    for (auto& p : *points) derive_storage_class(p, now);
    stamp(*points, data);
    data.recovery_points = std::move(*points);
    return ok_status();
}

Status fetch_plans(RegionClients& c, RegionData& data) {
    auto list = c.backup->list_backup_plans();
    if (!list) return list.error();
    std::vector<model::BackupPlan> plans;
    for (const auto& summary : *list) {
        auto plan = c.backup->get_backup_plan(summary.plan_id);
        if (!plan) return plan.error();
        auto selections = c.backup->list_backup_selections(summary.plan_id);
        if (!selections) return selections.error();
        for (const auto& s : *selections) {
            auto full = c.backup->get_backup_selection(summary.plan_id, s.selection_id);
            if (!full) return full.error();
            plan->selections.push_back(std::move(*full));
        }
        if (plan->plan_arn.empty()) plan->plan_arn = summary.plan_arn;
        if (plan->plan_name.empty()) plan->plan_name = summary.plan_name;
        if (!plan->last_execution_date) plan->last_execution_date = summary.last_execution_date;
        plans.push_back(std::move(*plan));
    }
    stamp(plans, data);
    data.plans = std::move(plans);
    return ok_status();
}

Status fetch_restore_testing_plans(RegionClients& c, RegionData& data) {
    auto list = c.backup->list_restore_testing_plans();
    if (!list) return list.error();
    stamp(*list, data);
    data.restore_testing_plans = std::move(*list);
    return ok_status();
}

Status fetch_buckets(RegionClients& c, RegionData& data, const FetchOptions& options) {
    std::vector<model::BucketLifecycle> lifecycles;
    for (const auto& bucket : options.buckets) {
        auto lc = c.s3->get_bucket_lifecycle_configuration(bucket);
        if (!lc) return lc.error();
        lc->bucket = bucket;
        if (lc->region.empty()) lc->region = data.region;
        lifecycles.push_back(std::move(*lc));
    }
    data.bucket_lifecycles = std::move(lifecycles);
    return ok_status();
}

// Assigns a fetched list (with origin stamps) to a field, or returns the error.
template <class T>
Status assign(Result<std::vector<T>> fetched, SharedList<T>& field, const RegionData& data) {
    if (!fetched) return fetched.error();
    stamp(*fetched, data);
    field = std::move(*fetched);
    return ok_status();
}

}  // namespace

RegionClients make_region_clients(const aws::Session& session, const std::string& region) {
    RegionClients c;
    c.region = region;
    c.backup = std::make_shared<services::BackupClient>(session.client_for("backup", region));
    c.rds = std::make_shared<services::RdsClient>(session.client_for("rds", region));
    c.sts = std::make_shared<services::StsClient>(session.client_for("sts", region));
    c.s3 = std::make_shared<services::S3Client>(session.client_for("s3", region));
    return c;
}

const std::vector<Kind>& all_kinds() {
    static const std::vector<Kind> kinds = {
        Kind::Identity, Kind::Vaults, Kind::BackupJobs, Kind::Plans, Kind::ProtectedResources,
        Kind::DbInstances, Kind::AutomatedBackups, Kind::RecoveryPoints, Kind::CopyJobs, Kind::RestoreJobs,
        Kind::DbClusters, Kind::DbSnapshots, Kind::RestoreTestingPlans, Kind::JobSummaries, Kind::BucketLifecycles,
    };
    return kinds;
}

Status fetch_kind(Kind kind, RegionClients& c, RegionData& data, const FetchOptions& options, TimePoint now) {
    const std::string account_filter = options.organization_view ? "ANY" : "";
    switch (kind) {
        case Kind::Identity: {
            auto id = c.sts->get_caller_identity();
            if (!id) return id.error();
            data.identity = *id;
            if (data.account_id.empty()) data.account_id = id->account;
            return ok_status();
        }
        case Kind::Vaults:
            return assign(c.backup->list_backup_vaults(), data.vaults, data);
        case Kind::RecoveryPoints:
            return fetch_recovery_points(c, data, options, now);
        case Kind::BackupJobs: {
            auto jobs = list_jobs<model::BackupJob>([&](const JobFilter& f) { return c.backup->list_backup_jobs(f); },
                                                    options, options.job_window, now, "RUNNING", account_filter);
            if (!jobs) return jobs.error();
            stamp(*jobs, data);
            if (!options.jobs_since) data.backup_jobs.clear();
            merge_jobs(data.backup_jobs.edit(), std::move(*jobs), [](const model::BackupJob& j) { return j.job_id; },
                       now - options.job_window);
            return ok_status();
        }
        case Kind::CopyJobs: {
            const auto window = std::max(options.job_window, options.copy_job_window);
            auto jobs = list_jobs<model::CopyJob>([&](const JobFilter& f) { return c.backup->list_copy_jobs(f); },
                                                  options, window, now, "RUNNING", account_filter);
            if (!jobs) return jobs.error();
            stamp(*jobs, data);
            if (!options.jobs_since) data.copy_jobs.clear();
            merge_jobs(data.copy_jobs.edit(), std::move(*jobs), [](const model::CopyJob& j) { return j.copy_job_id; },
                       now - window);
            return ok_status();
        }
        case Kind::RestoreJobs: {
            const auto window = std::max(options.job_window, options.restore_job_window);
            auto jobs = list_jobs<model::RestoreJob>([&](const JobFilter& f) { return c.backup->list_restore_jobs(f); },
                                                     options, window, now, "RUNNING", account_filter);
            if (!jobs) return jobs.error();
            stamp(*jobs, data);
            if (!options.jobs_since) data.restore_jobs.clear();
            merge_jobs(data.restore_jobs.edit(), std::move(*jobs), [](const model::RestoreJob& j) { return j.restore_job_id; },
                       now - window);
            return ok_status();
        }
        case Kind::JobSummaries: {
            auto rows = c.backup->list_backup_job_summaries(options.organization_view ? "ANY" : "", "ONE_DAY");
            if (!rows) return rows.error();
            data.job_summaries = std::move(*rows);
            return ok_status();
        }
        case Kind::Plans:
            return fetch_plans(c, data);
        case Kind::ProtectedResources:
            return assign(c.backup->list_protected_resources(), data.protected_resources, data);
        case Kind::DbInstances:
            return assign(c.rds->describe_db_instances(), data.db_instances, data);
        case Kind::DbClusters:
            return assign(c.rds->describe_db_clusters(), data.db_clusters, data);
        case Kind::DbSnapshots: {
            auto instance_snaps = c.rds->describe_db_snapshots();
            if (!instance_snaps) return instance_snaps.error();
            auto cluster_snaps = c.rds->describe_db_cluster_snapshots();
            if (!cluster_snaps) return cluster_snaps.error();
            auto all = std::move(*instance_snaps);
            all.insert(all.end(), std::make_move_iterator(cluster_snaps->begin()), std::make_move_iterator(cluster_snaps->end()));
            stamp(all, data);
            data.db_snapshots = std::move(all);
            return ok_status();
        }
        case Kind::AutomatedBackups:
            return assign(c.rds->describe_db_instance_automated_backups(), data.automated_backups, data);
        case Kind::RestoreTestingPlans:
            return fetch_restore_testing_plans(c, data);
        case Kind::BucketLifecycles:
            return fetch_buckets(c, data, options);
    }
    return make_error(ErrorKind::Internal, "unknown kind");
}

}  // namespace vd::poll
