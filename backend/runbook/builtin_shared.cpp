// The parts the built-in restore runbooks share: the form fields that give
// the new database its settings (defaults read from the source by the
// engine), and the switch-over steps that close every restore.
#include "backend/runbook/builtin.hpp"

namespace vd::runbook {

// The settings fields of a restore form, as TOML [[steps.fields]] tables.
std::string_view builtin_settings_fields() {
    return R"toml([[steps.fields]]
name = "instance_class"
label = "Instance class"

[[steps.fields]]
name = "subnet_group"
label = "DB subnet group"

[[steps.fields]]
name = "security_groups"
label = "VPC security group ids"
help = "Comma separated: sg-0123,sg-0456"

[[steps.fields]]
name = "parameter_group"
label = "DB parameter group"

[[steps.fields]]
name = "option_group"
label = "Option group"

[[steps.fields]]
name = "port"
label = "Port"

[[steps.fields]]
name = "storage_type"
label = "Storage type"
help = "gp3, gp2, io1, io2 or standard"

[[steps.fields]]
name = "iops"
label = "Provisioned IOPS"

[[steps.fields]]
name = "multi_az"
label = "Multi-AZ"
help = "true or false"

[[steps.fields]]
name = "copy_tags_to_snapshot"
label = "Copy tags to snapshots"
help = "true or false"

[[steps.fields]]
name = "deletion_protection"
label = "Deletion protection"
help = "true or false"

[[steps.fields]]
name = "engine_lifecycle_support"
label = "Engine lifecycle support"
help = "open-source-rds-extended-support-disabled: no Extended Support charges; open-source-rds-extended-support: paid support past the end of standard support"
required = true
)toml";
}

// The switch-over checklist and the step that records the switch, as TOML [[steps]] tables.
std::string_view builtin_switch_over_steps() {
    return R"toml([[steps]]
kind = "checklist"
id = "switch"
title = "Switch the application over"
skippable = true
text = """
The restored database, for the application:
- Endpoint: {endpoint_host}
- Port: {endpoint_port}
- Database: {db_name}
- DATABASE_URL: {database_url}

u copies the DATABASE_URL (OSC 52); add the password from your secret store.
vaultdeck never switches the application: tick each item as it is done."""
items = [
  "Staging was pointed at {endpoint_host}:{endpoint_port} and the read paths work",
  "Writers are stopped (maintenance mode) so no write is lost",
  "DATABASE_URL (or the RDS Proxy target group) points at {endpoint_host}:{endpoint_port}/{db_name}",
  "The migration check passes against {target} (e.g. drizzle-kit check, migrate status)",
  "The application was restarted or reloaded its connections; smoke tests pass",
]

[[steps]]
kind = "checklist"
id = "switched"
title = "Record the switch"
skippable = true
text = """
Tag the old database so nobody writes to it by mistake, for example:
aws rds add-tags-to-resource --region {region} --resource-name ARN-OF-{source} --tags Key=vaultdeck:replaced-by,Value={target}
Ticking the last item writes the switch time into the report."""
items = [
  "{source} is tagged vaultdeck:replaced-by={target}, and kept (not deleted) until the team agrees",
  "The application runs on {target}: the switch is done",
]

)toml";
}

}  // namespace vd::runbook
