// The AWS operations the runbook engine needs, in one small interface: the
// production implementation goes through the service clients (and so the
// AwsClient pipeline, which refuses mutating calls when read-only); pure
// state-machine tests may use a tiny fake.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "backend/aws/client.hpp"
#include "backend/aws/session.hpp"
#include "backend/core/result.hpp"
#include "backend/model/backup.hpp"
#include "backend/model/misc.hpp"
#include "backend/model/rds.hpp"
#include "backend/services/backup_client.hpp"
#include "backend/services/ec2_client.hpp"
#include "backend/services/rds_client.hpp"

namespace vd::runbook {

// Which recovery points to list; empty fields do not filter.
struct RecoveryPointQuery {
    std::string resource_arn;
    std::string resource_type;
    std::string vault;
};

class RestoreBackend {
public:
    virtual ~RestoreBackend() = default;

    // The region and profile these calls go to (for the audit log).
    virtual std::string region() const = 0;
    virtual std::string profile() const = 0;
    // The profile to resume with: the one named when the wizard started
    // (--profile or AWS_PROFILE), or empty for the default chain, so that
    // credentials from the environment or a role are found the same way.
    virtual std::string named_profile() const { return profile(); }
    // The request id of the last call answered (success or AWS error), if any.
    virtual std::string last_request_id() const = 0;

    virtual Result<model::CallerIdentity> caller_identity() = 0;
    virtual Result<std::vector<model::RecoveryPoint>> list_recovery_points(const RecoveryPointQuery& query) = 0;
    virtual Result<model::RecoveryPoint> describe_recovery_point(const std::string& vault, const std::string& arn) = 0;
    virtual Result<model::RestoreMetadata> get_restore_metadata(const std::string& vault, const std::string& arn) = 0;
    virtual Result<std::vector<model::RestoreJob>> list_restore_jobs(const services::JobFilter& filter) = 0;
    virtual Result<std::vector<model::RestoreJob>> list_restore_jobs_by_resource(const std::string& resource_arn) = 0;
    virtual Result<model::RestoreJob> describe_restore_job(const std::string& job_id) = 0;
    // DescribeDBInstances of one identifier; NotFound (code DBInstanceNotFound) when it does not exist.
    virtual Result<model::DbInstance> describe_db_instance(const std::string& identifier) = 0;
    virtual Result<std::vector<model::AutomatedBackup>> describe_automated_backups(const std::string& instance) = 0;
    virtual Result<std::vector<model::DbSnapshot>> describe_db_snapshots(const std::string& instance,
                                                                         const std::string& snapshot_type) = 0;
    // DescribeDBClusters of one identifier; NotFound (code DBClusterNotFoundFault) when it does not exist.
    virtual Result<model::DbCluster> describe_db_cluster(const std::string& identifier) { return unsupported("DescribeDBClusters", identifier); }
    virtual Result<std::vector<model::DbSnapshot>> describe_db_cluster_snapshots(const std::string& cluster) {
        return unsupported("DescribeDBClusterSnapshots", cluster);
    }

    // The network a restore lands in (preflight): a DB subnet group's VPC,
    // NotFound (code DBSubnetGroupNotFoundFault) when it does not exist; the
    // security groups of these ids, an error (InvalidGroup.NotFound) naming
    // the first one missing.
    virtual Result<std::string> db_subnet_group_vpc(const std::string& name) { return unsupported("DescribeDBSubnetGroups", name); }
    virtual Result<std::vector<services::SecurityGroup>> security_groups(const std::vector<std::string>& ids) {
        return unsupported("DescribeSecurityGroups", ids.empty() ? std::string() : ids.front());
    }

    // The mutating calls: the engine writes the audit log around each one.
    virtual Result<std::string> start_restore_job(const services::StartRestoreJobRequest& request) = 0;
    virtual Result<model::DbInstance> restore_to_point_in_time(const services::RestoreToPointInTimeRequest& request) = 0;
    virtual Result<model::DbInstance> restore_from_snapshot(const services::RestoreFromSnapshotRequest& request) = 0;
    virtual Result<model::DbInstance> delete_db_instance(const std::string& identifier) = 0;  // SkipFinalSnapshot
    virtual Result<model::DbCluster> restore_cluster_from_snapshot(const services::RestoreClusterFromSnapshotRequest& r) {
        return unsupported("RestoreDBClusterFromSnapshot", r.cluster_identifier);
    }
    virtual Result<model::DbCluster> restore_cluster_to_point_in_time(const services::RestoreClusterToPointInTimeRequest& r) {
        return unsupported("RestoreDBClusterToPointInTime", r.cluster_identifier);
    }
    virtual Result<model::DbInstance> create_cluster_instance(const services::CreateClusterInstanceRequest& r) {
        return unsupported("CreateDBInstance", r.identifier);
    }
    // Deletes a cluster without a final snapshot; AWS refuses while it has
    // instances that are not being deleted.
    virtual Result<model::DbCluster> delete_db_cluster(const std::string& identifier) { return unsupported("DeleteDBCluster", identifier); }
    virtual Status put_restore_validation_result(const std::string& job_id, const std::string& status,
                                                 const std::string& message) = 0;

protected:
    // The error of a call this backend does not make.
    static Error unsupported(const char* operation, const std::string& what) {
        return make_error(ErrorKind::Internal, std::string(operation) + " (" + what + ") is not available on this backend", "Unsupported");
    }
};

// A backend for another region (a cross-region snapshot restore); the
// engine asks for one when the wizard's region differs from the default.
using BackendFactory = std::function<Result<std::shared_ptr<RestoreBackend>>(const std::string& region)>;

struct ServicesBackendOptions {
    std::shared_ptr<aws::AwsClient> backup;
    std::shared_ptr<aws::AwsClient> rds;
    std::shared_ptr<aws::AwsClient> sts;
    std::shared_ptr<aws::AwsClient> ec2;  // optional: without it the security group check cannot run
    std::string profile;
    bool profile_named = true;  // false: the default chain's "default" (credentials may be the environment's)
};

// The backend over the typed service clients.
std::shared_ptr<RestoreBackend> make_services_backend(ServicesBackendOptions options);

// A factory that builds service backends for any region of a session.
BackendFactory session_backend_factory(std::shared_ptr<aws::Session> session);

// The backend of a session's region and a factory for its other regions.
struct SessionBackends {
    std::shared_ptr<RestoreBackend> backend;
    BackendFactory for_region;
};

// Resolves a session (profile, region, credentials, endpoints) and builds its backends.
Result<SessionBackends> open_session_backends(const aws::SessionOptions& options);

// Whether an error says a DB instance does not exist.
bool is_instance_not_found(const Error& e);
// Whether a DeleteDBInstance or DeleteDBCluster error says it is already
// being deleted: a retry of a delete whose first answer was lost on the way.
bool is_already_being_deleted(const Error& e);

// The DB instance or cluster identifier in an RDS ARN
// (arn:aws:rds:r:a:db:NAME, ...:cluster:NAME), or the text itself when it is
// not such an ARN.
std::string db_identifier_of(const std::string& arn_or_id);

}  // namespace vd::runbook
