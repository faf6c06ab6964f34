#include "tui/cli/cli_spec.hpp"

#include <regex>

#include <fmt/format.h>

#include "backend/aws/region.hpp"
#include "backend/core/untrusted_text.hpp"

#include "backend/runbook/builtin.hpp"
#include "tui/screens/screen.hpp"

namespace vd::cli {
namespace {

// Every value `--output` and `KIND` accept come from these rows.
std::vector<std::string> kind_names() {
    std::vector<std::string> out;
    for (const auto& k : list_kinds()) out.emplace_back(k.name);
    return out;
}

// Adds the options every AWS-reading command takes.
void add_global_options(CLI::App& app, GlobalOptions& g) {
    app.add_option("--profile", g.profile, "AWS profile (default: AWS_PROFILE, then 'default')");
    app.add_option("--region", g.region_args,
                   "Region(s), comma separated, or 'all' for every region the account has enabled "
                   "(default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region; with a configuration's "
                   "accounts and no --profile/--region, each account's regions)")
        ->expected(1)  // one word per --region, split by check_global_options: "--region , list" keeps "list"
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    app.add_option("--endpoint-url", g.endpoint_url,
                   "Send every request of the session to this endpoint (an AWS-compatible server). Like the AWS CLI's, "
                   "it does not cover the STS call of an assume-role profile or SSO's: set AWS_ENDPOINT_URL_STS and "
                   "AWS_ENDPOINT_URL_SSO for those");
    app.add_option("--config", g.config_path, "Configuration file (default: ~/.config/vaultdeck/config.toml)");
    app.add_flag("--read-only", g.read_only, "Never change anything in AWS; mutating steps become dry runs");
    app.add_flag("--demo", g.demo, "Use the embedded simulator's demo scenario (no AWS account needed)");
    app.add_flag("--no-color", g.no_color, "Monochrome (also when NO_COLOR is set)");
    app.add_flag("--no-mouse", g.no_mouse, "Do not capture the mouse");
}

// The closing part of `vaultdeck --help`: environment and exit codes, from the tables.
std::string main_footer() {
    std::string out = "Environment:\n";
    for (const auto& e : environment_variables()) out += "  " + std::string(e.name) + "\n      " + std::string(e.text) + "\n";
    out += "\nExit codes:\n";
    for (const auto& e : exit_codes()) out += "  " + std::string(e.name) + "  " + std::string(e.text) + "\n";
    out += "\nThe manual: man vaultdeck.";
    return out;
}

void describe_list(CLI::App& app, CommandLine& cl) {
    auto* cmd = app.add_subcommand("list", "List one kind of resource, as the AWS CLI names it (--output json)");
    std::string kinds;
    for (const auto& k : list_kinds()) kinds += (kinds.empty() ? "" : ", ") + std::string(k.name);
    cmd->add_option("KIND", cl.list.kind, kinds)->required()->check(CLI::IsMember(kind_names()));
    cmd->add_option("--vault", cl.list.vault, "Only this vault");
    cmd->add_option("--resource", cl.list.resource, "Only this resource ARN");
    cmd->add_option("--output", cl.list.output, "table, json (AWS member names; docs/list-json.md) or csv")
        ->check(CLI::IsMember({"table", "json", "csv"}));
    cl.list_cmd = cmd;
}

void describe_drill_and_runbooks(CLI::App& app, CommandLine& cl) {
    auto* drill_cmd = app.add_subcommand("drill", "Restore-test drills");
    drill_cmd->require_subcommand(1);
    auto* run = drill_cmd->add_subcommand("run", "Run a drill headless and write a report");
    run->add_option("--runbook", cl.drill.runbook, "Runbook name or file")->required();
    run->add_option("--resource", cl.drill.resource, "Resource ARN or DB identifier")->required();
    run->add_flag("--yes", cl.drill.yes, "Confirm every step (for cron)");
    run->add_option("--report-dir", cl.drill.report_dir, "Where to write the report");
    cl.drill_run = run;

    auto* rb = app.add_subcommand("runbook", "List, show and lint runbooks");
    rb->require_subcommand(1);
    rb->add_subcommand("list", "List the built-in and your runbooks")->callback([&cl] { cl.runbook.action = "list"; });
    auto* show = rb->add_subcommand("show", "Show a runbook's steps");
    show->add_option("NAME", cl.runbook.name, "Runbook name or file")->required();
    show->add_flag("--toml", cl.runbook.toml, "Print the runbook's TOML (copy a built-in to start your own)");
    show->callback([&cl] { cl.runbook.action = "show"; });
    auto* lint = rb->add_subcommand("lint", "Check a runbook file");
    lint->add_option("FILE", cl.runbook.name, "Runbook file")->required();
    lint->callback([&cl] { cl.runbook.action = "lint"; });
    cl.runbook_cmd = rb;

    cl.resume_cmd = app.add_subcommand("resume", "Continue an interrupted restore or drill");
    cl.resume_cmd->add_option("WIZARD-ID", cl.wizard_id, "Which one (default: the newest unfinished)");
}

void describe_sim(CLI::App& app, CommandLine& cl) {
    auto* sim_cmd = app.add_subcommand("sim", "The AWS simulator");
    sim_cmd->require_subcommand(1);
    auto* serve = sim_cmd->add_subcommand("serve", "Serve the simulated AWS APIs on 127.0.0.1");
    SimOptions& sim = cl.sim;
    serve->add_option("--port", sim.port, "Port (0: pick a free one and print it)");
    serve->add_option("--scenario", sim.scenario, "demo, empty, small, large or hostile (names and messages carrying escape sequences)");
    serve->add_option("--seed", sim.seed, "Random seed (same seed, same data)");
    serve->add_option("--scale", sim.scale, "Recovery points for the large scenario");
    serve->add_option("--speed", sim.speed, "Simulated clock speed (1 = real time)");
    serve->add_option("--faults", sim.faults,
                      "Fault injection, comma separated: throttle=P, error5xx=P, latency=MIN-MAXms, "
                      "reset=P, truncate=P, skew=Ns (P is a probability 0..1)");
    serve->add_option("--postgres", sim.postgres, "Back each DB instance with a database on this PostgreSQL (libpq conninfo)");
    serve->add_option("--access-key", sim.access_key, "Accepted access key (default: test)");
    serve->add_option("--secret-key", sim.secret_key, "Accepted secret key (default: test)");
    serve->add_option("--record", sim.record, "Append one JSON line per answer to FILE (for conformance tests)");
    serve->footer(sim_serve_help_footer());
    cl.sim_serve = serve;
}

}  // namespace

const std::vector<Entry>& list_kinds() {
    static const std::vector<Entry> rows = {
        {"vaults", "backup ListBackupVaults"},
        {"recovery-points", "backup ListRecoveryPointsByBackupVault (ListRecoveryPointsByResource with only --resource)"},
        {"backup-jobs", "backup ListBackupJobs"},
        {"restore-jobs", "backup ListRestoreJobs (ListRestoreJobsByProtectedResource with --resource)"},
        {"copy-jobs", "backup ListCopyJobs"},
        {"plans", "backup ListBackupPlans, each with GetBackupPlan"},
        {"protected-resources", "backup ListProtectedResources"},
        {"db-instances", "rds DescribeDBInstances"},
        {"db-snapshots", "rds DescribeDBSnapshots and DescribeDBClusterSnapshots"},
    };
    return rows;
}

const std::vector<Entry>& environment_variables() {
    static const std::vector<Entry> rows = {
        {"AWS_PROFILE", "The profile when --profile is not given."},
        {"AWS_REGION, AWS_DEFAULT_REGION", "The region when --region is not given."},
        {"AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN", "Credentials, before the profile's."},
        {"AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE", "The shared config and credentials files (default ~/.aws/config, ~/.aws/credentials)."},
        {"AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_<SERVICE>", "Send requests to another endpoint (all services, or one)."},
        {"AWS_CA_BUNDLE", "Certificate authorities to trust for HTTPS."},
        {"AWS_MAX_ATTEMPTS, AWS_RETRY_MODE", "Retries (standard or adaptive)."},
        {"AWS_EC2_METADATA_DISABLED", "true: never ask the instance metadata service for credentials."},
        {"NO_COLOR", "Draw without colour."},
        {"VAULTDECK_DEMO_SPEED", "Simulated seconds per real second in --demo (1 to 3600)."},
        {"VAULTDECK_STATS", "1: show the bytes each frame sent in the footer."},
        {"VAULTDECK_FRAME_LOG", "Append one line per frame to this file."},
        {"XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_CACHE_HOME", "Where the configuration, state and cache live (default under ~)."},
    };
    return rows;
}

const std::vector<Entry>& files() {
    static const std::vector<Entry> rows = {
        {"~/.config/vaultdeck/config.toml", "The configuration: accounts, regions, RPO targets, keys (see the example in the documentation folder)."},
        {"~/.config/vaultdeck/runbooks/*.toml", "Your runbooks, beside the built-in ones."},
        {"~/.local/state/vaultdeck/audit.jsonl", "Every action vaultdeck took, one JSON line each."},
        {"~/.local/state/vaultdeck/wizards/", "Saved restore and drill wizards (resume)."},
        {"~/.local/state/vaultdeck/drills/, restores/", "Drill and restore reports."},
        {"~/.cache/vaultdeck/snapshot-*.json", "The last data the console saw, shown while it refreshes."},
    };
    return rows;
}

const std::vector<Entry>& exit_codes() {
    static const std::vector<Entry> rows = {
        {"0", "ok"},
        {"1", "warning (status) or failure (other commands)"},
        {"2", "critical (status)"},
        {"3", "could not tell (status: no credentials, endpoint down)"},
        {"64", "bad command line"},
    };
    return rows;
}

std::vector<std::string> screen_ids() {
    std::vector<std::string> out;
    for (const auto& s : tui::make_screens()) out.emplace_back(s->id());
    return out;
}

std::vector<std::string> builtin_runbook_names() {
    std::vector<std::string> out;
    for (const auto& r : runbook::builtin_runbooks()) out.emplace_back(r.name);
    return out;
}

Status check_global_options(GlobalOptions& g) {
    std::vector<std::string> regions;
    std::vector<std::string> named;
    for (const auto& arg : g.region_args) {
        std::size_t start = 0;
        for (std::size_t comma; (comma = arg.find(',', start)) != std::string::npos; start = comma + 1)
            named.push_back(arg.substr(start, comma - start));
        named.push_back(arg.substr(start));
    }
    for (const auto& r : named) {
        if (r.empty()) return make_error(ErrorKind::InvalidInput, "--region has an empty name (write --region us-east-1,eu-west-1)", "usage");
        if (r != "all" && !aws::valid_region_name(r))
            return make_error(ErrorKind::InvalidInput, fmt::format("--region '{}' is not an AWS region name (like us-east-1)", visible(r)), "usage");
        if (std::find(regions.begin(), regions.end(), r) == regions.end()) regions.push_back(r);
    }
    g.regions = std::move(regions);
    static const std::regex url(R"(^https?://([A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$)");
    if (!g.endpoint_url.empty() && !std::regex_match(g.endpoint_url, url))
        return make_error(ErrorKind::InvalidInput,
                          fmt::format("--endpoint-url '{}' is not an http(s) URL of a host (like https://backup.example.com or "
                                      "http://127.0.0.1:4566)",
                                      visible(g.endpoint_url)),
                          "usage");
    return ok_status();
}

void describe_command_line(CLI::App& app, CommandLine& cl) {
    app.description(
        "vaultdeck: a terminal console for AWS Backup and Amazon RDS backups.\n"
        "Without a subcommand it opens the console.");
    app.require_subcommand(0, 1);
    app.fallthrough();
    add_global_options(app, cl.global);
    app.add_flag("--man-page", cl.man_page, "Print the manual page (roff) and exit")->group("");
    app.add_option("--completion", cl.completion_for, "Print the completion script for bash, zsh or fish and exit")
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    describe_list(app, cl);
    cl.status_cmd = app.add_subcommand("status", "Backup health in one command (exit 0 ok, 1 warning, 2 critical, 3 unknown)");
    cl.status_cmd->add_option("--output", cl.status.output, "text or json (docs/status-json.md)")
        ->check(CLI::IsMember({"text", "json"}));
    describe_drill_and_runbooks(app, cl);
    cl.render_cmd = app.add_subcommand("render", "Draw one frame of a screen to stdout");
    std::string screens;
    for (const auto& s : screen_ids()) screens += (screens.empty() ? "" : ", ") + s;
    cl.render_cmd->add_option("--screen", cl.render.screen, screens);
    cl.render_cmd->add_option("--size", cl.render.size, "COLSxROWS (default 120x40)");
    cl.render_cmd->add_flag("--ansi", cl.render.ansi, "Keep colours as ANSI escapes");
    auto* config_cmd = app.add_subcommand("config", "Configuration");
    config_cmd->require_subcommand(1);
    cl.config_check = config_cmd->add_subcommand("check", "Validate the configuration file");
    describe_sim(app, cl);
    app.footer(main_footer());  // last: subcommands created before it do not inherit it
}

std::vector<std::string> option_names(const CLI::App& command) {
    std::vector<std::string> out;
    for (const auto* opt : command.get_options()) {
        if (opt->get_group().empty() || opt->get_positional()) continue;
        for (const auto& l : opt->get_lnames()) out.push_back("--" + l);
    }
    return out;
}

std::vector<const CLI::App*> visible_subcommands(const CLI::App& command) {
    return command.get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); });
}

}  // namespace vd::cli
