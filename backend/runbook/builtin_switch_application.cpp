// Built-in runbook: the checklist for pointing the application at a restored
// instance. It never switches anything itself.
#include "backend/runbook/builtin.hpp"

namespace vd::runbook {

// The TOML of switch-application.
std::string_view builtin_switch_application() {
    return R"toml(name = "switch-application"
title = "Switch the application to the restored instance"
description = """
A checklist for pointing the application at a restored instance (DATABASE_URL
or the RDS Proxy target), with the migration check and smoke tests. vaultdeck
never makes the switch: each item is done by hand and ticked here."""
kind = "checklist"

[[steps]]
kind = "form"
id = "which"
title = "Which instance"

[[steps.fields]]
name = "target"
label = "Restored DB instance identifier"
default = "{target}"
required = true

[[steps]]
kind = "checklist"
id = "before"
title = "Before the switch"
items = [
  "The restore of {target} finished and its data checks passed",
  "Staging was pointed at {target} and the read paths work",
  "The team agreed on the switch and the time; users were told",
  "Writers are stopped (maintenance mode) so no write is lost",
]

[[steps]]
kind = "checklist"
id = "switch"
title = "The switch (by hand)"
items = [
  "DATABASE_URL (or the RDS Proxy target group) points at {target}",
  "The migration check passes against {target} (e.g. drizzle-kit check, migrate status)",
  "The application was restarted or reloaded its connections",
]

[[steps]]
kind = "checklist"
id = "after"
title = "After the switch"
items = [
  "Smoke tests pass (log in, read, write)",
  "Error rate and latency are normal for 15 minutes",
  "The old instance is kept (renamed or stopped), not deleted, until the team agrees",
  "The incident notes say which recovery point or time was restored and what was lost",
]

[[steps]]
kind = "info"
id = "done"
title = "Done"
text = "Keep the restore report with the incident notes. Remember to re-enable backups on the new instance."
)toml";
}

}  // namespace vd::runbook
