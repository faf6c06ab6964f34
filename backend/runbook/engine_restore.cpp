// The engine's mutating steps: the restore (AWS Backup, point in time, or
// snapshot) and the cleanup. The order of events is what makes resume safe:
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

// "sg-1,sg-2" as a list.
std::vector<std::string> split_list(const std::string& s) {
    std::vector<std::string> out;
    std::string word;
    for (char c : s) {
        if (c == ',') {
            if (!word.empty()) out.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) out.push_back(word);
    return out;
}

// Whether an AWS error proves the call was refused without effect.
bool refused_for_sure(const Error& e) {
    return e.kind == ErrorKind::Aws && e.http_status >= 400 && e.http_status < 500 && !e.retryable;
}

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

// The restore call with every parameter, from the chosen values.
Result<PlannedRestore> EngineImpl::plan_restore(const Step& step) {
    PlannedRestore p;
    std::string target = value("target");
    std::string token = state_.idempotency_token.empty() ? "(generated and saved before sending)" : state_.idempotency_token;
    auto groups = split_list(value("security_groups"));
    auto& params = p.call.parameters;
    if (step.method == "aws-backup") {
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
        if (!value("instance_class").empty()) metadata["DBInstanceClass"] = value("instance_class");
        if (!value("subnet_group").empty()) metadata["DBSubnetGroupName"] = value("subnet_group");
        if (!groups.empty()) metadata["VpcSecurityGroupIds"] = nlohmann::json(groups).dump();
        if (!value("parameter_group").empty()) metadata["DBParameterGroupName"] = value("parameter_group");
        Variables vars = variables();
        for (const auto& [k, tmpl] : step.metadata) {
            auto v = expand_template(tmpl, vars);
            if (!v) return make_error(ErrorKind::InvalidInput, fmt::format("metadata {}: {}", k, v.error().message), "restore");
            metadata[k] = *v;
        }
        std::string role = value("iam_role").empty() ? value("recovery_point_role") : value("iam_role");
        if (role.empty())
            return make_error(ErrorKind::InvalidInput, "no IAM role for the restore: fill in iam_role on the form", "restore");
        p.backup = {arn, metadata, role, state_.idempotency_token, value("resource_type"), false};
        p.call.service = "backup";
        p.call.operation = "StartRestoreJob";
        params["RecoveryPointArn"] = arn;
        params["Metadata"] = metadata;
        params["IamRoleArn"] = role;
        params["IdempotencyToken"] = token;
        if (!value("resource_type").empty()) params["ResourceType"] = value("resource_type");
    } else if (step.method == "pitr") {
        std::string when = value("restore_time");
        p.pitr.source_identifier = value("source");
        p.pitr.target_identifier = target;
        p.pitr.use_latest_restorable_time = when.empty() || when == "latest";
        if (!p.pitr.use_latest_restorable_time) p.pitr.restore_time = parse_time(when);
        p.pitr.instance_class = value("instance_class");
        p.pitr.subnet_group = value("subnet_group");
        p.pitr.security_group_ids = groups;
        p.pitr.parameter_group = value("parameter_group");
        p.call.service = "rds";
        p.call.operation = "RestoreDBInstanceToPointInTime";
        params["SourceDBInstanceIdentifier"] = p.pitr.source_identifier;
        params["TargetDBInstanceIdentifier"] = target;
        if (p.pitr.use_latest_restorable_time) params["UseLatestRestorableTime"] = true;
        else params["RestoreTime"] = when;
    } else if (step.method == "snapshot") {
        p.snapshot.target_identifier = target;
        p.snapshot.snapshot_identifier = value("snapshot_identifier");
        if (p.snapshot.snapshot_identifier.empty()) return make_error(ErrorKind::InvalidInput, "no snapshot was chosen", "restore");
        p.snapshot.instance_class = value("instance_class");
        p.snapshot.subnet_group = value("subnet_group");
        p.snapshot.security_group_ids = groups;
        p.snapshot.parameter_group = value("parameter_group");
        p.call.service = "rds";
        p.call.operation = "RestoreDBInstanceFromDBSnapshot";
        params["DBInstanceIdentifier"] = target;
        params["DBSnapshotIdentifier"] = p.snapshot.snapshot_identifier;
    } else {
        return make_error(ErrorKind::InvalidInput, fmt::format("unknown restore method '{}'", step.method), "restore");
    }
    if (step.method != "aws-backup") {
        if (!value("instance_class").empty()) params["DBInstanceClass"] = value("instance_class");
        if (!value("subnet_group").empty()) params["DBSubnetGroupName"] = value("subnet_group");
        if (!groups.empty()) params["VpcSecurityGroupIds"] = groups;
        if (!value("parameter_group").empty()) params["DBParameterGroupName"] = value("parameter_group");
    }
    return p;
}

// DeleteDBInstance of what this wizard restored.
ApiCall EngineImpl::cleanup_call() const {
    ApiCall call;
    call.service = "rds";
    call.operation = "DeleteDBInstance";
    std::string target = value("restored_target").empty() ? value("target") : value("restored_target");
    call.parameters["DBInstanceIdentifier"] = target;
    call.parameters["SkipFinalSnapshot"] = true;
    return call;
}

// The call the current restore or cleanup step makes (or would make).
Result<ApiCall> EngineImpl::planned_call() {
    if (dead_) return dead_error();
    if (state_.finished) return make_error(ErrorKind::InvalidInput, "the wizard has finished", "finished");
    const Step& step = current_step();
    if (step.kind == StepKind::Restore) {
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
    e.target = call.parameters.contains("DBInstanceIdentifier") && call.parameters["DBInstanceIdentifier"].is_string()
                   ? call.parameters["DBInstanceIdentifier"].get<std::string>()
                   : value("target");
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
    state_.values["dry_run"] = "true";
    if (auto s = audit(audit_base(action, "dry-run", call)); !s) return s.error();
    return done(fmt::format("dry run: {} {} not sent (--read-only)", call.service, call.operation));
}

// Marks the restore as started by an earlier attempt that resume found.
Status EngineImpl::adopt_restore(const Step& step, const std::string& job_id, const std::string& how) {
    auto& v = state_.values;
    if (step.method == "aws-backup") v["restore_job_id"] = job_id;
    v["restored_target"] = value("target");
    v["restore_started_at"] = value("restore_attempt_at");
    v["restore_method"] = step.method;
    state_.restore_phase = kPhaseStarted;
    AuditEntry e = audit_base("restore", "adopt", ApiCall{step.method == "aws-backup" ? "backup" : "rds", how, {}});
    e.result = "ok";
    e.outcome = job_id;
    return audit(e);
}

// Looks for what an interrupted attempt may have started; true when found and adopted.
Result<bool> EngineImpl::reconcile_restore(const Step& step) {
    auto b = backend();
    if (!b) return b.error();
    auto attempt = parse_time(value("restore_attempt_at"));
    TimePoint since = (attempt ? *attempt : now()) - kAdoptSlack;
    std::string target = value("target");
    if (step.method == "aws-backup") {
        services::JobFilter filter;
        filter.created_after = since;
        auto jobs = (*b)->list_restore_jobs(filter);
        if (!jobs) return jobs.error();
        std::vector<const model::RestoreJob*> mine;
        for (const auto& j : *jobs) {
            if (j.recovery_point_arn != value("recovery_point_arn")) continue;
            if (!j.created_resource_arn.empty() && db_identifier_of(j.created_resource_arn) != target &&
                j.created_resource_arn.find(":" + target) == std::string::npos)
                continue;
            mine.push_back(&j);
        }
        if (mine.size() != 1) return false;
        if (auto s = adopt_restore(step, mine[0]->restore_job_id, "ListRestoreJobs"); !s) return s.error();
        return true;
    }
    auto inst = (*b)->describe_db_instance(target);
    if (!inst) {
        if (is_instance_not_found(inst.error())) return false;
        return inst.error();
    }
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
    std::string outcome;
    Error error;
    bool ok = false;
    if (step.method == "aws-backup") {
        auto r = (*b)->start_restore_job(p->backup);
        ok = r.ok();
        if (ok) outcome = *r;
        else error = r.error();
    } else {
        auto r = step.method == "pitr" ? (*b)->restore_to_point_in_time(p->pitr) : (*b)->restore_from_snapshot(p->snapshot);
        ok = r.ok();
        if (ok) outcome = r->arn.empty() ? r->identifier : r->arn;
        else error = r.error();
    }
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
    auto& v = state_.values;
    if (step.method == "aws-backup") v["restore_job_id"] = outcome;
    v["restored_target"] = value("target");
    v["restore_started_at"] = value("restore_attempt_at");
    v["restore_method"] = step.method;
    state_.restore_phase = kPhaseStarted;
    std::string note = logged ? "" : " (the audit log could not be written: " + logged.error().message + ")";
    if (step.method == "aws-backup") return done(fmt::format("restore job {} started{}", outcome, note));
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
                                            value("restore_job_id").empty() ? value("target") : value("restore_job_id")));
        return send_restore(step);
    }
    if (auto s = ensure_identity(); !s) return failed(s.error().message);
    state_.idempotency_token = new_uuid();
    auto p = plan_restore(step);
    if (!p) {
        state_.idempotency_token.clear();
        return failed("cannot prepare the restore: " + p.error().to_string());
    }
    state_.values["restore_attempt_at"] = format_iso8601_ms(now());
    state_.restore_phase = kPhaseSending;
    if (auto s = save(); !s) {
        state_.restore_phase.clear();
        state_.idempotency_token.clear();
        return failed("nothing was sent: cannot save the wizard state: " + s.error().message);
    }
    if (interrupted("restore:token-saved")) return dead_error();
    return send_restore(step);
}

