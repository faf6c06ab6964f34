// The wait step: one poll per Next until the restored instance is
// available (restore job state and percent, then the instance's status),
// with the elapsed time measured against the RTO target and the timeout.
#include <fmt/format.h>

#include "backend/core/time_format.hpp"
#include "backend/runbook/engine_impl.hpp"
#include "backend/runbook/runbook_reader.hpp"

namespace vd::runbook::detail {
namespace {

// Instance states that will never become available by waiting.
bool hopeless(const std::string& status) {
    return status == "failed" || status == "incompatible-restore" || status == "incompatible-parameters" ||
           status == "incompatible-network" || status == "storage-full" || status == "deleting" || status == "inaccessible-encryption-credentials";
}

}  // namespace

bool waiting_can_fix(const Error& e) {
    switch (e.kind) {
    case ErrorKind::Network:
    case ErrorKind::Timeout:
    case ErrorKind::Parse:  // a cut or garbled answer: the next poll reads a whole one
        return true;
    case ErrorKind::Http:
    case ErrorKind::Aws:
        return e.retryable || e.http_status >= 500 || e.http_status == 429;
    default:
        return false;  // credentials, configuration, input, read-only, not found, internal
    }
}

// The wait step's end on an error that more waiting cannot fix: the reason
// and how to go on once it is fixed.
Outcome EngineImpl::stop_waiting(const std::string& what, const Error& e) {
    return failed(fmt::format("{}: {}; waiting cannot fix this: fix it, then `vaultdeck resume {}` goes on waiting", what,
                              e.to_string(), state_.id));
}

// Polls once; done when the new instance is available.
Result<Outcome> EngineImpl::run_wait(const Step& step) {
    if (state_.restored.dry_run) return skipped("dry run: nothing was restored, nothing to wait for");
    if (state_.restore_phase != kPhaseStarted)
        return make_error(ErrorKind::InvalidInput, "the restore has not started yet", "wait");
    auto b = backend();
    if (!b) return b.error();
    auto started = parse_time(state_.restored.started_at);
    Seconds elapsed = std::chrono::duration_cast<Seconds>(now() - started.value_or(now()));
    WaitProgress p;
    p.elapsed = elapsed;
    p.rto_target = runbook_.rto_target;
    std::string target = state_.restored.target;
    auto waiting = [&](std::string what) -> Outcome {
        wait_progress_ = p;
        if (elapsed > step.timeout)
            return failed(fmt::format("timed out after {} ({})", format_duration(elapsed), what));
        std::string rto;
        if (p.rto_target)
            rto = fmt::format(" of the {} RTO target{}", format_duration(*p.rto_target), elapsed > *p.rto_target ? " (EXCEEDED)" : "");
        return in_progress(fmt::format("{} — {} elapsed{}", what, format_duration(elapsed), rto));
    };

    if (started_method() == RestoreMethod::AwsBackup && value("restore_job_status") != "COMPLETED") {
        auto job = (*b)->describe_restore_job(state_.restored.job_id);
        if (!job) {
            p.state = "unknown";
            if (!waiting_can_fix(job.error())) {
                wait_progress_ = p;
                return stop_waiting("cannot read restore job " + state_.restored.job_id, job.error());
            }
            return waiting("cannot read the restore job: " + job.error().to_string());
        }
        p.state = job->status;
        p.percent = job->percent_done;
        state_.values["restore_job_status"] = job->status;
        if (job->status == "FAILED" || job->status == "ABORTED") {
            wait_progress_ = p;
            state_.values["restore_error"] = job->status_message;
            return failed(fmt::format("restore job {} {}: {}", job->restore_job_id, job->status, job->status_message));
        }
        if (job->status != "COMPLETED")
        {
            std::string pct = p.percent.empty() || p.percent.back() == '%' ? p.percent : p.percent + "%";
            return waiting(fmt::format("restore job {}{}", job->status, pct.empty() ? "" : " " + pct));
        }
        state_.values["restore_job_completed_at"] = format_iso8601(job->completion_date.value_or(now()));
        if (!job->created_resource_arn.empty()) state_.values["instance_arn"] = job->created_resource_arn;
    }

    if (state_.restored.cluster) {
        bool ready = false;
        auto progress = cluster_progress(**b, p, ready);
        if (!progress) {
            wait_progress_ = p;
            if (progress.error().code != "wait") return stop_waiting("cannot follow cluster " + target, progress.error());
            return failed(progress.error().message);
        }
        if (!ready) return waiting(*progress);
        p.done = true;
        wait_progress_ = p;
        state_.restored.finished_at = format_iso8601_ms(now());
        return done(fmt::format("{} after {}{}", *progress, format_duration(elapsed), rto_verdict(elapsed)));
    }
    auto inst = (*b)->describe_db_instance(target);
    if (!inst && !is_instance_not_found(inst.error()) && !waiting_can_fix(inst.error())) {
        p.state = "unknown";
        wait_progress_ = p;
        return stop_waiting("cannot describe " + target, inst.error());
    }
    if (!inst) {
        p.state = is_instance_not_found(inst.error()) ? "not created yet" : "unknown";
        return waiting(is_instance_not_found(inst.error()) ? fmt::format("{} does not exist yet", target)
                                                           : "cannot describe the instance: " + inst.error().to_string());
    }
    p.state = inst->status;
    if (hopeless(inst->status)) {
        wait_progress_ = p;
        return failed(fmt::format("{} is {}", target, inst->status));
    }
    if (inst->status != "available") return waiting(fmt::format("{} is {}", target, inst->status));
    p.done = true;
    wait_progress_ = p;
    auto& v = state_.values;
    state_.restored.finished_at = format_iso8601_ms(now());
    v["endpoint_host"] = inst->endpoint.address;
    v["endpoint_port"] = inst->endpoint.port > 0 ? std::to_string(inst->endpoint.port) : "";
    if (!inst->db_name.empty()) v["db_name"] = inst->db_name;
    if (!inst->arn.empty()) v["instance_arn"] = inst->arn;
    v["db_user"] = inst->master_username;
    note_database_url();
    return done(fmt::format("{} is available after {}{}", target, format_duration(elapsed), rto_verdict(elapsed)));
}

// The DATABASE_URL of the restored database from the configured template
// ({user}, {host}, {port}, {database}); never with a password.
void EngineImpl::note_database_url() {
    if (value("db_name").empty()) state_.values["db_name"] = "postgres";  // PostgreSQL's database when none was named
    const std::pair<const char*, std::string> parts[] = {
        {"{user}", value("db_user").empty() ? "postgres" : value("db_user")},
        {"{host}", value("endpoint_host")},
        {"{port}", value("endpoint_port")},
        {"{database}", value("db_name").empty() ? "postgres" : value("db_name")},
    };
    std::string url = options_.database_url;
    for (const auto& [token, text] : parts)
        for (size_t at = url.find(token); at != std::string::npos; at = url.find(token, at + text.size()))
            url.replace(at, std::string_view(token).size(), text);
    state_.values["database_url"] = url;
}

// " (RTO target 2h: met)", or empty without a target.
std::string EngineImpl::rto_verdict(Seconds elapsed) const {
    if (!runbook_.rto_target) return {};
    return fmt::format(" (RTO target {}: {})", format_duration(*runbook_.rto_target), elapsed <= *runbook_.rto_target ? "met" : "EXCEEDED");
}

}  // namespace vd::runbook::detail
