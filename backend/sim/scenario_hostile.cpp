// The hostile scenario: names and messages a compromised or careless account
// could hold, to prove no text from AWS reaches the operator's terminal as a
// control sequence. A plan whose name clears the screen and writes the
// clipboard through OSC 52, a vault with a CSI and a BEL in its name, a file
// system named with a right-to-left override, a C1 CSI (U+009B) and a line
// break in a failed job's message. (AWS answers are UTF-8 JSON or XML, so
// bytes that are not UTF-8 are left to the unit tests of the gate.)
//
// Planted problems: the hostile plan keeps points 3 days (under the 35-day
// minimum); the hostile vault has no lock; the file system's newest backup
// FAILED with the hostile message; the RDS instance is in no plan.
#include "backend/sim/arns.hpp"
#include "backend/sim/scenario_builder.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim {

using namespace std::chrono;

// The strings, shared with the tests that look for them.
const char* const kHostilePlanName = "weekly\x1b[2J\x1b]52;c;cHduZWQ=\a";
const char* const kHostileVaultName = "vault\x1b[31m\a-red";
const char* const kHostileFilesName = "files\xe2\x80\xae" "hs.exe";
const char* const kHostileMessage = "failed \xc2\x9b" "2J then\nFORGED LINE: all ok";

Result<std::vector<PlantedProblem>> build_hostile(ScenarioBuilder& b) {
    const TimePoint now = b.now();
    const std::string account = b.world().default_account;
    RegionState& east = b.region("us-east-1");
    b.region("us-west-2");
    const auto hour = duration_cast<hours>(now - floor<days>(now)).count();
    const std::string daily = "cron(0 " + std::to_string((hour + 12) % 24) + " * * ? *)";

    Vault& vault = b.vault(east, kHostileVaultName, now - days(60));
    DbInstance db;
    db.identifier = "hostile-db";
    db.create_time = now - days(30);
    db.tags = {{"note", "tag\x1b]8;;http://127.0.0.1/\x1b\\link"}};
    b.db_instance(east, db);
    const std::string efs = efs_arn("us-east-1", account, "fs-0badc0ffee0000001");
    b.resource(east, efs, kHostileFilesName, 5);

    BackupPlan& plan = b.plan(east, kHostilePlanName, {b.rule("daily\x1b[K", vault.name, daily, std::nullopt, 3)}, now - days(40));
    b.select(plan, "files", {efs});
    std::vector<PlantedProblem> planted;
    planted.push_back({"plan-below-minimum", "us-east-1", plan.arn, "the hostile plan keeps points 3 days"});
    planted.push_back({"vault-unlocked", "us-east-1", vault.arn, "the hostile vault has no lock"});
    planted.push_back({"unprotected-resource", "us-east-1", db_instance_arn("us-east-1", account, "hostile-db"),
                       "hostile-db is in no plan"});
    JobOdds never_fail{0.0, 0.0};
    b.history(east, plan, now - days(5) + minutes(1), never_fail, [&](BackupJob& job, const BackupRule&, int n_from_end) {
        if (n_from_end == 0) {
            set_outcome(job, "FAILED", kHostileMessage, "AWSServiceError");
            planted.push_back({"failed-job", "us-east-1", efs, "the newest backup FAILED with the hostile message"});
        }
    });
    return planted;
}

}  // namespace vd::sim
