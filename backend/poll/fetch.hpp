// Fetching one kind of data for one account and region, completely or not at
// all: on any error the destination is left untouched, so a partial list is
// never shown as complete.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "backend/aws/session.hpp"
#include "backend/core/result.hpp"
#include "backend/poll/snapshot.hpp"
#include "backend/services/backup_client.hpp"
#include "backend/services/rds_client.hpp"
#include "backend/services/s3_client.hpp"
#include "backend/services/sts_client.hpp"

namespace vd::poll {

// The service clients of one account in one region.
struct RegionClients {
    std::string region;
    std::shared_ptr<services::BackupClient> backup;
    std::shared_ptr<services::RdsClient> rds;
    std::shared_ptr<services::StsClient> sts;
    std::shared_ptr<services::S3Client> s3;
};

// Builds the clients of a session for one region.
RegionClients make_region_clients(const aws::Session& session, const std::string& region);

struct FetchOptions {
    std::chrono::hours job_window{24 * 14};   // how far back backup jobs are listed
    std::chrono::hours copy_job_window{24 * 45};     // copy jobs: a monthly copy stays visible
    std::chrono::hours restore_job_window{24 * 90};  // restore jobs: the last drills and restore tests
    std::vector<std::string> buckets;         // S3 buckets whose lifecycle is shown
    bool organization_view = false;           // accountId ANY + AGGREGATE_ALL summaries
    std::optional<TimePoint> jobs_since;      // incremental: only jobs changed since then
    // Vaults whose recovery points are listed concurrently, each on a thread
    // (and connection) of its own. The poller keeps 1: its workers already
    // are its max_in_flight connections. `list` uses kVaultsAtOnce.
    int vaults_at_once = 1;
};

// How many vaults `list` pages at once: AWS's per-account request rates
// allow it, and the retry quota still backs off on throttling.
inline constexpr int kVaultsAtOnce = 8;

// Fetches `kind` into `data` (replacing that kind's fields, or merging jobs
// when options.jobs_since is set). Leaves `data` untouched on error.
Status fetch_kind(Kind kind, RegionClients& clients, RegionData& data, const FetchOptions& options, TimePoint now);

// The recovery points of every vault, in vault order, listing up to
// `at_once` vaults concurrently (AWS pages each vault separately). Each
// point's vault name is filled in where AWS left it out. The first failure,
// in vault order, is the result.
Result<std::vector<model::RecoveryPoint>> list_points_of_vaults(services::BackupClient& backup,
                                                                const std::vector<std::string>& vaults,
                                                                const services::JobFilter& filter, int at_once);

// The kinds fetched by default, in the order a first paint wants them.
const std::vector<Kind>& all_kinds();

// AWS's recovery point listings carry no storage class; derive it from the
// calculated lifecycle (COLD once moved, WARM before) so every screen and
// listing can tell warm from cold. A class AWS did send is kept.
void derive_storage_class(model::RecoveryPoint& p, TimePoint now);

}  // namespace vd::poll
