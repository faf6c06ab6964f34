// RestoreBackend over the typed service clients. Each AwsClient is wrapped
// so the request id of the last answer can go into the audit log.
#include <mutex>
#include <optional>

#include <fmt/format.h>

#include "backend/aws/aws_error.hpp"
#include "backend/runbook/restore_backend.hpp"
#include "backend/services/ec2_client.hpp"
#include "backend/services/sts_client.hpp"

namespace vd::runbook {
namespace {

// Remembers the request id of the last answer passing through.
class RequestIdRecorder {
public:
    void record(std::string id) {
        std::lock_guard<std::mutex> lock(mu_);
        last_ = std::move(id);
    }
    std::string last() const {
        std::lock_guard<std::mutex> lock(mu_);
        return last_;
    }

private:
    mutable std::mutex mu_;
    std::string last_;
};

// The request id of a query-protocol body (<RequestId>...</RequestId>).
std::string request_id_in_body(const std::string& body) {
    auto open = body.find("<RequestId>");
    if (open == std::string::npos) return {};
    open += 11;
    auto close = body.find("</RequestId>", open);
    return close == std::string::npos ? std::string() : body.substr(open, close - open);
}

// An AwsClient that passes every call through and notes its request id.
class RecordingClient final : public aws::AwsClient {
public:
    RecordingClient(std::shared_ptr<aws::AwsClient> inner, std::shared_ptr<RequestIdRecorder> recorder)
        : inner_(std::move(inner)), recorder_(std::move(recorder)) {}

    Result<aws::HttpResponse> call(const aws::ServiceRequest& request) override {
        auto r = inner_->call(request);
        if (r) {
            std::string id = aws::request_id_from_headers(r->headers);
            recorder_->record(id.empty() ? request_id_in_body(r->body) : id);
        } else {
            recorder_->record(r.error().request_id);
        }
        return r;
    }
    const aws::ClientOptions& options() const override { return inner_->options(); }

private:
    std::shared_ptr<aws::AwsClient> inner_;
    std::shared_ptr<RequestIdRecorder> recorder_;
};

class ServicesBackend final : public RestoreBackend {
public:
    explicit ServicesBackend(ServicesBackendOptions o)
        : recorder_(std::make_shared<RequestIdRecorder>()),
          region_(o.backup ? o.backup->options().region : std::string()),
          profile_(std::move(o.profile)),
          profile_named_(o.profile_named),
          backup_(std::make_shared<RecordingClient>(o.backup, recorder_)),
          rds_(std::make_shared<RecordingClient>(o.rds, recorder_)),
          sts_(std::make_shared<RecordingClient>(o.sts, recorder_)) {
        if (o.ec2) ec2_.emplace(std::make_shared<RecordingClient>(o.ec2, recorder_));
    }

    std::string region() const override { return region_; }
    std::string profile() const override { return profile_; }
    std::string named_profile() const override { return profile_named_ ? profile_ : std::string(); }
    std::string last_request_id() const override { return recorder_->last(); }

    Result<model::CallerIdentity> caller_identity() override { return sts_.get_caller_identity(); }

    Result<std::vector<model::RecoveryPoint>> list_recovery_points(const RecoveryPointQuery& q) override {
        if (!q.vault.empty()) {
            services::JobFilter f;
            f.resource_arn = q.resource_arn;
            f.resource_type = q.resource_type;
            return backup_.list_recovery_points_by_backup_vault(q.vault, f);
        }
        if (!q.resource_arn.empty()) {
            auto points = backup_.list_recovery_points_by_resource(q.resource_arn);
            if (!points || q.resource_type.empty()) return points;
            std::vector<model::RecoveryPoint> kept;
            for (auto& p : *points)
                if (p.resource_type.empty() || p.resource_type == q.resource_type) kept.push_back(std::move(p));
            return kept;
        }
        auto vaults = backup_.list_backup_vaults();
        if (!vaults) return vaults.error();
        std::vector<model::RecoveryPoint> all;
        for (const auto& v : *vaults) {
            services::JobFilter f;
            f.resource_type = q.resource_type;
            auto points = backup_.list_recovery_points_by_backup_vault(v.name, f);
            if (!points) return points.error();
            all.insert(all.end(), points->begin(), points->end());
        }
        return all;
    }

    Result<model::RecoveryPoint> describe_recovery_point(const std::string& vault, const std::string& arn) override {
        return backup_.describe_recovery_point(vault, arn);
    }
    Result<model::RestoreMetadata> get_restore_metadata(const std::string& vault, const std::string& arn) override {
        return backup_.get_recovery_point_restore_metadata(vault, arn);
    }
    Result<std::vector<model::RestoreJob>> list_restore_jobs(const services::JobFilter& filter) override {
        return backup_.list_restore_jobs(filter);
    }
    Result<std::vector<model::RestoreJob>> list_restore_jobs_by_resource(const std::string& resource_arn) override {
        return backup_.list_restore_jobs_by_protected_resource(resource_arn);
    }
    Result<model::RestoreJob> describe_restore_job(const std::string& job_id) override {
        return backup_.describe_restore_job(job_id);
    }

    Result<model::DbInstance> describe_db_instance(const std::string& identifier) override {
        auto list = rds_.describe_db_instances(identifier);
        if (!list) return list.error();
        for (auto& d : *list)
            if (d.identifier == identifier || d.arn == identifier) return std::move(d);
        Error e = make_error(ErrorKind::NotFound, fmt::format("DBInstance {} not found.", identifier), "DBInstanceNotFound");
        return e;
    }
    Result<std::vector<model::AutomatedBackup>> describe_automated_backups(const std::string& instance) override {
        return rds_.describe_db_instance_automated_backups(instance);
    }
    Result<std::vector<model::DbSnapshot>> describe_db_snapshots(const std::string& instance,
                                                                 const std::string& snapshot_type) override {
        return rds_.describe_db_snapshots(instance, snapshot_type);
    }

