// The engine's implementation class, shared by its .cpp files (navigation,
// inputs, restore and cleanup, waiting, checks, reports). Not for use
// outside backend/runbook: go through engine.hpp.
#pragma once

#include <functional>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "backend/runbook/engine.hpp"

namespace vd::runbook::detail {

// How a step's run ended.
struct Outcome {
    enum class Kind { Done, Failed, InProgress, Skipped };
    Kind kind = Kind::Done;
    std::string message;
};

inline Outcome done(std::string m = {}) { return {Outcome::Kind::Done, std::move(m)}; }
inline Outcome failed(std::string m) { return {Outcome::Kind::Failed, std::move(m)}; }
inline Outcome in_progress(std::string m) { return {Outcome::Kind::InProgress, std::move(m)}; }
inline Outcome skipped(std::string m) { return {Outcome::Kind::Skipped, std::move(m)}; }

// Whether an AWS error proves the call was refused without effect.
inline bool refused_for_sure(const Error& e) {
    return e.kind == ErrorKind::Aws && e.http_status >= 400 && e.http_status < 500 && !e.retryable;
}

// Whether waiting longer can fix an error of a wait step's poll: throttling,
// 5xx, timeouts, connection errors and cut answers pass; credentials,
// AccessDenied, validation errors and a missing restore job do not, and
// the step stops at once instead of looping until its timeout.
bool waiting_can_fix(const Error& e);

// The checklist step whose last tick records the switch time in the report.
inline constexpr const char* kSwitchRecordStep = "switched";

// The tag every restored resource gets, naming what it was restored from.
inline constexpr const char* kRestoredFromTag = "vaultdeck:restored-from";
// The tag naming the wizard that restored a resource: a resumed wizard
// adopts only what carries its own id.
inline constexpr const char* kWizardTag = "vaultdeck:wizard";

// The form fields that set the new resource (instance_class, subnet_group,
// ..., engine_lifecycle_support).
const std::vector<std::string>& restore_setting_fields();

// "sg-1,sg-2" (a form's list field) as a list.
std::vector<std::string> split_list(const std::string& s);

// A restore as it will be sent: the call as shown, and how to send it (the
// typed request of its method, bound in). Each restore method plans its own
// (plan_backup_restore, plan_pitr_restore, plan_snapshot_restore).
struct PlannedRestore {
    RestoreMethod method = RestoreMethod::AwsBackup;
    ApiCall call;
    // Sends the request; answers the restore job id (AWS Backup) or the new
    // database's ARN.
    std::function<Result<std::string>(RestoreBackend&)> send;
    bool cluster = false;  // an Aurora cluster: its writer instance follows once it exists
};

class EngineImpl final : public Engine {
public:
    EngineImpl(Runbook runbook, WizardState state, EngineOptions options);

    // Engine
    const Runbook& runbook() const override { return runbook_; }
    const WizardState& state() const override { return state_; }
    size_t current_index() const override { return state_.current; }
    const Step& current_step() const override;
    std::vector<StepView> rail() const override;
    bool finished() const override { return state_.finished; }
    bool read_only() const override { return options_.read_only; }
    Variables variables() const override;
    std::string display(const std::string& text) const override;
    Result<std::vector<RecoveryPointChoice>> recovery_point_choices() override;
    Status choose_recovery_point(const std::string& id) override;
    Result<model::PitrWindow> pitr_window() override;
    Status choose_time(const std::string& text) override;
    std::vector<FieldView> form_fields() const override;
    Status set_field(const std::string& name, const std::string& value) override;
    Status tick(size_t item, bool checked, const std::string& note) override;
    std::string expected_confirmation() const override;
    Status type_confirmation(const std::string& text) override;
    std::string command_text() const override;
    Status approve_command() override;
    Result<ApiCall> planned_call() override;
    std::optional<WaitProgress> wait_progress() const override { return wait_progress_; }
    Result<Advance> next() override;
    Status back() override;
    Status skip() override;
    Result<std::string> abort() override;
    Result<std::string> write_report() override;

    // Starts the wizard at its first step and saves it.
    Status begin();

    // The named preflight checks, in one table: lint knows a check by its
    // name here (preflight_check_names), the engine runs it from here.
    struct PreflightCheck {
        const char* name;
        PreflightResult (EngineImpl::*run)(RestoreBackend& b);
    };
    static const std::vector<PreflightCheck>& preflight_checks();

private:
    Runbook runbook_;
    WizardState state_;
    EngineOptions options_;
    bool dead_ = false;  // stopped by interrupt_at: behaves like a killed process
    std::map<std::string, std::shared_ptr<RestoreBackend>> regional_;
    std::optional<std::vector<RecoveryPointChoice>> choices_;
    std::map<std::string, std::string> form_edits_;
    std::string typed_;
    bool command_approved_ = false;
    std::optional<WaitProgress> wait_progress_;
    std::optional<model::RestoreMetadata> metadata_;

