// Built-in runbook: restore from a native or cross-region RDS snapshot, for
// example in the disaster-recovery region when the primary region is down.
#include "backend/runbook/builtin.hpp"

#include <string>

namespace vd::runbook {

// The TOML of restore-from-snapshot.
std::string_view builtin_restore_from_snapshot() {
    static const std::string text = std::string() + R"toml(name = "restore-from-snapshot"
title = "Restore an RDS instance from a snapshot (also in the DR region)"
description = """
Restores a native RDS snapshot (manual, automated, or a cross-region copy in
the disaster-recovery region) into a NEW instance in that region."""
kind = "restore"
rto_target = "2h"

[[steps]]
kind = "info"
id = "intro"
title = "Before you start"
text = """
For a region failure, choose the DR region: the cross-region snapshot copies
live there. The new instance is created in the region you choose, from the
snapshot you choose; nothing changes before the confirm step."""

[[steps]]
kind = "form"
id = "where"
title = "Where the snapshot is"

[[steps.fields]]
name = "region"
label = "Region of the snapshot (the DR region for cross-region copies)"
default = "{region}"
required = true

[[steps.fields]]
name = "source"
label = "Source DB instance identifier"
default = "{source}"
required = true

[[steps]]
kind = "choose-recovery-point"
id = "snapshot"
title = "Choose the snapshot"
text = "The newest available snapshot is first."
from = "rds-snapshots"
resource = "{source}"

[[steps]]
kind = "form"
id = "target"
title = "The new instance"
text = "Each value is read from the source (shown beside it); change what you need. An emptied field takes the AWS default, which is not the source's."

[[steps.fields]]
name = "target"
label = "New DB instance identifier"
default = "{source}-dr-{yyyymmdd}"
required = true

)toml" + std::string(builtin_settings_fields()) + R"toml(
[[steps]]
kind = "preflight"
id = "preflight"
title = "Preflight checks"
checks = ["target-identifier-free", "recovery-point-completed", "network-exists", "not-read-only"]

[[steps]]
kind = "confirm"
id = "confirm"
title = "Confirm the restore"
expect = "{target}"

[[steps]]
kind = "restore"
id = "restore"
title = "Restore from the snapshot"
method = "snapshot"

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
{target} is available in {region} at {endpoint_host}:{endpoint_port}.
The next steps walk the switch-over (DATABASE_URL or the RDS Proxy target); in
a region failure, DNS may need to change too."""

)toml" + std::string(builtin_switch_over_steps()) + R"toml([[steps]]
kind = "report"
id = "report"
title = "Write the restore report"
)toml";
    return text;
}

}  // namespace vd::runbook