    Result<model::DbCluster> describe_db_cluster(const std::string& identifier) override {
        auto list = rds_.describe_db_clusters(identifier);
        if (!list) return list.error();
        for (auto& c : *list)
            if (c.identifier == identifier || c.arn == identifier) return std::move(c);
        return make_error(ErrorKind::NotFound, fmt::format("DBCluster {} not found.", identifier), "DBClusterNotFoundFault");
    }
    Result<std::vector<model::DbSnapshot>> describe_db_cluster_snapshots(const std::string& cluster) override {
        return rds_.describe_db_cluster_snapshots(cluster);
    }
    Result<model::DbCluster> restore_cluster_from_snapshot(const services::RestoreClusterFromSnapshotRequest& r) override {
        return rds_.restore_db_cluster_from_snapshot(r);
    }
    Result<model::DbCluster> restore_cluster_to_point_in_time(const services::RestoreClusterToPointInTimeRequest& r) override {
        return rds_.restore_db_cluster_to_point_in_time(r);
    }
    Result<model::DbInstance> create_cluster_instance(const services::CreateClusterInstanceRequest& r) override {
        return rds_.create_cluster_instance(r);
    }

    Result<std::string> db_subnet_group_vpc(const std::string& name) override { return rds_.describe_db_subnet_group_vpc(name); }
    Result<std::vector<services::SecurityGroup>> security_groups(const std::vector<std::string>& ids) override {
        if (!ec2_) return unsupported("DescribeSecurityGroups", ids.empty() ? std::string() : ids.front());
        return ec2_->describe_security_groups(ids);
    }

    Result<std::string> start_restore_job(const services::StartRestoreJobRequest& request) override {
        return backup_.start_restore_job(request);
    }
    Result<model::DbInstance> restore_to_point_in_time(const services::RestoreToPointInTimeRequest& request) override {
        return rds_.restore_db_instance_to_point_in_time(request);
    }
    Result<model::DbInstance> restore_from_snapshot(const services::RestoreFromSnapshotRequest& request) override {
        return rds_.restore_db_instance_from_db_snapshot(request);
    }
    Result<model::DbInstance> delete_db_instance(const std::string& identifier) override {
        return rds_.delete_db_instance(identifier, true);
    }
    Result<model::DbCluster> delete_db_cluster(const std::string& identifier) override {
        return rds_.delete_db_cluster(identifier, true);
    }
    Status put_restore_validation_result(const std::string& job_id, const std::string& status,
                                         const std::string& message) override {
        return backup_.put_restore_validation_result(job_id, status, message);
    }

private:
    std::shared_ptr<RequestIdRecorder> recorder_;
    std::string region_;
    std::string profile_;
    bool profile_named_ = true;
    services::BackupClient backup_;
    services::RdsClient rds_;
    services::StsClient sts_;
    std::optional<services::Ec2Client> ec2_;
};

}  // namespace

// The backend over the service clients.
std::shared_ptr<RestoreBackend> make_services_backend(ServicesBackendOptions options) {
    return std::make_shared<ServicesBackend>(std::move(options));
}

// Service backends for any region of a session.
BackendFactory session_backend_factory(std::shared_ptr<aws::Session> session) {
    return [session](const std::string& region) -> Result<std::shared_ptr<RestoreBackend>> {
        std::string r = region.empty() ? session->region() : region;
        ServicesBackendOptions o;
        o.backup = session->client_for("backup", r);
        o.rds = session->client_for("rds", r);
        o.sts = session->client_for("sts", r);
        o.ec2 = session->client_for("ec2", r);
        o.profile = session->profile();
        o.profile_named = session->profile_named();
        if (!o.backup || !o.rds || !o.sts)
            return make_error(ErrorKind::Config, fmt::format("no AWS clients for region {}", r));
        return make_services_backend(std::move(o));
    };
}

// A session and its backends.
Result<SessionBackends> open_session_backends(const aws::SessionOptions& options) {
    auto session = aws::make_session(options);
    if (!session) return session.error();
    SessionBackends out;
    out.for_region = session_backend_factory(*session);
    auto b = out.for_region((*session)->region());
    if (!b) return b.error();
    out.backend = *b;
    return out;
}

// Whether an error says a DB instance does not exist.
bool is_instance_not_found(const Error& e) {
    return e.code == "DBInstanceNotFound" || e.code == "DBInstanceNotFoundFault" ||
           (e.kind == ErrorKind::NotFound && e.code.empty());
}

bool is_already_being_deleted(const Error& e) {
    return (e.code == "InvalidDBInstanceState" || e.code == "InvalidDBInstanceStateFault" || e.code == "InvalidDBClusterStateFault") &&
           e.message.find("already being deleted") != std::string::npos;
}

// The identifier in an RDS instance ARN, or the text itself.
std::string db_identifier_of(const std::string& arn_or_id) {
    if (arn_or_id.rfind("arn:", 0) != 0) return arn_or_id;
    if (auto pos = arn_or_id.find(":db:"); pos != std::string::npos) return arn_or_id.substr(pos + 4);
    if (auto pos = arn_or_id.find(":cluster:"); pos != std::string::npos) return arn_or_id.substr(pos + 9);
    return arn_or_id;
}

}  // namespace vd::runbook
