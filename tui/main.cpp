// vaultdeck: the console and its headless commands. This file only parses
// the command line; each command lives in its own cmd_*.cpp.
#include <cstdio>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "tui/commands.hpp"

namespace {

const char* kDescription =
    "vaultdeck: a terminal console for AWS Backup and Amazon RDS backups.\n"
    "Without a subcommand it opens the console.\n\n"
    "Exit codes: 0 ok; 1 warning or failure; 2 critical (status); 3 could not tell\n"
    "(status: no credentials, endpoint down); 64 bad command line.";

// Adds the options every AWS-reading command takes.
void add_global_options(CLI::App& app, vd::cli::GlobalOptions& g) {
    app.add_option("--profile", g.profile, "AWS profile (default: AWS_PROFILE, then 'default')");
    app.add_option("--region", g.regions, "Region(s), comma separated (default: AWS_REGION, the profile)")->delimiter(',');
    app.add_option("--endpoint-url", g.endpoint_url, "Send every request to this endpoint (an AWS-compatible server)");
    app.add_option("--config", g.config_path, "Configuration file (default: ~/.config/vaultdeck/config.toml)");
    app.add_flag("--read-only", g.read_only, "Never change anything in AWS; mutating steps become dry runs");
    app.add_flag("--demo", g.demo, "Use the embedded simulator's demo scenario (no AWS account needed)");
    app.add_flag("--no-color", g.no_color, "Monochrome (also when NO_COLOR is set)");
    app.add_flag("--no-mouse", g.no_mouse, "Do not capture the mouse");
}

}  // namespace

int main(int argc, char** argv) {
    using namespace vd::cli;
    CLI::App app{kDescription, "vaultdeck"};
    app.set_version_flag("--version", std::string("vaultdeck ") + VAULTDECK_VERSION);
    app.require_subcommand(0, 1);
    app.fallthrough();

    GlobalOptions g;
    add_global_options(app, g);

    ListOptions list;
    auto* list_cmd = app.add_subcommand("list", "List one kind of resource");
    list_cmd->add_option("KIND", list.kind,
                         "vaults, recovery-points, backup-jobs, restore-jobs, copy-jobs, plans, "
                         "protected-resources, db-instances, db-snapshots")
        ->required()
        ->check(CLI::IsMember({"vaults", "recovery-points", "backup-jobs", "restore-jobs", "copy-jobs", "plans",
                               "protected-resources", "db-instances", "db-snapshots"}));
    list_cmd->add_option("--vault", list.vault, "Only this vault");
    list_cmd->add_option("--resource", list.resource, "Only this resource ARN");
    list_cmd->add_option("--output", list.output, "table, json or csv")->check(CLI::IsMember({"table", "json", "csv"}));

    StatusOptions status;
    auto* status_cmd = app.add_subcommand("status", "Backup health in one command (exit 0 ok, 1 warning, 2 critical, 3 unknown)");
    status_cmd->add_option("--output", status.output, "text or json")->check(CLI::IsMember({"text", "json"}));

    DrillOptions drill;
    auto* drill_cmd = app.add_subcommand("drill", "Restore-test drills");
    drill_cmd->require_subcommand(1);
    auto* drill_run = drill_cmd->add_subcommand("run", "Run a drill headless and write a report");
    drill_run->add_option("--runbook", drill.runbook, "Runbook name or file")->required();
    drill_run->add_option("--resource", drill.resource, "Resource ARN or DB identifier")->required();
    drill_run->add_flag("--yes", drill.yes, "Confirm every step (for cron)");
    drill_run->add_option("--report-dir", drill.report_dir, "Where to write the report");

    RunbookOptions runbook;
    auto* runbook_cmd = app.add_subcommand("runbook", "List, show and lint runbooks");
    runbook_cmd->require_subcommand(1);
    runbook_cmd->add_subcommand("list", "List the built-in and your runbooks")->callback([&] { runbook.action = "list"; });
    auto* rb_show = runbook_cmd->add_subcommand("show", "Show a runbook's steps");
    rb_show->add_option("NAME", runbook.name)->required();
    rb_show->callback([&] { runbook.action = "show"; });
    auto* rb_lint = runbook_cmd->add_subcommand("lint", "Check a runbook file");
    rb_lint->add_option("FILE", runbook.name)->required();
    rb_lint->callback([&] { runbook.action = "lint"; });

    std::string wizard_id;
    auto* resume_cmd = app.add_subcommand("resume", "Continue an interrupted restore or drill");
    resume_cmd->add_option("WIZARD-ID", wizard_id, "Which one (default: the newest unfinished)");

    RenderOptions render;
    auto* render_cmd = app.add_subcommand("render", "Draw one frame of a screen to stdout");
    render_cmd->add_option("--screen", render.screen, "dashboard, rp, jobs, timeline, plans, rds, drills, audit");
    render_cmd->add_option("--size", render.size, "COLSxROWS (default 120x40)");
    render_cmd->add_flag("--ansi", render.ansi, "Keep colours as ANSI escapes");

    auto* config_cmd = app.add_subcommand("config", "Configuration");
    config_cmd->require_subcommand(1);
    auto* config_check = config_cmd->add_subcommand("check", "Validate the configuration file");

    SimOptions sim;
    auto* sim_cmd = app.add_subcommand("sim", "The AWS simulator");
    sim_cmd->require_subcommand(1);
    auto* sim_serve = sim_cmd->add_subcommand("serve", "Serve the simulated AWS APIs on 127.0.0.1");
    sim_serve->add_option("--port", sim.port, "Port (0: pick a free one and print it)");
    sim_serve->add_option("--scenario", sim.scenario, "demo, empty, small or large");
    sim_serve->add_option("--seed", sim.seed, "Random seed (same seed, same data)");
    sim_serve->add_option("--scale", sim.scale, "Recovery points for the large scenario");
    sim_serve->add_option("--speed", sim.speed, "Simulated clock speed (1 = real time)");
    sim_serve->add_option("--faults", sim.faults,
                          "Fault injection, comma separated: throttle=P, error5xx=P, latency=MIN-MAXms, "
                          "reset=P, truncate=P, skew=Ns (P is a probability 0..1)");
    sim_serve->add_option("--postgres", sim.postgres, "Back each DB instance with a database on this PostgreSQL (libpq conninfo)");
    sim_serve->add_option("--access-key", sim.access_key, "Accepted access key (default: test)");
    sim_serve->add_option("--secret-key", sim.secret_key, "Accepted secret key (default: test)");
    sim_serve->add_option("--record", sim.record, "Append one JSON line per answer to FILE (for conformance tests)");
    sim_serve->footer(sim_serve_help_footer());

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : kExitUsage;
    }

    try {
        if (*list_cmd) return run_list(g, list);
        if (*status_cmd) return run_status(g, status);
        if (*drill_run) return run_drill(g, drill);
        if (*runbook_cmd) return run_runbook(g, runbook);
        if (*resume_cmd) return run_resume(g, wizard_id);
        if (*render_cmd) return run_render(g, render);
        if (*config_check) return run_config_check(g);
        if (*sim_serve) return run_sim_serve(sim);
        return run_console(g);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vaultdeck: internal error: %s\n", e.what());
        return kExitWarning;
    }
}
