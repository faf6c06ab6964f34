// The subcommands of the vaultdeck executable. main.cpp parses the command
// line (CLI11) into these option structs and calls one run_* function, whose
// return value is the process exit code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "backend/health/report.hpp"
#include "backend/poll/snapshot.hpp"

namespace vd::cli {

// Options every command that reads AWS accepts.
struct GlobalOptions {
    std::string profile;               // --profile, else AWS_PROFILE, else default
    std::vector<std::string> region_args;  // each --region as typed ("a,b")
    std::vector<std::string> regions;      // --region a,b: checked names, each once
    std::string endpoint_url;          // --endpoint-url
    std::string config_path;           // --config
    bool read_only = false;            // --read-only
    bool demo = false;                 // --demo: the embedded simulator
    bool no_color = false;             // --no-color
    bool no_mouse = false;             // --no-mouse
};

struct ListOptions {
    std::string kind;
    std::string vault;
    std::string resource;
    std::string output = "table";  // table, json, csv
};

struct StatusOptions {
    std::string output = "text";  // text, json
};

struct DrillOptions {
    std::string runbook;
    std::string resource;
    bool yes = false;
    std::string report_dir;
};

struct RunbookOptions {
    std::string action;  // list, show, lint
    std::string name;    // runbook name or file
    bool toml = false;   // show: print the TOML itself, a start for one's own
};

struct RenderOptions {
    std::string screen = "dashboard";
    std::string size = "120x40";
    bool ansi = false;
};

struct SimOptions {
    int port = 0;
    std::string scenario = "demo";
    uint64_t seed = 42;
    int64_t scale = 0;
    double speed = 1.0;
    std::string faults;
    std::string postgres;
    std::string access_key = "test";
    std::string secret_key = "test";
    std::string record;  // --record FILE: one JSON line per answer (test suites)
};

// Exit codes shared by all commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitWarning = 1;   // status: warnings; other commands: failure
inline constexpr int kExitCritical = 2;  // status: critical
inline constexpr int kExitUnknown = 3;   // status: could not tell
inline constexpr int kExitUsage = 64;    // bad command line

// What headless commands write, through the gate for untrusted text
// (backend/core/untrusted_text.hpp): a name or message from AWS or a file
// cannot move the cursor, clear the screen or set the clipboard.
void print_out(std::string_view text);       // stdout, newlines kept
void print_error(std::string_view message);  // stderr: "vaultdeck: MESSAGE", newlines kept

int run_console(const GlobalOptions& g);
int run_list(const GlobalOptions& g, const ListOptions& o);
int run_status(const GlobalOptions& g, const StatusOptions& o);
// status's text report of a snapshot, each line through the gate.
std::string status_text(const health::Report& report, const poll::Snapshot& snapshot, const std::string& where);
int run_drill(const GlobalOptions& g, const DrillOptions& o);
int run_runbook(const GlobalOptions& g, const RunbookOptions& o);
int run_resume(const GlobalOptions& g, const std::string& wizard_id);
int run_render(const GlobalOptions& g, const RenderOptions& o);
int run_sim_serve(const SimOptions& o);
// The closing part of `vaultdeck sim serve --help`: faults, scenarios, --record.
const char* sim_serve_help_footer();
int run_config_check(const GlobalOptions& g);

}  // namespace vd::cli
