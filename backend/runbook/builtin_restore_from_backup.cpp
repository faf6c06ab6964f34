// Built-in runbook: restore an RDS instance from an AWS Backup recovery
// point to a new instance (the on-call restore of the seed documents).
#include "backend/runbook/builtin.hpp"

#include <string>

namespace vd::runbook {

// The TOML of restore-from-backup.
std::string_view builtin_restore_from_backup() {
    static const std::string text = std::string() + R"toml(name = "restore-from-backup"
title = "Restore an RDS instance from an AWS Backup recovery point"
description = """
Restores a recovery point of an RDS instance into a NEW instance. Production
is never overwritten: the new identifier must be free. Afterwards, check the
data and switch the application by hand, with the checklist at the end."""
kind = "restore"
rto_target = "2h"

[[steps]]
kind = "info"
id = "intro"
title = "Before you start"
text = """
You are about to restore {source} from AWS Backup into a new DB instance.
1. Find out what was lost and when it was last good.
2. Choose a recovery point from before that time.
3. Restore to a NEW instance; never overwrite production.
Nothing changes in AWS until you type the new instance's identifier on the
confirm step. Every call is written to the audit log before it is sent."""

[[steps]]
kind = "choose-recovery-point"
id = "point"
title = "Choose the recovery point"
text = "The newest COMPLETED point is first. Pick one from before the data went bad."
from = "backup"
resource = "{resource}"

[[steps]]
kind = "form"
id = "target"
title = "The new instance"
text = "Each value is read from the source (shown beside it); change what you need. An emptied field takes the AWS default, which is not the source's."

[[steps.fields]]
name = "target"
label = "New DB instance identifier"
default = "{source}-restore-{yyyymmdd}"
required = true

)toml" + std::string(builtin_settings_fields()) + R"toml(
[[steps.fields]]
name = "iam_role"
label = "IAM role for the restore"
help = "Empty uses the role that made the backup"

[[steps]]
kind = "preflight"
id = "preflight"
title = "Preflight checks"
checks = ["target-identifier-free", "recovery-point-completed", "not-expiring-within-1h",
          "network-exists", "iam-role-present", "not-read-only"]

[[steps]]
kind = "confirm"
id = "confirm"
title = "Confirm the restore"
text = "Type the new instance's identifier to start the restore."
expect = "{target}"

[[steps]]
kind = "restore"
id = "restore"
title = "Start the restore job"
method = "aws-backup"

[[steps]]
kind = "wait"
id = "wait"
title = "Wait until the new instance is available"
timeout = "4h"
interval = "15s"

[[steps]]
kind = "sql-check"
id = "verify"
title = "Check the restored data"
text = "Connects with libpq (PGUSER, PGPASSWORD or ~/.pgpass, PGSSLMODE)."
skippable = true

[[steps.checks]]
name = "connects"
query = "SELECT 1"
expect = "== 1"

[[steps.checks]]
name = "user tables present"
query = "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
expect = ">= 1"

[[steps]]
kind = "info"
id = "next"
title = "What next"
text = """
{target} is available at {endpoint_host}:{endpoint_port}.
Test the application against it (point staging at it first). The next steps
walk the switch-over; vaultdeck never switches the application for you."""

)toml" + std::string(builtin_switch_over_steps()) + R"toml([[steps]]
kind = "report"
id = "report"
title = "Write the restore report"
)toml";
    return text;
}

}  // namespace vd::runbook
