// One region's listing of one kind for `vaultdeck list`: read through the
// typed service clients, as rows for the table and CSV and as the AWS
// CLI's own output members for --output json (tui/cli/list_json.hpp).
#pragma once

#include <memory>
#include <string>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"
#include "backend/services/backup_client.hpp"
#include "backend/services/rds_client.hpp"
#include "tui/cli/commands.hpp"
#include "tui/cli/output_format.hpp"

namespace vd::cli {

struct ListClients {
    std::shared_ptr<services::BackupClient> backup;
    std::shared_ptr<services::RdsClient> rds;
};

// The listing of o.kind in one region; `now` decides warm or cold.
Result<Listing> fetch_listing(ListClients& c, const ListOptions& o, const std::string& region, TimePoint now);

// Adds another region's listing: its rows, and its items to each AWS member.
void append_listing(Listing& into, Listing&& part);

// Which filters each kind understands: the first that does not apply, as a
// usage message ("--vault does not apply to plans"), or "" when all do.
std::string misplaced_filter(const ListOptions& o);

}  // namespace vd::cli
