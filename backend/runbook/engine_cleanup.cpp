// The engine's cleanup step: deletes what this wizard restored, never the
// source, without a final snapshot, after the operator typed its name.
// An instance takes one DeleteDBInstance. An Aurora cluster takes a
// DeleteDBInstance for each of its instances (the writer the wait step
// added), then DeleteDBCluster: AWS refuses to delete a cluster that still
// has instances, and deleting only the instance would leave the cluster
// (and its storage bill) behind.
// Resume is safe as for the restore: phase "sending" is saved before the
// first call, and the next attempt looks at what is left before it sends.
#include <fmt/format.h>

#include "backend/runbook/engine_impl.hpp"

namespace vd::runbook::detail {
namespace {

bool is_cluster_not_found(const Error& e) { return e.code == "DBClusterNotFoundFault" || e.code == "DBClusterNotFound"; }

ApiCall delete_call(const char* operation, const char* member, const std::string& identifier) {
    ApiCall call;
    call.service = "rds";
    call.operation = operation;
    call.parameters[member] = identifier;
    call.parameters["SkipFinalSnapshot"] = true;
    return call;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

}  // namespace

// Whether the cleanup deletes an Aurora cluster (known once restored; before
// that, from the source the wizard restores).
bool EngineImpl::cleans_up_cluster() const {
    if (!state_.restored.target.empty()) return state_.restored.cluster;
    return !source_cluster().empty();
}

// The call that deletes the restored resource, as shown and audited.
ApiCall EngineImpl::cleanup_call() const {
    std::string target = restore_target(state_);
    return cleans_up_cluster() ? delete_call("DeleteDBCluster", "DBClusterIdentifier", target)
                               : delete_call("DeleteDBInstance", "DBInstanceIdentifier", target);
}

// Sends one delete between its two audit entries; says what became of the
// resource. Gone, or already being deleted by an earlier attempt of this
// request, is success.
Result<std::string> EngineImpl::send_delete(RestoreBackend& b, const ApiCall& call) {
    const bool cluster = call.operation == "DeleteDBCluster";
    const std::string id = call.parameters[cluster ? "DBClusterIdentifier" : "DBInstanceIdentifier"].get<std::string>();
    if (auto s = audit(audit_base("cleanup", "before", call)); !s)
        return make_error(ErrorKind::Internal, "nothing was sent: cannot write the audit log: " + s.error().message, "audit");
    Result<std::string> status = std::string();
    if (cluster) {
        auto r = b.delete_db_cluster(id);
        if (r) status = r->status;
        else status = r.error();
    } else {
        auto r = b.delete_db_instance(id);
        if (r) status = r->status;
        else status = r.error();
    }
    AuditEntry after = audit_base("cleanup", "after", call);
    after.request_id = b.last_request_id();
    after.result = status ? "ok" : "error";
    if (status) after.outcome = *status;
    else after.error = status.error().to_string();
    (void)audit(after);
    if (status) return fmt::format("deleting {} (no final snapshot)", id);
    const Error& e = status.error();
    if (is_instance_not_found(e) || is_cluster_not_found(e)) return fmt::format("{} was already gone", id);
    if (is_already_being_deleted(e)) return fmt::format("deleting {} (an earlier attempt of this request already started it)", id);
    Error out = e;
    out.message = call.operation + " " + id + " failed: " + e.message;
    return out;
}

Result<Outcome> EngineImpl::run_cleanup(const Step&) {
    std::string target = state_.restored.target;
    bool dry = options_.read_only || state_.restored.dry_run;
    if (target.empty() && !dry)
        return make_error(ErrorKind::InvalidInput, "nothing was restored by this wizard, so there is nothing to delete", "cleanup");
    if (target.empty()) target = value("target");
    if (!confirmed_for_mutation())
        return make_error(ErrorKind::InvalidInput, "refused: the confirm step was not passed for this target", "not-confirmed");
    if (target == value("source") || target == source_cluster())
        return make_error(ErrorKind::InvalidInput, "refused: the cleanup never deletes the source", "cleanup");
    if (typed_ != target)
        return make_error(ErrorKind::InvalidInput,
                          typed_.empty() ? fmt::format("type '{}' to delete it", target) : fmt::format("'{}' does not match '{}'", typed_, target),
                          "confirm");
    ApiCall call = cleanup_call();
    if (dry) return dry_run("cleanup", call);
    if (state_.cleanup_phase == kPhaseStarted) return done("already deleted");
    auto b = backend();
    if (!b) return failed(b.error().to_string());
    const bool cluster = cleans_up_cluster();
    auto finished = [&](const std::string& how, std::string message) {
        state_.cleanup_phase = kPhaseStarted;
        state_.values["cleanup_result"] = how;
        return done(std::move(message));
    };
    if (state_.cleanup_phase == kPhaseSending) {
        // An earlier attempt may have sent its calls: look before sending again.
        std::string status;
        if (cluster) {
            auto c = (*b)->describe_db_cluster(target);
            if (!c && is_cluster_not_found(c.error())) return finished("deleted", fmt::format("{} is already gone", target));
            if (c) status = c->status;
        } else {
            auto inst = (*b)->describe_db_instance(target);
            if (!inst && is_instance_not_found(inst.error())) return finished("deleted", fmt::format("{} is already gone", target));
            if (inst) status = inst->status;
        }
        if (status == "deleting") return finished("deleting", fmt::format("{} is being deleted", target));
    } else {
        if (auto s = ensure_identity(); !s) return failed(s.error().message);
        state_.cleanup_phase = kPhaseSending;
        if (auto s = save(); !s) {
            state_.cleanup_phase.clear();
            return failed("nothing was sent: cannot save the wizard state: " + s.error().message);
        }
        if (interrupted("cleanup:token-saved")) return dead_error();
    }
    auto give_up = [&](const Error& e) {
        if (refused_for_sure(e)) state_.cleanup_phase.clear();
        return failed(e.to_string());
    };
    std::vector<std::string> said;
    if (cluster) {
        auto c = (*b)->describe_db_cluster(target);
        if (!c && is_cluster_not_found(c.error())) return finished("deleted", fmt::format("{} is already gone", target));
        if (!c) return failed(fmt::format("cannot read cluster {} to delete its instances first: {}", target, c.error().to_string()));
        for (const auto& member : c->members) {
            auto r = send_delete(**b, delete_call("DeleteDBInstance", "DBInstanceIdentifier", member));
            if (!r) return give_up(r.error());
            said.push_back(*r);
        }
    }
    auto r = send_delete(**b, call);
    if (interrupted("cleanup:sent")) return dead_error();
    if (!r) return give_up(r.error());
    said.push_back(*r);
    return finished("deleted", joined(said));
}

}  // namespace vd::runbook::detail