    // engine.cpp: state, navigation, persistence
    TimePoint now() const { return options_.clock->now(); }
    StepRecord& record() { return state_.steps[state_.current]; }
    const StepRecord& record() const { return state_.steps[state_.current]; }
    std::string value(const std::string& key) const;
    Status save();
    bool interrupted(std::string_view point);
    Error dead_error() const;
    void enter_current();
    void clear_step_inputs();
    Result<Outcome> run_step(const Step& step);
    void finish(const std::string& outcome);
    bool confirmed_for_mutation() const;
    void audit_decision(const std::string& action, const std::string& detail);

    // engine_inputs.cpp
    Result<std::vector<RecoveryPointChoice>> load_choices(const Step& step);
    Status resolve_resource();
    Result<Outcome> run_choose_recovery_point();
    Result<Outcome> run_choose_time(const Step& step);
    Result<std::string> resolve_time_choice(const std::string& text);
    Result<Outcome> run_form(const Step& step);
    Result<Outcome> run_checklist(const Step& step);
    Result<Outcome> run_confirm(const Step& step);

    // engine_restore.cpp
    Result<std::shared_ptr<RestoreBackend>> backend();
    Result<PlannedRestore> plan_restore(const Step& step);
    Result<PlannedRestore> plan_backup_restore(const Step& step);
    Result<PlannedRestore> plan_pitr_restore();
    Result<PlannedRestore> plan_snapshot_restore();
    // The method of the restore this wizard started, if it started one.
    std::optional<RestoreMethod> started_method() const;
    void apply_settings(services::RestoreSettings& r, nlohmann::ordered_json& params, bool cluster) const;
    Status adopt_restore(const Step& step, const std::string& job_id, const std::string& how);
    void record_started(RestoreMethod method, bool cluster, const std::string& job_id);
    Status ensure_identity();
    AuditEntry audit_base(const std::string& action, const std::string& phase, const ApiCall& call) const;
    Status audit(const AuditEntry& entry);
    Result<Outcome> run_restore(const Step& step);
    Result<bool> reconcile_restore(const Step& step);
    Result<Outcome> send_restore(const Step& step);
    Result<Outcome> dry_run(const std::string& action, const ApiCall& call);

    // engine_cleanup.cpp
    bool cleans_up_cluster() const;
    ApiCall cleanup_call() const;
    Result<Outcome> run_cleanup(const Step& step);
    Result<std::string> send_delete(RestoreBackend& b, const ApiCall& call);

    // engine_settings.cpp
    std::string source_cluster() const;
    void load_source_settings();
    std::string setting(const std::string& field) const;
    std::vector<std::pair<std::string, std::string>> restored_tags() const;
    void estimate_cost();

    // engine_aurora.cpp
    std::string writer_identifier() const;
    services::CreateClusterInstanceRequest writer_request() const;
    ApiCall writer_call() const;
    Result<std::string> cluster_progress(RestoreBackend& b, WaitProgress& p, bool& ready);
    Result<std::string> create_writer(RestoreBackend& b);

    // engine_wait.cpp
    Result<Outcome> run_wait(const Step& step);
    Outcome stop_waiting(const std::string& what, const Error& e);
    std::string rto_verdict(Seconds elapsed) const;
    void note_database_url();

    // engine_checks.cpp
    Result<Outcome> run_preflight(const Step& step);
    PreflightResult preflight_check(const std::string& name);
    PreflightResult check_target_free(RestoreBackend& b);
    PreflightResult check_point_completed(RestoreBackend& b);
    PreflightResult check_not_expiring(RestoreBackend& b);
    PreflightResult check_pitr_window(RestoreBackend& b);
    PreflightResult check_iam_role(RestoreBackend& b);
    PreflightResult check_not_read_only(RestoreBackend& b);
    PreflightResult network_check(RestoreBackend& b);
    Result<Outcome> run_sql_check(const Step& step);
    Result<ConnectionParams> connection_for(const std::string& instance, const Step& step);
    void record_validation(bool passed, const std::string& summary);
    Result<Outcome> run_command(const Step& step);
    Result<CommandSpec> command_spec(const Step& step) const;

    // engine_report.cpp
    Result<Outcome> run_report();
    std::filesystem::path report_dir() const;
};

}  // namespace vd::runbook::detail