// Deletes the instance this wizard restored, after its identifier is typed.
Result<Outcome> EngineImpl::run_cleanup(const Step&) {
    std::string target = value("restored_target");
    bool dry = options_.read_only || value("dry_run") == "true";
    if (target.empty() && !dry)
        return make_error(ErrorKind::InvalidInput, "nothing was restored by this wizard, so there is nothing to delete", "cleanup");
    if (target.empty()) target = value("target");
    if (!confirmed_for_mutation())
        return make_error(ErrorKind::InvalidInput, "refused: the confirm step was not passed for this target", "not-confirmed");
    if (target == value("source"))
        return make_error(ErrorKind::InvalidInput, "refused: the cleanup never deletes the source instance", "cleanup");
    if (typed_ != target)
        return make_error(ErrorKind::InvalidInput,
                          typed_.empty() ? fmt::format("type '{}' to delete it", target) : fmt::format("'{}' does not match '{}'", typed_, target),
                          "confirm");
    ApiCall call = cleanup_call();
    if (dry) return dry_run("cleanup", call);
    if (state_.cleanup_phase == kPhaseStarted) return done("already deleted");
    auto b = backend();
    if (!b) return failed(b.error().to_string());
    if (state_.cleanup_phase == kPhaseSending) {
        auto inst = (*b)->describe_db_instance(target);
        if (!inst && is_instance_not_found(inst.error())) {
            state_.cleanup_phase = kPhaseStarted;
            state_.values["cleanup_result"] = "deleted";
            return done(fmt::format("{} is already gone", target));
        }
        if (inst && inst->status == "deleting") {
            state_.cleanup_phase = kPhaseStarted;
            state_.values["cleanup_result"] = "deleting";
            return done(fmt::format("{} is being deleted", target));
        }
    } else {
        if (auto s = ensure_identity(); !s) return failed(s.error().message);
        state_.cleanup_phase = kPhaseSending;
        if (auto s = save(); !s) {
            state_.cleanup_phase.clear();
            return failed("nothing was sent: cannot save the wizard state: " + s.error().message);
        }
        if (interrupted("cleanup:token-saved")) return dead_error();
    }
    if (auto s = audit(audit_base("cleanup", "before", call)); !s)
        return failed("nothing was sent: cannot write the audit log: " + s.error().message);
    auto r = (*b)->delete_db_instance(target);
    if (interrupted("cleanup:sent")) return dead_error();
    AuditEntry after = audit_base("cleanup", "after", call);
    after.request_id = (*b)->last_request_id();
    after.result = r ? "ok" : "error";
    if (r) after.outcome = r->status;
    else after.error = r.error().to_string();
    (void)audit(after);
    if (!r) {
        if (is_instance_not_found(r.error())) {
            state_.cleanup_phase = kPhaseStarted;
            state_.values["cleanup_result"] = "deleted";
            return done(fmt::format("{} was already gone", target));
        }
        if (refused_for_sure(r.error())) state_.cleanup_phase.clear();
        return failed("DeleteDBInstance failed: " + r.error().to_string());
    }
    state_.cleanup_phase = kPhaseStarted;
    state_.values["cleanup_result"] = "deleted";
    return done(fmt::format("deleting {} (no final snapshot)", target));
}

}  // namespace vd::runbook::detail
