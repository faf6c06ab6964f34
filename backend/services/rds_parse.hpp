// Amazon RDS answers (query protocol XML) into model values. Unknown
// elements are ignored and status strings pass through unchanged.
#pragma once

#include <pugixml.hpp>

#include "backend/model/rds.hpp"

namespace vd::services::rds_parse {

// A <DBInstance> element.
model::DbInstance db_instance(pugi::xml_node n);
// A <DBCluster> element.
model::DbCluster db_cluster(pugi::xml_node n);
// A <DBSnapshot> element.
model::DbSnapshot db_snapshot(pugi::xml_node n);
// A <DBClusterSnapshot> element (cluster_snapshot set).
model::DbSnapshot db_cluster_snapshot(pugi::xml_node n);
// A <DBInstanceAutomatedBackup> element (RestoreWindow is the PITR window).
model::AutomatedBackup automated_backup(pugi::xml_node n);

}  // namespace vd::services::rds_parse
