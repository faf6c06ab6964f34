// The engine's restore step (AWS Backup, point in time, or snapshot; the
// cleanup is in engine_cleanup.cpp). The order of events is what makes resume safe:
//   1. plan the call (read-only calls only), generate the idempotency token;
//   2. save the state with the token and phase "sending";
//   3. write the audit entry "before";
//   4. send; 5. write the audit entry "after"; 6. save phase "started".
// A crash anywhere after 2 leaves phase "sending": the next attempt first
// looks for what the earlier one may have started, and adopts it.
#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/runbook/engine_impl.hpp"

namespace vd::runbook::detail {
namespace {

// Jobs and instances created more than this before the attempt are not ours.
constexpr auto kAdoptSlack = std::chrono::minutes(10);

}  // namespace

// The backend of the wizard's region.
Result<std::shared_ptr<RestoreBackend>> EngineImpl::backend() {
    std::string region = value("region");
    if (region.empty() || region == options_.backend->region()) return options_.backend;
    if (auto it = regional_.find(region); it != regional_.end()) return it->second;
    if (!options_.backend_for_region)
        return make_error(ErrorKind::Config, fmt::format("this session cannot reach region {}", region), "region");
    auto b = options_.backend_for_region(region);
    if (!b) return b.error();
    regional_[region] = *b;
    return *b;
}

// Learns who is acting (GetCallerIdentity), once per wizard.
Status EngineImpl::ensure_identity() {
    if (!value("identity_arn").empty()) return ok_status();
    auto b = backend();
    if (!b) return b.error();
    auto id = (*b)->caller_identity();
    if (!id) return make_error(id.error().kind, "cannot tell who you are (GetCallerIdentity): " + id.error().to_string(), "identity");
    state_.values["identity_arn"] = id->arn;
    state_.values["account"] = id->account;
    return ok_status();
}

// Fills the new resource's settings into the typed request and the call as shown.
void EngineImpl::apply_settings(services::RestoreSettings& r, nlohmann::ordered_json& params, bool cluster) const {
    r.instance_class = cluster ? std::string() : setting("instance_class");
    r.subnet_group = setting("subnet_group");
    r.security_group_ids = split_list(setting("security_groups"));
    r.parameter_group = setting("parameter_group");
    std::string port = setting("port");
    r.port = port.empty() || port.find_first_not_of("0123456789") != std::string::npos || port.size() > 5 ? 0 : std::stoi(port);
    auto flag = [&](const char* field) -> std::optional<bool> {
        std::string v = setting(field);
        if (v == "true" || v == "false") return v == "true";
        return std::nullopt;
    };
    r.deletion_protection = flag("deletion_protection");
    r.copy_tags_to_snapshot = flag("copy_tags_to_snapshot");
    r.tags = restored_tags();
    r.engine_lifecycle_support = setting("engine_lifecycle_support");
    if (r.engine_lifecycle_support.empty()) r.engine_lifecycle_support = services::kExtendedSupportDisabled;
    if (!cluster) {
        r.option_group = setting("option_group");
        r.storage_type = setting("storage_type");
        std::string iops = setting("iops");
        r.iops = iops.empty() || iops.find_first_not_of("0123456789") != std::string::npos || iops.size() > 9 ? 0 : std::stoll(iops);
        r.multi_az = flag("multi_az");
    }
    const auto text = [&](const char* name, const std::string& v) {
        if (!v.empty()) params[name] = v;
    };
    text("DBInstanceClass", r.instance_class);
    text("DBSubnetGroupName", r.subnet_group);
    if (!r.security_group_ids.empty()) params["VpcSecurityGroupIds"] = r.security_group_ids;
    text(cluster ? "DBClusterParameterGroupName" : "DBParameterGroupName", r.parameter_group);
    text("OptionGroupName", r.option_group);
    if (r.port > 0) params["Port"] = r.port;
    text("StorageType", r.storage_type);
    if (r.iops > 0) params["Iops"] = r.iops;
    if (r.multi_az) params["MultiAZ"] = *r.multi_az;
    if (r.deletion_protection) params["DeletionProtection"] = *r.deletion_protection;
    if (r.copy_tags_to_snapshot) params["CopyTagsToSnapshot"] = *r.copy_tags_to_snapshot;
    nlohmann::ordered_json tags = nlohmann::ordered_json::array();
    for (const auto& [k, v] : r.tags) tags.push_back({{"Key", k}, {"Value", v}});
    if (!tags.empty()) params["Tags"] = tags;
    params["EngineLifecycleSupport"] = r.engine_lifecycle_support;
}

namespace {

// The ARN of a restored database, or its identifier.
template <typename Db>
Result<std::string> arn_of(Result<Db> r) {
    if (!r) return r.error();
    return r->arn.empty() ? r->identifier : r->arn;
}

}  // namespace

// The restore call with every parameter, from the chosen values.
Result<PlannedRestore> EngineImpl::plan_restore(const Step& step) {
    load_source_settings();
    if (!step.method) return make_error(ErrorKind::InvalidInput, "the restore step names no method", "restore");
    Result<PlannedRestore> p = make_error(ErrorKind::InvalidInput, "unknown restore method", "restore");
    switch (*step.method) {
    case RestoreMethod::AwsBackup: p = plan_backup_restore(step); break;
    case RestoreMethod::Pitr: p = plan_pitr_restore(); break;
    case RestoreMethod::Snapshot: p = plan_snapshot_restore(); break;
    }
    if (!p) return p;
    p->method = *step.method;
    state_.restored.cluster = p->cluster;
    return p;
}

// StartRestoreJob: the point's restore metadata, the form's settings and
// the step's own metadata, with the IAM role AWS Backup restores as.
Result<PlannedRestore> EngineImpl::plan_backup_restore(const Step& step) {
    PlannedRestore p;
    const std::string target = value("target");
    const std::string token = state_.idempotency_token.empty() ? "(generated and saved before sending)" : state_.idempotency_token;
    auto& params = p.call.parameters;
    std::string arn = value("recovery_point_arn");
    std::string vault = value("recovery_point_vault");
    if (arn.empty()) return make_error(ErrorKind::InvalidInput, "no recovery point was chosen", "restore");
    if (!metadata_) {
        auto b = backend();
        if (!b) return b.error();
        auto md = (*b)->get_restore_metadata(vault, arn);
        if (!md) return md.error();
        metadata_ = std::move(*md);
    }
    std::map<std::string, std::string> metadata = metadata_->metadata;
    bool cluster = value("resource_type") == "Aurora";
    metadata[cluster ? "DBClusterIdentifier" : "DBInstanceIdentifier"] = target;
    services::RestoreSettings settings;
    nlohmann::ordered_json shown = nlohmann::ordered_json::object();
    apply_settings(settings, shown, cluster);
    shown.erase("Tags");
    for (const auto& [k, v] : shown.items())
        metadata[k] = v.is_string() ? v.get<std::string>() : v.dump();
    Variables vars = variables();
    for (const auto& [k, tmpl] : step.metadata) {
        auto v = expand_template(tmpl, vars);
        if (!v) return make_error(ErrorKind::InvalidInput, fmt::format("metadata {}: {}", k, v.error().message), "restore");
        metadata[k] = *v;
    }
    std::string role = value("iam_role").empty() ? value("recovery_point_role") : value("iam_role");
    if (role.empty())
        return make_error(ErrorKind::InvalidInput, "no IAM role for the restore: fill in iam_role on the form", "restore");
    services::StartRestoreJobRequest request{arn, metadata, role, state_.idempotency_token, value("resource_type"), true};
    p.send = [request](RestoreBackend& b) { return b.start_restore_job(request); };
    p.cluster = cluster;
    p.call.service = "backup";
    p.call.operation = "StartRestoreJob";
    params["RecoveryPointArn"] = arn;
    params["Metadata"] = metadata;
    params["IamRoleArn"] = role;
    params["IdempotencyToken"] = token;
    params["CopySourceTagsToRestoredResource"] = true;
    if (!value("resource_type").empty()) params["ResourceType"] = value("resource_type");
    return p;
}

// RestoreDBInstanceToPointInTime, or RestoreDBClusterToPointInTime for an
// Aurora source: the chosen second, or the latest restorable time.
Result<PlannedRestore> EngineImpl::plan_pitr_restore() {
    PlannedRestore p;
    const std::string target = value("target");
    const std::string when = value("restore_time");
    const bool latest = when.empty() || when == "latest";
    auto& params = p.call.parameters;
    p.call.service = "rds";
    if (!source_cluster().empty()) {
        services::RestoreClusterToPointInTimeRequest r;
        r.source_cluster_identifier = source_cluster();
        r.cluster_identifier = target;
        r.use_latest_restorable_time = latest;
        if (!latest) r.restore_time = parse_time(when);
        p.cluster = true;
        p.call.operation = "RestoreDBClusterToPointInTime";
        params["SourceDBClusterIdentifier"] = r.source_cluster_identifier;
        params["DBClusterIdentifier"] = target;
        if (latest) params["UseLatestRestorableTime"] = true;
        else params["RestoreToTime"] = when;
        apply_settings(r, params, true);
        p.send = [r](RestoreBackend& b) { return arn_of(b.restore_cluster_to_point_in_time(r)); };
        return p;
    }
    services::RestoreToPointInTimeRequest r;
    r.source_identifier = value("source");
    r.target_identifier = target;
    r.use_latest_restorable_time = latest;
    if (!latest) r.restore_time = parse_time(when);
    p.call.operation = "RestoreDBInstanceToPointInTime";
    params["SourceDBInstanceIdentifier"] = r.source_identifier;
    params["TargetDBInstanceIdentifier"] = target;
    if (latest) params["UseLatestRestorableTime"] = true;
    else params["RestoreTime"] = when;
    apply_settings(r, params, false);
    p.send = [r](RestoreBackend& b) { return arn_of(b.restore_to_point_in_time(r)); };
    return p;
}

// RestoreDBInstanceFromDBSnapshot, or RestoreDBClusterFromSnapshot for an
// Aurora source: the chosen snapshot.
Result<PlannedRestore> EngineImpl::plan_snapshot_restore() {
    PlannedRestore p;
    const std::string target = value("target");
    const std::string snapshot = value("snapshot_identifier");
    if (snapshot.empty()) return make_error(ErrorKind::InvalidInput, "no snapshot was chosen", "restore");
    auto& params = p.call.parameters;
    p.call.service = "rds";
    if (!source_cluster().empty()) {
        services::RestoreClusterFromSnapshotRequest r;
        r.cluster_identifier = target;
        r.snapshot_identifier = snapshot;
        r.engine = value("source_engine").empty() ? "aurora-postgresql" : value("source_engine");
        p.cluster = true;
        p.call.operation = "RestoreDBClusterFromSnapshot";
        params["DBClusterIdentifier"] = target;
        params["SnapshotIdentifier"] = snapshot;
        params["Engine"] = r.engine;
        apply_settings(r, params, true);
        p.send = [r](RestoreBackend& b) { return arn_of(b.restore_cluster_from_snapshot(r)); };
        return p;
    }
    services::RestoreFromSnapshotRequest r;
    r.target_identifier = target;
    r.snapshot_identifier = snapshot;
    p.call.operation = "RestoreDBInstanceFromDBSnapshot";
    params["DBInstanceIdentifier"] = target;
    params["DBSnapshotIdentifier"] = snapshot;
    apply_settings(r, params, false);
    p.send = [r](RestoreBackend& b) { return arn_of(b.restore_from_snapshot(r)); };
    return p;
}

std::optional<RestoreMethod> EngineImpl::started_method() const { return parse_restore_method(state_.restored.method); }

// The call the current restore or cleanup step makes (or would make).
Result<ApiCall> EngineImpl::planned_call() {
    if (dead_) return dead_error();
    if (state_.finished) return make_error(ErrorKind::InvalidInput, "the wizard has finished", "finished");
    const Step& step = current_step();
    if (step.kind == StepKind::Restore) {
        // The token shown is the one that will be sent: made and saved now.
        if (step.method == RestoreMethod::AwsBackup && state_.idempotency_token.empty() && state_.restore_phase.empty() && !options_.read_only) {
            state_.idempotency_token = new_uuid();
            if (auto s = save(); !s) return s.error();
        }
        auto p = plan_restore(step);
        if (!p) return p.error();
        return p->call;
    }
    if (step.kind == StepKind::Cleanup) return cleanup_call();
    return make_error(ErrorKind::InvalidInput, "this step makes no AWS call", "step");
}

// An audit entry with who, where and what filled in.
AuditEntry EngineImpl::audit_base(const std::string& action, const std::string& phase, const ApiCall& call) const {
    AuditEntry e;
    e.time = now();
    e.phase = phase;
    e.action = action;
    e.who = value("identity_arn");
    e.account = value("account");
    e.profile = state_.profile;
    e.region = value("region");
    e.target = value("target");
    for (const char* member : {"DBInstanceIdentifier", "DBClusterIdentifier"})
        if (call.parameters.contains(member) && call.parameters[member].is_string()) {
            e.target = call.parameters[member].get<std::string>();
            break;
        }
    if (action == "restore") e.idempotency_token = state_.idempotency_token;
    e.wizard_id = state_.id;
    e.runbook = state_.runbook_name;
    e.call = call;
    return e;
}

// Appends to the audit log.
Status EngineImpl::audit(const AuditEntry& entry) { return options_.audit->append(entry); }

// Shows (and logs) the call a read-only wizard would have made.
Result<Outcome> EngineImpl::dry_run(const std::string& action, const ApiCall& call) {
    (void)ensure_identity();
    record().dry_run = fmt::format("read-only: this call was NOT sent\n{}\n\nAWS CLI equivalent:\n{}", describe_api_call(call),
                                   aws_cli_equivalent(call, value("region")));
    state_.restored.dry_run = true;
    if (auto s = audit(audit_base(action, "dry-run", call)); !s) return s.error();
    return done(fmt::format("dry run: {} {} not sent (--read-only)", call.service, call.operation));
}

// Records that the restore into the form's target was started.
void EngineImpl::record_started(RestoreMethod method, bool cluster, const std::string& job_id) {
    RestoreFacts& r = state_.restored;
    r.target = value("target");
    r.cluster = cluster;
    r.method = restore_method_name(method);
    r.job_id = job_id;
    r.started_at = r.attempt_at;
    state_.restore_phase = kPhaseStarted;
}

// Marks the restore as started by an earlier attempt that resume found.
Status EngineImpl::adopt_restore(const Step& step, const std::string& job_id, const std::string& how) {
    const RestoreMethod method = step.method.value_or(RestoreMethod::AwsBackup);
    const bool backup = method == RestoreMethod::AwsBackup;
    record_started(method, !source_cluster().empty(), backup ? job_id : std::string());
    AuditEntry e = audit_base("restore", "adopt", ApiCall{backup ? "backup" : "rds", how, {}});
    e.result = "ok";
    e.outcome = job_id;
    return audit(e);
}

namespace {

// The wizard a restored resource's tags name, or empty.
std::string wizard_of(const std::vector<std::pair<std::string, std::string>>& tags) {
    for (const auto& [k, v] : tags)
        if (k == kWizardTag) return v;
    return {};
}

}  // namespace

// Looks for what an interrupted attempt may have started; true when found and adopted.
Result<bool> EngineImpl::reconcile_restore(const Step& step) {
    auto b = backend();
    if (!b) return b.error();
    auto attempt = parse_time(state_.restored.attempt_at);
    TimePoint since = (attempt ? *attempt : now()) - kAdoptSlack;
    std::string target = value("target");
    // AWS Backup: sending StartRestoreJob again with the saved idempotency
    // token answers with the job the interrupted attempt started, if it did,
    // and starts one otherwise. Listing jobs cannot tell ours from another
    // wizard's on the same point (a running job names no resource yet).
    if (step.method == RestoreMethod::AwsBackup) return false;
    if (!source_cluster().empty()) {
        auto c = (*b)->describe_db_cluster(target);
        if (!c) return c.error().kind == ErrorKind::NotFound || c.error().code == "DBClusterNotFoundFault" ? Result<bool>(false) : Result<bool>(c.error());
        if (auto by = wizard_of(c->tags); !by.empty() && by != state_.id)
            return make_error(ErrorKind::InvalidInput, fmt::format("cluster {} was restored by wizard {}, not this one: not adopting it", target, by), "restore");
        if (c->create_time && *c->create_time < since)
            return make_error(ErrorKind::InvalidInput, fmt::format("cluster {} exists but was created before this wizard's restore: not adopting it", target), "restore");
        if (auto s = adopt_restore(step, c->arn, "DescribeDBClusters"); !s) return s.error();
        return true;
    }
    auto inst = (*b)->describe_db_instance(target);
    if (!inst) {
        if (is_instance_not_found(inst.error())) return false;
        return inst.error();
    }
    if (auto by = wizard_of(inst->tags); !by.empty() && by != state_.id)
        return make_error(ErrorKind::InvalidInput, fmt::format("{} was restored by wizard {}, not this one: not adopting it", target, by), "restore");
    if (inst->create_time && *inst->create_time < since)
        return make_error(ErrorKind::InvalidInput,
                          fmt::format("{} exists but was created at {}, before this wizard's restore: not adopting it",
                                      target, format_iso8601(*inst->create_time)), "restore");
    if (auto s = adopt_restore(step, inst->arn, "DescribeDBInstances"); !s) return s.error();
    return true;
}

// Sends the planned restore with the audit entries around it.
Result<Outcome> EngineImpl::send_restore(const Step& step) {
    auto p = plan_restore(step);
    if (!p) return failed("cannot prepare the restore: " + p.error().to_string());
    ApiCall call = p->call;
    if (auto s = audit(audit_base("restore", "before", call)); !s)
        return failed("nothing was sent: cannot write the audit log: " + s.error().message);
    auto b = backend();
    if (!b) return failed(b.error().to_string());
    auto sent = p->send(**b);
    const bool ok = sent.ok();
    const std::string outcome = ok ? *sent : std::string();
    const Error error = ok ? Error{} : sent.error();
    if (interrupted("restore:sent")) return dead_error();
    AuditEntry after = audit_base("restore", "after", call);
    after.request_id = (*b)->last_request_id();
    after.result = ok ? "ok" : "error";
    after.outcome = outcome;
    if (!ok) after.error = error.to_string();
    Status logged = audit(after);
    if (!ok) {
        if (refused_for_sure(error)) {
            state_.restore_phase.clear();
            state_.idempotency_token.clear();
        }
        return failed(fmt::format("{} failed: {}", call.operation, error.to_string()));
    }
    const bool backup = p->method == RestoreMethod::AwsBackup;
    record_started(p->method, p->cluster, backup ? outcome : std::string());
    std::string note = logged ? "" : " (the audit log could not be written: " + logged.error().message + ")";
    if (backup) return done(fmt::format("restore job {} started{}", outcome, note));
    return done(fmt::format("{} is being created{}", value("target"), note));
}

// Starts the restore, once, after the confirm step.
Result<Outcome> EngineImpl::run_restore(const Step& step) {
    std::string target = value("target");
    if (!confirmed_for_mutation())
        return make_error(ErrorKind::InvalidInput,
                          fmt::format("refused: the restore changes AWS and the confirm step was not passed for '{}'", target),
                          "not-confirmed");
    if (target.empty() || target == value("source"))
        return make_error(ErrorKind::InvalidInput, "refused: a restore always goes to a NEW instance, never the source", "target");
    if (state_.restore_phase == kPhaseStarted) return done("the restore was already started");
    if (options_.read_only) {
        auto p = plan_restore(step);
        if (!p) return failed("cannot prepare the restore: " + p.error().to_string());
        return dry_run("restore", p->call);
    }
    if (state_.restore_phase == kPhaseSending) {
        auto found = reconcile_restore(step);
        if (!found) return failed("cannot tell whether the interrupted restore was sent: " + found.error().to_string() + "; Next tries again");
        if (*found) return done(fmt::format("found the restore started before the interruption ({})",
                                            state_.restored.job_id.empty() ? value("target") : state_.restored.job_id));
        return send_restore(step);
    }
    if (auto s = ensure_identity(); !s) return failed(s.error().message);
    if (state_.idempotency_token.empty()) state_.idempotency_token = new_uuid();  // or the one the plan showed
    auto p = plan_restore(step);
    if (!p) {
        state_.idempotency_token.clear();
        return failed("cannot prepare the restore: " + p.error().to_string());
    }
    state_.restored.attempt_at = format_iso8601_ms(now());
    state_.restore_phase = kPhaseSending;
    if (auto s = save(); !s) {
        state_.restore_phase.clear();
        state_.idempotency_token.clear();
        return failed("nothing was sent: cannot save the wizard state: " + s.error().message);
    }
    if (interrupted("restore:token-saved")) return dead_error();
    return send_restore(step);
}

}  // namespace vd::runbook::detail
