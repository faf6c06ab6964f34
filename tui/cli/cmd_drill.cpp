// `vaultdeck drill run --runbook NAME|FILE --resource ARN|ID [--yes]
// [--report-dir DIR]`: a restore-test drill headless (for cron), one
// progress line per step, a Markdown and JSON report; exit 0 when it passed.
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <unistd.h>

#include <fmt/format.h>

#include "backend/aws/curl_transport.hpp"
#include "backend/core/untrusted_text.hpp"
#include "backend/runbook/catalog.hpp"
#include "backend/runbook/drill_runner.hpp"
#include "backend/runbook/engine.hpp"
#include "backend/sim/embedded.hpp"
#include "backend/sim/sim_clock.hpp"
#include "tui/cli/commands.hpp"
#include "tui/cli/terminal_prompts.hpp"

namespace vd::cli {
namespace {

// The demo simulator runs a minute of simulated time per real second, so a
// demo drill's restore takes seconds; the engine reads the same clock.
constexpr double kDemoSpeed = 60.0;

// For the demo: asks the simulator to close each connection after its
// answer, so stopping the simulator at exit does not wait on an idle one.
class ClosingTransport final : public aws::HttpTransport {
public:
    explicit ClosingTransport(std::shared_ptr<aws::HttpTransport> inner) : inner_(std::move(inner)) {}
    Result<aws::HttpResponse> send(const aws::HttpRequest& request) override {
        aws::HttpRequest r = request;
        r.headers.emplace_back("Connection", "close");
        return inner_->send(r);
    }

private:
    std::shared_ptr<aws::HttpTransport> inner_;
};

// Whether an endpoint URL points at this machine.
bool loopback_endpoint(const std::string& url) {
    return url.find("://127.") != std::string::npos || url.find("://localhost") != std::string::npos ||
           url.find("://[::1]") != std::string::npos;
}

}  // namespace

// Runs a drill headless and writes its report.
int run_drill(const GlobalOptions& g, const DrillOptions& o) {
    auto rb = runbook::find_runbook(o.runbook, runbook::user_runbook_dir());
    if (!rb) {
        print_error(rb.error().message);
        return kExitWarning;
    }
    if (o.resource.empty()) {
        std::fprintf(stderr, "vaultdeck: drill run needs --resource (a DB instance identifier or ARN)\n");
        return kExitUsage;
    }

    aws::SessionOptions so;
    so.profile = g.profile;
    so.region = g.regions.empty() ? std::string() : g.regions.front();
    so.endpoint_url = g.endpoint_url;
    so.read_only = g.read_only;
    std::unique_ptr<sim::EmbeddedSimulator> demo;
    std::shared_ptr<const Clock> clock = system_clock();
    if (g.demo) {
        sim::SimOptions simo;
        simo.speed = kDemoSpeed;
        simo.start_time = clock->now();
        clock = std::make_shared<sim::SimClock>(system_clock(), kDemoSpeed, *simo.start_time);
        demo = std::make_unique<sim::EmbeddedSimulator>(simo);
        auto port = demo->start();
        if (!port) {
            print_error("cannot start the demo simulator: " + port.error().message);
            return kExitWarning;
        }
        ::setenv("AWS_ACCESS_KEY_ID", "test", 1);
        ::setenv("AWS_SECRET_ACCESS_KEY", "test", 1);
        ::unsetenv("AWS_SESSION_TOKEN");
        ::setenv("AWS_EC2_METADATA_DISABLED", "true", 1);
        so.profile.clear();
        so.endpoint_url = demo->endpoint_url();
        so.transport = std::make_shared<ClosingTransport>(aws::make_curl_transport());
        if (so.region.empty()) so.region = "us-east-1";
    }
    so.clock = clock;
    auto backends = runbook::open_session_backends(so);
    if (!backends) {
        print_error(backends.error().to_string());
        return kExitUnknown;
    }
    // Credentials and endpoint are tried before anything is saved: a drill
    // that cannot reach AWS fails here rather than leave a wizard to resume.
    if (auto who = backends->backend->caller_identity(); !who) {
        print_error("cannot start the drill: " + who.error().to_string());
        return kExitUnknown;
    }

    runbook::EngineOptions eo;
    eo.backend = backends->backend;
    eo.backend_for_region = backends->for_region;
    eo.clock = clock;
    eo.read_only = g.read_only;
    eo.auto_confirm = o.yes;
    if (!o.report_dir.empty()) eo.report_dir = o.report_dir;
    eo.sql = runbook::make_libpq_runner();
    if (g.demo || loopback_endpoint(so.endpoint_url)) eo.sql = runbook::make_loopback_only_runner(eo.sql);
    runbook::Variables inputs{{"resource", o.resource}};
    if (g.demo) inputs["demo"] = "true";
    auto engine = runbook::start_engine(*rb, inputs, eo);
    if (!engine) {
        print_error(engine.error().message);
        return kExitWarning;
    }
    print_out(fmt::format("drill {} ({}) on {}{}\n", (*engine)->state().id, rb->name, o.resource, g.read_only ? " [read-only: dry run]" : ""));
    std::fflush(stdout);

    runbook::DrillRunOptions ro;
    ro.yes = o.yes;
    ro.ask = ask_on_terminal;
    ro.approve = approve_on_terminal;
    ro.clock = clock;
    ro.progress = [](const std::string& line) {
        print_out(visible(line) + "\n");  // one line, whatever the server put in it
        std::fflush(stdout);
    };
    auto result = runbook::run_headless(**engine, ro);
    if (!result) {
        print_error(result.error().message);
        return kExitWarning;
    }
    if (!result->message.empty() && result->outcome == "stopped")
        print_error("stopped: " + result->message + "\n(continue with `vaultdeck resume " + result->wizard_id + "`)");
    else if (!result->passed)  // cron mails stderr: the one line that says why
        print_error("drill failed: " + (result->first_failure.empty() ? "see " + result->report_markdown : result->first_failure));
    print_out(fmt::format("report: {}\n", result->report_markdown));
    print_out(fmt::format("result: {}\n", result->passed ? "PASSED" : "FAILED"));
    return result->passed ? kExitOk : kExitWarning;
}

}  // namespace vd::cli
