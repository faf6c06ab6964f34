// Built-in runbook: RDS point-in-time restore to a new instance (accidental
// table drop, bad migration: restore to just before it happened).
#include "backend/runbook/builtin.hpp"

#include <string>

namespace vd::runbook {

// The TOML of pitr-restore.
std::string_view builtin_pitr_restore() {
    static const std::string text = std::string() + R"toml(name = "pitr-restore"
title = "Point-in-time restore of an RDS instance"
description = """
Restores an RDS instance to a chosen second inside its point-in-time window
(automated backups) into a NEW instance. Use it for an accidental delete or a
bad migration within the retention period."""
kind = "restore"
rto_target = "1h"

[[steps]]
kind = "info"
id = "intro"
title = "Before you start"
text = """
Point-in-time restore creates a NEW instance from {source}'s automated
backups, at the time you choose. Find out when the data was last good (the
time of the bad statement, minus a margin). Production is not touched."""

[[steps]]
kind = "form"
id = "source"
title = "The source instance"

[[steps.fields]]
name = "source"
label = "Source DB instance identifier"
default = "{source}"
required = true

[[steps]]
kind = "choose-time"
id = "time"
title = "Choose the restore time"
text = "The time must lie inside the restore window shown; \"latest\" uses the latest restorable time."
default = "latest"

[[steps]]
kind = "form"
id = "target"
title = "The new instance"
text = "Each value is read from the source (shown beside it); change what you need. An emptied field takes the AWS default, which is not the source's."

[[steps.fields]]
name = "target"
label = "New DB instance identifier"
default = "{source}-pitr-{yyyymmddhhmm}"
required = true

)toml" + std::string(builtin_settings_fields()) + R"toml(
[[steps]]
kind = "preflight"
id = "preflight"
title = "Preflight checks"
checks = ["target-identifier-free", "pitr-time-in-window", "network-exists", "not-read-only"]

[[steps]]
kind = "confirm"
id = "confirm"
title = "Confirm the restore"
expect = "{target}"

[[steps]]
kind = "restore"
id = "restore"
title = "Restore to the point in time"
method = "pitr"

[[steps]]
kind = "wait"
id = "wait"
title = "Wait until the new instance is available"
timeout = "4h"

[[steps]]
kind = "sql-check"
id = "verify"
title = "Check the restored data"
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
{target} is available at {endpoint_host}:{endpoint_port}, as of {restore_time}.
Copy back what was lost, or switch the application over (the next steps)."""

)toml" + std::string(builtin_switch_over_steps()) + R"toml([[steps]]
kind = "report"
id = "report"
title = "Write the restore report"
)toml";
    return text;
}

}  // namespace vd::runbook
