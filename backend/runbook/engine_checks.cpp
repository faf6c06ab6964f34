// The engine's checking steps: named preflight checks, SQL checks against
// the restored (and the source) instance with libpq, the restore-testing
// validation result, and command steps.
#include <algorithm>
#include <regex>

#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/runbook/engine_impl.hpp"
#include "backend/runbook/runbook_reader.hpp"
#include "backend/runbook/sql_expect.hpp"

namespace vd::runbook::detail {
namespace {

PreflightResult pass(std::string detail) { return {{}, "pass", std::move(detail)}; }
PreflightResult fail(std::string detail) { return {{}, "fail", std::move(detail)}; }

}  // namespace

const std::vector<EngineImpl::PreflightCheck>& EngineImpl::preflight_checks() {
    static const std::vector<PreflightCheck> kChecks = {
        {"target-identifier-free", &EngineImpl::check_target_free},
        {"recovery-point-completed", &EngineImpl::check_point_completed},
        {"not-expiring-within-1h", &EngineImpl::check_not_expiring},
        {"pitr-time-in-window", &EngineImpl::check_pitr_window},
        {"iam-role-present", &EngineImpl::check_iam_role},
        {"not-read-only", &EngineImpl::check_not_read_only},
        {"network-exists", &EngineImpl::network_check},
    };
    return kChecks;
}

// Runs one named preflight check.
PreflightResult EngineImpl::preflight_check(const std::string& name) {
    auto b = backend();
    PreflightResult r{{}, "fail", "unknown check"};
    if (!b) {
        r.detail = b.error().to_string();
    } else {
        for (const auto& check : preflight_checks())
            if (name == check.name) r = (this->*check.run)(**b);
    }
    r.name = name;
    return r;
}

// The target identifier is not an instance or cluster yet.
PreflightResult EngineImpl::check_target_free(RestoreBackend& b) {
    std::string target = value("target");
    if (target.empty()) return fail("no target identifier");
    if (!source_cluster().empty()) {
        auto c = b.describe_db_cluster(target);
        if (c) return fail(fmt::format("cluster {} already exists ({}): choose a new identifier", target, c->status));
        if (c.error().code != "DBClusterNotFoundFault" && c.error().kind != ErrorKind::NotFound)
            return fail("cannot check: " + c.error().to_string());
    }
    auto inst = b.describe_db_instance(target);
    if (inst) return fail(fmt::format("{} already exists ({}): choose a new identifier", target, inst->status));
    if (is_instance_not_found(inst.error())) return pass(fmt::format("{} is free in {}", target, b.region()));
    return fail("cannot check: " + inst.error().to_string());
}

// The chosen recovery point or snapshot is complete.
PreflightResult EngineImpl::check_point_completed(RestoreBackend& b) {
    if (!value("recovery_point_arn").empty()) {
        auto rp = b.describe_recovery_point(value("recovery_point_vault"), value("recovery_point_arn"));
        if (!rp) return fail("cannot check: " + rp.error().to_string());
        if (rp->calculated.delete_at) state_.values["recovery_point_expires"] = format_iso8601(*rp->calculated.delete_at);
        if (rp->status != "COMPLETED") return fail(fmt::format("the recovery point is {}", rp->status));
        return pass("COMPLETED");
    }
    if (!value("snapshot_identifier").empty()) {
        auto snaps = source_cluster().empty() ? b.describe_db_snapshots(value("source"), "")
                                              : b.describe_db_cluster_snapshots(source_cluster());
        if (!snaps) return fail("cannot check: " + snaps.error().to_string());
        for (const auto& s : *snaps)
            if (s.identifier == value("snapshot_identifier"))
                return s.status == "available" ? pass("available") : fail(fmt::format("the snapshot is {}", s.status));
        return fail(fmt::format("snapshot {} not found in {}", value("snapshot_identifier"), b.region()));
    }
    return fail("no recovery point was chosen");
}

// The chosen recovery point is not deleted within the hour.
PreflightResult EngineImpl::check_not_expiring(RestoreBackend& b) {
    std::string expires = value("recovery_point_expires");
    if (expires.empty() && !value("recovery_point_arn").empty()) {
        auto rp = b.describe_recovery_point(value("recovery_point_vault"), value("recovery_point_arn"));
        if (!rp) return fail("cannot check: " + rp.error().to_string());
        if (rp->calculated.delete_at) expires = format_iso8601(*rp->calculated.delete_at);
    }
    if (expires.empty()) return pass("no deletion date");
    auto at = parse_time(expires);
    if (at && *at < now() + std::chrono::hours(1))
        return fail(fmt::format("the recovery point is deleted at {}, within the hour", expires));
    return pass(fmt::format("kept until {}", expires));
}

// The chosen restore time is inside the restore window.
PreflightResult EngineImpl::check_pitr_window(RestoreBackend&) {
    std::string when = value("restore_time");
    if (when.empty()) return fail("no restore time was chosen");
    auto window = pitr_window();
    if (!window) return fail("cannot read the restore window: " + window.error().to_string());
    std::string span = fmt::format("{} .. {}", format_iso8601(window->earliest), format_iso8601(window->latest));
    if (when == "latest") return pass("latest restorable time, window " + span);
    auto t = parse_time(when);
    if (!t || *t < window->earliest || *t > window->latest) return fail(fmt::format("{} is outside {}", when, span));
    return pass(fmt::format("{} is inside {}", when, span));
}

// An IAM role ARN for AWS Backup to restore as.
PreflightResult EngineImpl::check_iam_role(RestoreBackend&) {
    std::string role = value("iam_role").empty() ? value("recovery_point_role") : value("iam_role");
    static const std::regex arn(R"(^arn:aws[a-z-]*:iam::\d{12}:role/.+$)");
    if (role.empty()) return fail("no IAM role: fill in iam_role");
    if (!std::regex_match(role, arn)) return fail(fmt::format("'{}' is not an IAM role ARN", role));
    return pass(role);
}

// Changes are allowed (a read-only wizard only shows the call).
PreflightResult EngineImpl::check_not_read_only(RestoreBackend&) {
    if (options_.read_only) return {{}, "warn", "read-only: the restore will be a dry run that only shows the call"};
    return pass("changes are allowed");
}

// Whether the DB subnet group and VPC security groups the new database is
// given exist in the target region, in one VPC: a restore into a group that
// is missing fails at AWS, and one into the wrong VPC cannot be reached.
PreflightResult EngineImpl::network_check(RestoreBackend& b) {
    const std::string subnet = setting("subnet_group");
    const std::vector<std::string> groups = split_list(setting("security_groups"));
    std::string vpc, said;
    if (subnet.empty()) {
        said = "the default DB subnet group";
    } else {
        auto v = b.db_subnet_group_vpc(subnet);
        if (!v && (v.error().code == "DBSubnetGroupNotFoundFault" || v.error().kind == ErrorKind::NotFound))
            return fail(fmt::format("DB subnet group {} does not exist in {}: choose one of that region's groups", subnet, b.region()));
        if (!v) return fail("cannot check the DB subnet group: " + v.error().to_string());
        vpc = *v;
        said = fmt::format("DB subnet group {} ({})", subnet, vpc);
    }
    if (groups.empty()) return pass(said + " with the VPC's default security group");
    auto found = b.security_groups(groups);
    if (!found && found.error().code.rfind("InvalidGroup", 0) == 0)
        return fail(fmt::format("{} in {}: choose that region's security groups", found.error().message, b.region()));
    if (!found) return fail("cannot check the security groups: " + found.error().to_string());
    for (const auto& id : groups) {
        auto g = std::find_if(found->begin(), found->end(), [&](const services::SecurityGroup& s) { return s.id == id; });
        if (g == found->end()) return fail(fmt::format("security group {} does not exist in {}", id, b.region()));
        if (!vpc.empty() && !g->vpc_id.empty() && g->vpc_id != vpc)
            return fail(fmt::format("security group {} is in {}, not in {} of DB subnet group {}", id, g->vpc_id, vpc, subnet));
    }
    return pass(fmt::format("{}, security groups {}", said, fmt::join(groups, ",")));
}

// Runs every check of the step; fails when any fails (warnings pass).
Result<Outcome> EngineImpl::run_preflight(const Step& step) {
    std::vector<PreflightResult> results;
    std::string failures;
    int warnings = 0;
    for (const auto& c : step.checks) {
        results.push_back(preflight_check(c));
        if (results.back().verdict == "fail") failures += (failures.empty() ? "" : "; ") + c + ": " + results.back().detail;
        if (results.back().verdict == "warn") ++warnings;
    }
    record().preflight = results;
    if (!failures.empty()) return failed(failures);
    return done(fmt::format("{} checks passed{}", results.size(), warnings ? fmt::format(", {} warning", warnings) : ""));
}

// Where to connect for an instance: its endpoint, and the step's database and user.
Result<ConnectionParams> EngineImpl::connection_for(const std::string& instance, const Step& step) {
    auto b = backend();
    if (!b) return b.error();
    // An Aurora cluster is queried at its cluster (writer) endpoint.
    const bool cluster = (instance == state_.restored.target && state_.restored.cluster) ||
                         (instance == value("source") && !source_cluster().empty());
    model::Endpoint endpoint;
    std::string status, db_name;
    if (cluster) {
        auto c = (*b)->describe_db_cluster(instance);
        if (!c) return c.error();
        endpoint = c->endpoint;
        status = c->status;
        db_name = c->database_name;
    } else {
        auto inst = (*b)->describe_db_instance(instance);
        if (!inst && is_instance_not_found(inst.error()) && options_.backend != *b) inst = options_.backend->describe_db_instance(instance);
        if (!inst) return inst.error();
        endpoint = inst->endpoint;
        status = inst->status;
        db_name = inst->db_name;
    }
    if (endpoint.address.empty())
        return make_error(ErrorKind::InvalidInput, fmt::format("{} has no endpoint yet ({})", instance, status), "sql");
    ConnectionParams p;
    p.host = endpoint.address;
    p.port = endpoint.port;
    Variables vars = variables();
    vars["db_name"] = db_name;
    auto db = expand_template(step.database, vars);
    if (!db) return db.error();
    p.database = db->empty() ? db_name : *db;
    auto user = expand_template(step.user, vars);
    if (!user) return user.error();
    p.user = *user;
    p.sslmode = step.sslmode;
    return p;
}

// Runs the queries on the restored instance (and the source where compared).
Result<Outcome> EngineImpl::run_sql_check(const Step& step) {
    if (state_.restored.dry_run) return skipped("dry run: nothing was restored, nothing to check");
    std::string target = state_.restored.target;
    if (target.empty()) return make_error(ErrorKind::InvalidInput, "nothing was restored yet", "sql");
    std::vector<CheckResult> results;
    for (const auto& c : step.sql_checks) results.push_back({c.name, c.query, c.expect, {}, std::nullopt, false, {}});
    auto fail_all = [&](const std::string& why) -> Outcome {
        for (auto& r : results) r.error = why;
        record().checks = results;
        record_validation(false, why);
        return failed(why);
    };
    auto params = connection_for(target, step);
    if (!params) return fail_all("cannot find the restored instance: " + params.error().to_string());
    auto session = options_.sql->connect(*params);
    if (!session) return fail_all(session.error().message);
    std::unique_ptr<SqlSession> source_session;
    std::string source_error;
    bool source_tried = false;
    for (size_t i = 0; i < step.sql_checks.size(); ++i) {
        const SqlCheckSpec& spec = step.sql_checks[i];
        CheckResult& r = results[i];
        auto expect = parse_expectation(spec.expect);
        if (!expect) {
            r.error = expect.error().message;
            continue;
        }
        auto actual = (*session)->query_value(spec.query);
        if (!actual) {
            r.error = actual.error().message;
            continue;
        }
        r.actual = *actual;
        if (needs_source(*expect)) {
            if (!source_tried) {
                source_tried = true;
                auto sp = connection_for(value("source"), step);
                if (!sp) {
                    source_error = "cannot find the source instance: " + sp.error().to_string();
                } else if (auto s = options_.sql->connect(*sp); s) {
                    source_session = std::move(*s);
                } else {
                    source_error = "source: " + s.error().message;
                }
            }
            if (!source_session) {
                r.error = source_error;
                continue;
            }
            auto sv = source_session->query_value(spec.query);
            if (!sv) {
                r.error = "source: " + sv.error().message;
                continue;
            }
            r.source_value = *sv;
        }
        r.passed = expectation_met(*expect, r.actual, r.source_value);
    }
    record().checks = results;
    const bool all_passed = std::all_of(results.begin(), results.end(), [](const CheckResult& r) { return r.passed; });
    const std::string summary = checks_summary(results);
    record_validation(all_passed, summary.substr(0, summary.find(';')));
    return all_passed ? done(summary) : failed(summary);
}

// Sends the outcome to AWS Backup when a restore-testing job restored the same point.
void EngineImpl::record_validation(bool passed, const std::string& summary) {
    if (started_method() != RestoreMethod::AwsBackup || state_.restored.job_id.empty()) return;
    auto b = backend();
    if (!b) return;
    std::string job_id;
    auto ours = (*b)->describe_restore_job(state_.restored.job_id);
    if (ours && !ours->restore_testing_plan_arn.empty()) {
        job_id = ours->restore_job_id;
    } else if (!value("resource_arn").empty()) {
        auto jobs = (*b)->list_restore_jobs_by_resource(value("resource_arn"));
        if (!jobs) return;
        std::optional<TimePoint> newest;
        for (const auto& j : *jobs) {
            bool open = j.validation_status.empty() || j.validation_status == "VALIDATING";
            if (j.restore_testing_plan_arn.empty() || j.recovery_point_arn != value("recovery_point_arn") ||
                j.status != "COMPLETED" || !open)
                continue;
            if (!newest || j.creation_date.value_or(TimePoint{}) > *newest) {
                newest = j.creation_date.value_or(TimePoint{});
                job_id = j.restore_job_id;
            }
        }
    }
    if (job_id.empty()) return;
    ApiCall call{"backup", "PutRestoreValidationResult", {}};
    call.parameters["RestoreJobId"] = job_id;
    call.parameters["ValidationStatus"] = passed ? "SUCCESSFUL" : "FAILED";
    call.parameters["ValidationStatusMessage"] = fmt::format("vaultdeck {} {}: {}", state_.runbook_name, state_.id, summary);
    if (options_.read_only) {
        (void)audit(audit_base("validation", "dry-run", call));
        state_.values["validation_result"] = "not sent (read-only) for " + job_id;
        return;
    }
    if (!ensure_identity() || !audit(audit_base("validation", "before", call))) {
        state_.values["validation_result"] = "not sent: no identity or audit log";
        return;
    }
    auto r = (*b)->put_restore_validation_result(job_id, call.parameters["ValidationStatus"], call.parameters["ValidationStatusMessage"]);
    AuditEntry after = audit_base("validation", "after", call);
    after.request_id = (*b)->last_request_id();
    after.result = r ? "ok" : "error";
    if (!r) after.error = r.error().to_string();
    (void)audit(after);
    state_.values["validation_result"] = r ? fmt::format("{} recorded on restore-testing job {}", passed ? "SUCCESSFUL" : "FAILED", job_id)
                                           : "failed: " + r.error().to_string();
}

// The command of a command step, with its templates filled in and the
// restored instance in the environment.
Result<CommandSpec> EngineImpl::command_spec(const Step& step) const {
    CommandSpec spec;
    Variables vars = variables();
    spec.shell = step.shell;
    spec.timeout = step.timeout;
    if (step.shell) {
        auto c = expand_template(step.command, vars);
        if (!c) return c.error();
        spec.shell_command = *c;
    } else {
        for (const auto& a : step.argv) {
            auto v = expand_template(a, vars);
            if (!v) return v.error();
            spec.argv.push_back(*v);
        }
    }
    auto add = [&](const char* k, const std::string& v) {
        if (!v.empty()) spec.env.emplace_back(k, v);
    };
    add("VAULTDECK_WIZARD", state_.id);
    add("VAULTDECK_SOURCE", value("source"));
    add("VAULTDECK_TARGET", restore_target(state_));
    add("VAULTDECK_REGION", value("region"));
    add("PGHOST", value("endpoint_host"));
    add("PGPORT", value("endpoint_port"));
    add("PGDATABASE", value("db_name"));
    return spec;
}

// The full command line the operator confirms.
std::string EngineImpl::command_text() const {
    const Step& step = current_step();
    if (step.kind != StepKind::Command) return {};
    auto spec = command_spec(step);
    return spec ? command_line_text(*spec) : "cannot build the command: " + spec.error().message;
}

// The operator's go-ahead for the command shown.
Status EngineImpl::approve_command() {
    if (dead_) return dead_error();
    if (state_.finished) return make_error(ErrorKind::InvalidInput, "the wizard has finished", "finished");
    if (current_step().kind != StepKind::Command)
        return make_error(ErrorKind::InvalidInput, "approval applies only to a command step", "step");
    command_approved_ = true;
    return ok_status();
}

// Runs the approved command and keeps its output.
Result<Outcome> EngineImpl::run_command(const Step& step) {
    auto spec = command_spec(step);
    if (!spec) return make_error(ErrorKind::InvalidInput, "cannot build the command: " + spec.error().message, "command");
    std::string line = command_line_text(*spec);
    if (!command_approved_) return make_error(ErrorKind::InvalidInput, "approve the command before it runs: " + line, "command");
    if (options_.read_only) {
        record().dry_run = "read-only: this command was NOT run\n" + line;
        return done("dry run: the command was not run (--read-only)");
    }
    auto r = options_.commands->run(*spec);
    if (!r) return failed(r.error().message);
    record().output = r->output + (r->truncated ? "\n[output truncated]" : "");
    record().exit_code = r->exit_code;
    if (r->timed_out) return failed(fmt::format("timed out after {}: {}", format_duration(spec->timeout), line));
    if (r->exit_code != 0) return failed(fmt::format("exit {}: {}", r->exit_code, line));
    return done(fmt::format("exit 0: {}", line));
}

}  // namespace vd::runbook::detail

namespace vd::runbook {

// The names of the preflight checks the engine runs, for lint.
const std::vector<std::string>& preflight_check_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& check : detail::EngineImpl::preflight_checks()) out.emplace_back(check.name);
        return out;
    }();
    return names;
}

}  // namespace vd::runbook
