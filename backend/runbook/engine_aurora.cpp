// Aurora restores: every restore of a cluster (AWS Backup, snapshot, point
// in time) makes a cluster without instances, which cannot be queried. The
// wait step therefore waits for the cluster, then adds its writer
// (CreateDBInstance with DBClusterIdentifier, the source writer's class by
// default) and waits for that too. The writer is created like the restore
// itself: phase "sending" saved first, audit entries before and after, and
// on resume an existing writer is adopted instead of sent again.
#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/runbook/engine_impl.hpp"

namespace vd::runbook::detail {
namespace {

// Cluster and instance states that will never become available by waiting.
bool stuck(const std::string& status) {
    return status == "failed" || status == "incompatible-restore" || status == "incompatible-parameters" ||
           status == "incompatible-network" || status == "deleting" || status == "inaccessible-encryption-credentials";
}

// Whether an error says the cluster does not exist.
bool cluster_not_found(const Error& e) { return e.code == "DBClusterNotFoundFault" || e.kind == ErrorKind::NotFound; }

}  // namespace

// The new cluster's writer: "<cluster>-instance-1" (shortened to fit 63 characters).
std::string EngineImpl::writer_identifier() const {
    std::string base = restore_target(state_);
    if (base.size() > 52) base.resize(52);
    while (!base.empty() && base.back() == '-') base.pop_back();
    return base + "-instance-1";
}

// CreateDBInstance of the writer, typed.
services::CreateClusterInstanceRequest EngineImpl::writer_request() const {
    services::CreateClusterInstanceRequest r;
    r.identifier = writer_identifier();
    r.cluster_identifier = restore_target(state_);
    r.instance_class = setting("instance_class").empty() ? "db.r6g.large" : setting("instance_class");
    r.engine = value("source_engine").empty() ? "aurora-postgresql" : value("source_engine");
    r.tags = restored_tags();
    std::string copy = setting("copy_tags_to_snapshot");
    if (copy == "true" || copy == "false") r.copy_tags_to_snapshot = copy == "true";
    return r;
}

// The same call as shown in the plan and the audit log.
ApiCall EngineImpl::writer_call() const {
    auto r = writer_request();
    ApiCall call{"rds", "CreateDBInstance", nlohmann::ordered_json::object()};
    call.parameters["DBInstanceIdentifier"] = r.identifier;
    call.parameters["DBClusterIdentifier"] = r.cluster_identifier;
    call.parameters["DBInstanceClass"] = r.instance_class;
    call.parameters["Engine"] = r.engine;
    if (r.copy_tags_to_snapshot) call.parameters["CopyTagsToSnapshot"] = *r.copy_tags_to_snapshot;
    nlohmann::ordered_json tags = nlohmann::ordered_json::array();
    for (const auto& [k, v] : r.tags) tags.push_back({{"Key", k}, {"Value", v}});
    call.parameters["Tags"] = tags;
    return call;
}

// Adds the writer to the restored cluster, once; says what happened.
Result<std::string> EngineImpl::create_writer(RestoreBackend& b) {
    const std::string writer = writer_identifier();
    if (value("writer_phase") == kPhaseSending) {
        auto found = b.describe_db_instance(writer);
        if (found) {
            state_.values["writer_phase"] = kPhaseStarted;
            state_.values["writer"] = writer;
            (void)save();
            return fmt::format("found writer {} created before the interruption", writer);
        }
        if (!is_instance_not_found(found.error())) return found.error();
    }
    if (!confirmed_for_mutation())
        return make_error(ErrorKind::InvalidInput, "refused: the confirm step was not passed for this target", "not-confirmed");
    state_.values["writer_phase"] = kPhaseSending;
    if (auto s = save(); !s) {
        state_.values.erase("writer_phase");
        return make_error(ErrorKind::Internal, "nothing was sent: cannot save the wizard state: " + s.error().message);
    }
    ApiCall call = writer_call();
    if (auto s = audit(audit_base("restore-writer", "before", call)); !s)
        return make_error(ErrorKind::Internal, "nothing was sent: cannot write the audit log: " + s.error().message);
    auto r = b.create_cluster_instance(writer_request());
    AuditEntry after = audit_base("restore-writer", "after", call);
    after.target = writer;
    after.request_id = b.last_request_id();
    after.result = r ? "ok" : "error";
    if (r) after.outcome = r->arn.empty() ? r->identifier : r->arn;
    else after.error = r.error().to_string();
    (void)audit(after);
    if (!r) {
        if (refused_for_sure(r.error())) state_.values.erase("writer_phase");
        return r.error();
    }
    state_.values["writer_phase"] = kPhaseStarted;
    state_.values["writer"] = writer;
    (void)save();
    return fmt::format("writer {} ({}) is being created", writer, writer_request().instance_class);
}

// Where the restored cluster and its writer stand; ready once both are available.
Result<std::string> EngineImpl::cluster_progress(RestoreBackend& b, WaitProgress& p, bool& ready) {
    ready = false;
    const std::string cluster = state_.restored.target;
    auto c = b.describe_db_cluster(cluster);
    if (!c) {
        p.state = cluster_not_found(c.error()) ? "not created yet" : "unknown";
        if (cluster_not_found(c.error())) return fmt::format("cluster {} does not exist yet", cluster);
        if (!waiting_can_fix(c.error())) return c.error();
        return fmt::format("cannot describe cluster {}: {}", cluster, c.error().to_string());
    }
    p.state = "cluster " + c->status;
    if (stuck(c->status)) return make_error(ErrorKind::Aws, fmt::format("cluster {} is {}", cluster, c->status), "wait");
    if (c->status != "available") return fmt::format("cluster {} is {}", cluster, c->status);
    if (value("writer_phase") != kPhaseStarted) {
        auto made = create_writer(b);
        if (!made) return make_error(made.error().kind, "cannot add the writer instance: " + made.error().to_string(), "wait");
        p.state = "writer creating";
        return *made;
    }
    auto w = b.describe_db_instance(value("writer"));
    if (!w && !is_instance_not_found(w.error()) && !waiting_can_fix(w.error())) return w.error();
    if (!w) {
        p.state = "writer not created yet";
        return fmt::format("writer {} does not exist yet", value("writer"));
    }
    p.state = "writer " + w->status;
    if (stuck(w->status)) return make_error(ErrorKind::Aws, fmt::format("writer {} is {}", value("writer"), w->status), "wait");
    if (w->status != "available") return fmt::format("cluster {} is available; writer {} is {}", cluster, value("writer"), w->status);
    ready = true;
    auto& v = state_.values;
    v["endpoint_host"] = c->endpoint.address;
    v["endpoint_port"] = c->endpoint.port > 0 ? std::to_string(c->endpoint.port) : "";
    if (!c->database_name.empty()) v["db_name"] = c->database_name;
    if (!c->arn.empty()) v["instance_arn"] = c->arn;
    v["db_user"] = c->master_username;
    note_database_url();
    return fmt::format("cluster {} and writer {} are available", cluster, value("writer"));
}

}  // namespace vd::runbook::detail
