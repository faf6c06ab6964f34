// Small, explicit snapshots for the health tests: one region with every
// kind marked loaded, and builders for the items the checks read.
#pragma once

#include <string>
#include <vector>

#include "backend/config/config.hpp"
#include "backend/health/report.hpp"
#include "backend/poll/snapshot.hpp"

namespace vd::health::test {

// An instant from ISO 8601 text.
TimePoint at(const char* iso);
// The evaluation time of every test: Sunday 2026-11-22 12:00 UTC.
TimePoint now();
// now() minus some hours / days.
TimePoint hours_ago(double h);
TimePoint days_ago(double d);

inline const std::string kAccount = "111122223333";
inline const std::string kRegion = "eu-central-1";
// arn:aws:rds:eu-central-1:111122223333:db:NAME
std::string db_arn(const std::string& name);
// arn:aws:backup:eu-central-1:111122223333:backup-vault:NAME
std::string vault_arn(const std::string& name, const std::string& region = kRegion);

// A region of account kAccount with every kind loaded and nothing in it.
poll::RegionData region();
// A snapshot of one region.
poll::Snapshot snapshot(poll::RegionData r);

// A COMPLETED, encrypted, WARM recovery point of a resource.
model::RecoveryPoint point(const std::string& resource_arn, TimePoint created, const std::string& vault = "main");
// A backup job of a resource.
model::BackupJob backup_job(const std::string& id, const std::string& resource_arn, const std::string& state,
                            TimePoint created, const std::string& message = "");
// An RDS instance with 7 days of automated backups but no restorable time set.
model::DbInstance db(const std::string& name);
// A protected resource entry (as ListProtectedResources returns it).
model::ProtectedResource protected_resource(const std::string& arn, const std::string& name, const std::string& type = "RDS");
// A plan with one daily rule (03:00 UTC, 35 days) and no selections.
model::BackupPlan plan(const std::string& name);
// A selection of explicit resources.
model::BackupSelection selection(std::vector<std::string> resources, std::vector<std::string> not_resources = {});

// The findings of one check.
std::vector<Finding> of(const Report& r, const std::string& check);
// The findings of one check for one resource.
std::vector<Finding> of(const Report& r, const std::string& check, const std::string& resource);
// Runs every check at now() with `config`.
Report run(const poll::Snapshot& s, const config::Config& config = {});

}  // namespace vd::health::test
