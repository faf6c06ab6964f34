// vaultdeck sim serve: the AWS simulator on a loopback port until SIGINT or SIGTERM.
#include <csignal>
#include <chrono>
#include <cstdio>

#include "backend/sim/embedded.hpp"
#include "tui/cli/commands.hpp"

namespace vd::cli {

const char* sim_serve_help_footer() {
    return "Serves AWS Backup (rest-json), RDS and STS (query) and S3 (ListBuckets,\n"
           "GetBucketLifecycleConfiguration) on 127.0.0.1. Once ready it prints exactly one line,\n"
           "\"listening on http://127.0.0.1:PORT\", and serves until SIGINT or SIGTERM. Requests\n"
           "must be SigV4-signed with the accepted key (test/test by default); the credential\n"
           "scope's service and region choose the API and the region.\n"
           "\n"
           "Scenarios (same --seed, same data; times relative to the start):\n"
           "  demo   the default: production RDS PostgreSQL with PITR, Aurora, EFS, an S3 media\n"
           "         bucket with lifecycle, daily/weekly/monthly plan with a DR copy, 90 days of\n"
           "         history and planted problems for the health checks\n"
           "  empty  nothing;  small  a few of each (fast tests)\n"
           "  large  --scale N recovery points over 24 vaults and hundreds of resources\n"
           "\n"
           "--faults takes a comma-separated list:\n"
           "  throttle=P      answer P of requests with the service's throttling error\n"
           "                  (ThrottlingException / Throttling / SlowDown)\n"
           "  error5xx=P      answer P of requests with a 500 or 503 in the service's format\n"
           "  latency=A-Bms   delay every answer by A to B milliseconds\n"
           "  reset=P         process P of requests, then drop the connection unanswered\n"
           "  truncate=P      process P of requests, then send only half of the body\n"
           "  skew=Ns         run the server clock N seconds ahead (negative: behind); the Date\n"
           "                  header and the signing-time check use it, so beyond 5 minutes\n"
           "                  (Backup) or 15 minutes (RDS, STS, S3) requests are refused with\n"
           "                  InvalidSignatureException / SignatureDoesNotMatch \"Signature\n"
           "                  expired\" / RequestTimeTooSkewed\n"
           "  P is a probability from 0 to 1, e.g. --faults \"throttle=0.1,error5xx=0.05,latency=20-200ms\"\n"
           "\n"
           "--speed X runs the simulated clock X times faster (jobs, restores, lifecycle).\n"
           "--postgres CONNINFO backs each RDS DB instance with a real database on that PostgreSQL\n"
           "server (libpq conninfo, e.g. \"host=127.0.0.1 port=5432 user=postgres dbname=postgres\";\n"
           "the user needs CREATEDB; PostgreSQL 13 or later). DescribeDBInstances gives the\n"
           "server's host and port as the Endpoint and the database as DBName, so drill SQL checks\n"
           "run real queries. The demo's prod-db (small: small-db) holds sample tables customers,\n"
           "orders and events (250, 1000 and 10000 rows). A DB snapshot or recovery point is a\n"
           "copy of its instance's database (CREATE DATABASE ... TEMPLATE), made when it completes;\n"
           "the scenario's older history gets its copy when first restored. Restores copy the\n"
           "snapshot's database into the new instance's; DeleteDBInstance drops it. Databases are\n"
           "named vdsim_db_<instance> and vdsim_snap_<snapshot> (lower case, other characters\n"
           "made _); the simulator drops every vdsim_ database when it starts. A PostgreSQL error\n"
           "stops the start (non-zero exit), fails the job (StatusMessage) or answers the call with\n"
           "an error.\n"
           "--record FILE appends one JSON line per answer: {service, operation, status,\n"
           "content_type, body} (STS secrets redacted), for checking bodies against the models.";
}

// Runs the simulator until SIGINT or SIGTERM.
int run_sim_serve(const SimOptions& o) {
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // every thread started below inherits the mask

    vd::sim::SimOptions options;
    options.scenario = o.scenario;
    options.seed = o.seed;
    options.scale = o.scale;
    options.speed = o.speed;
    options.faults = o.faults;
    options.access_key = o.access_key;
    options.secret_key = o.secret_key;
    options.port = o.port;
    options.record_path = o.record;
    options.postgres = o.postgres;
    auto started_at = std::chrono::steady_clock::now();
    vd::sim::EmbeddedSimulator simulator(options);
    auto port = simulator.start();
    if (!port) {
        std::fprintf(stderr, "vaultdeck sim: %s\n", port.error().message.c_str());
        return port.error().kind == ErrorKind::InvalidInput ? kExitUsage : kExitWarning;
    }
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_at).count();
    std::fprintf(stdout, "listening on http://127.0.0.1:%d\n", *port);
    std::fflush(stdout);
    std::fprintf(stderr, "vaultdeck sim: scenario %s ready in %.2f s\n", o.scenario.c_str(), seconds);
    int received = 0;
    sigwait(&stop_signals, &received);
    simulator.stop();
    return kExitOk;
}

}  // namespace vd::cli
