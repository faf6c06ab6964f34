// `vaultdeck status`: the daily glance as one command. Fetches everything
// once, runs the health checks, prints text (for cron mail) or JSON (for
// monitoring; schema in docs/status-json.md) and exits 0 ok, 1 warning,
// 2 critical, 3 could not tell.
#include <cctype>
#include <cstdio>
#include <string>

#include <fmt/format.h>

#include "backend/config/config.hpp"
#include "backend/core/time_format.hpp"
#include "backend/core/untrusted_text.hpp"
#include "backend/health/fetch_errors.hpp"
#include "backend/health/report.hpp"
#include "backend/health/report_json.hpp"
#include "tui/cli/commands.hpp"
#include "tui/cli/environment.hpp"

namespace vd::cli {
namespace {

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// The refresh errors of kinds shown from older data, one line per region and
// reason ("us-east-1 vaults, plans: ..."). Kinds that never loaded are told
// by the data-missing finding.
std::vector<std::string> fetch_errors(const poll::Snapshot& snap) {
    std::vector<std::string> out;
    for (const auto& r : snap.regions)
        for (const auto& line : health::group_by_reason(health::stale_kinds(r))) out.push_back(r.region + " " + line);
    return out;
}

}  // namespace

// The text report. Each line passes the gate on its own, so text from AWS
// in it cannot start a new line or reach the terminal as a control sequence.
std::string status_text(const health::Report& report, const poll::Snapshot& snap, const std::string& where) {
    std::string out;
    auto line = [&out](const std::string& text) { out += visible(text) + "\n"; };
    line(fmt::format("vaultdeck status: {} ({} critical, {} warning, {} unknown, {} ok) — {} at {}",
                     upper(health::severity_name(report.overall)), report.counts.critical, report.counts.warning,
                     report.counts.unknown, report.counts.ok, where, format_iso8601(report.generated)));
    for (const auto& r : snap.regions) {
        line(fmt::format("  account {} ({}) {}", r.account_id.empty() ? "?" : r.account_id, r.account_name, r.region));
    }
    auto errors = fetch_errors(snap);
    if (!errors.empty()) {
        out += "\n";
        line("Could not refresh (older data shown):");
        for (const auto& e : errors) line("  " + e);
    }
    health::Severity shown = health::Severity::Ok;
    bool first = true;
    for (const auto& f : report.findings) {
        if (f.severity == health::Severity::Ok) continue;
        if (first || f.severity != shown) {
            out += "\n";
            line(upper(health::severity_name(f.severity)) + ":");
            shown = f.severity;
            first = false;
        }
        std::string who = f.resource_name.empty() ? f.resource : f.resource_name;
        line(fmt::format("  [{}] {}{}: {}", f.check, who, f.region.empty() ? "" : " (" + f.region + ")", f.reason));
        for (const auto& e : f.evidence) line("      " + e);
    }
    if (report.counts.ok > 0) {
        out += "\n";
        line(fmt::format("{} checks ok (--output json lists them)", report.counts.ok));
    }
    return out;
}

int run_status(const GlobalOptions& g, const StatusOptions& o) {
    auto env = open_environment(g, EnvironmentUse::Headless);
    if (!env) {
        print_error(env.error().to_string());
        return kExitUnknown;
    }
    auto snap = (*env)->poller().poll_once();
    auto report = health::evaluate(*snap, (*env)->config(), snap->taken);
    if (o.output == "json") {
        std::fputs(visible_json(health::report_to_json_text(report)).c_str(), stdout);
        std::fputc('\n', stdout);
    } else {
        print_out(status_text(report, *snap, (*env)->description()));
    }
    std::fflush(stdout);
    return health::exit_code(report.overall);
}

}  // namespace vd::cli
