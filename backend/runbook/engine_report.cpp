// The report step: the Markdown and JSON report of the wizard as it stands.
#include <fmt/format.h>

#include "backend/runbook/drill_report.hpp"
#include "backend/runbook/engine_impl.hpp"

namespace vd::runbook::detail {

// Where this wizard's reports go.
std::filesystem::path EngineImpl::report_dir() const { return options_.report_dir; }

// Writes the report files as they will stand once this step is done.
Result<Outcome> EngineImpl::run_report() {
    WizardState after = state_;
    after.steps[after.current].status = StepStatus::Done;
    if (after.current + 1 == after.steps.size()) {
        bool any_failed = false;
        for (const auto& s : after.steps) any_failed = any_failed || s.status == StepStatus::Failed;
        after.finished = true;
        after.outcome = any_failed ? "failed" : "completed";
    }
    DrillReport report = build_report(runbook_, after, now());
    auto files = write_report_files(report, report_dir());
    if (!files) return failed("cannot write the report: " + files.error().message);
    state_.values["report_markdown"] = files->markdown.string();
    state_.values["report_json"] = files->json.string();
    state_.values["report_passed"] = report.passed ? "true" : "false";
    return done(fmt::format("report written to {}", files->markdown.string()));
}

// Writes the report now, whatever step the wizard is on.
Result<std::string> EngineImpl::write_report() {
    if (dead_) return dead_error();
    DrillReport report = build_report(runbook_, state_, now());
    auto files = write_report_files(report, report_dir());
    if (!files) return files.error();
    state_.values["report_markdown"] = files->markdown.string();
    state_.values["report_json"] = files->json.string();
    state_.values["report_passed"] = report.passed ? "true" : "false";
    if (auto s = save(); !s) return s.error();
    return files->markdown.string();
}

}  // namespace vd::runbook::detail
