// Built-in runbook: the monthly restore-test drill (newest point, temporary
// instance, wait, SQL checks against the source, delete, report).
#include "backend/runbook/builtin.hpp"

#include <string>

namespace vd::runbook {

// The TOML of monthly-drill.
std::string_view builtin_monthly_drill() {
    static const std::string text = std::string() + R"toml(name = "monthly-drill"
title = "Monthly restore-test drill"
description = """
Proves that backups restore: restores the newest COMPLETED recovery point to a
temporary instance, waits for it, runs integrity checks against it (some
compared with the source database), deletes it, and writes a report with the
measured RTO and the achieved RPO. Runs headless with `vaultdeck drill run`."""
kind = "drill"
rto_target = "2h"
rpo_target = "25h"

[[steps]]
kind = "info"
id = "intro"
title = "Monthly restore test"
text = """
Restores the newest recovery point of {source} to a temporary instance,
checks it, deletes it and writes a report. Backups are useless if they do
not restore: run this every month."""

[[steps]]
kind = "choose-recovery-point"
id = "point"
title = "The newest recovery point"
from = "backup"
resource = "{resource}"

[[steps]]
kind = "form"
id = "target"
title = "The temporary instance"
text = "Each value is read from the source (shown beside it); change what you need. An emptied field takes the AWS default, which is not the source's."

[[steps.fields]]
name = "target"
label = "Temporary DB instance identifier"
default = "{source}-drill-{yyyymmddhhmm}"
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
title = "Confirm the temporary restore"
expect = "{target}"

[[steps]]
kind = "restore"
id = "restore"
title = "Restore to the temporary instance"
method = "aws-backup"

[[steps]]
kind = "wait"
id = "wait"
title = "Wait until the temporary instance is available"
timeout = "3h"
on_failure = "continue"

[[steps]]
kind = "sql-check"
id = "verify"
title = "Integrity checks"
text = "Connects with libpq (PGUSER, PGPASSWORD or ~/.pgpass, PGSSLMODE) to the restored and the source instance."
on_failure = "continue"

[[steps.checks]]
name = "connects"
query = "SELECT 1"
expect = "== 1"

[[steps.checks]]
name = "tables match the source"
query = """
SELECT coalesce(string_agg(table_schema || '.' || table_name, ',' ORDER BY table_schema, table_name), '')
FROM information_schema.tables
WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'"""
expect = "== source"

[[steps.checks]]
name = "no table emptier than the source"
query = """
SELECT count(*) FROM (
  SELECT (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name),
          false, true, '')))[1]::text::bigint AS n
  FROM information_schema.tables
  WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'
) t WHERE n = 0"""
expect = "<= source"

[[steps]]
kind = "cleanup"
id = "cleanup"
title = "Delete the temporary instance"
text = "Deletes {target} without a final snapshot. Type its identifier to confirm."

[[steps]]
kind = "report"
id = "report"
title = "Write the drill report"
)toml";
    return text;
}

}  // namespace vd::runbook
