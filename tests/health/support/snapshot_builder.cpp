#include "health/support/snapshot_builder.hpp"

#include <stdexcept>

#include "backend/core/time_format.hpp"

namespace vd::health::test {

TimePoint at(const char* iso) {
    auto t = parse_time(iso);
    if (!t) throw std::invalid_argument(iso);
    return *t;
}

TimePoint now() { return at("2026-11-22T12:00:00Z"); }

TimePoint hours_ago(double h) {
    return now() - std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double, std::ratio<3600>>(h));
}

TimePoint days_ago(double d) { return hours_ago(d * 24); }

std::string db_arn(const std::string& name) { return "arn:aws:rds:" + kRegion + ":" + kAccount + ":db:" + name; }

std::string vault_arn(const std::string& name, const std::string& region) {
    return "arn:aws:backup:" + region + ":" + kAccount + ":backup-vault:" + name;
}

poll::RegionData region() {
    poll::RegionData r;
    r.account_name = "shop-prod";
    r.account_id = kAccount;
    r.region = kRegion;
    r.environment = "production";
    for (int k = 0; k < poll::kKindCount; ++k) {
        poll::KindStatus st;
        st.loaded = true;
        st.last_success = now();
        r.status[static_cast<poll::Kind>(k)] = st;
    }
    return r;
}

poll::Snapshot snapshot(poll::RegionData r) {
    poll::Snapshot s;
    s.taken = now();
    s.regions.push_back(std::move(r));
    return s;
}

model::RecoveryPoint point(const std::string& resource_arn, TimePoint created, const std::string& vault) {
    model::RecoveryPoint rp;
    rp.origin = {kAccount, kRegion};
    rp.arn = "arn:aws:backup:" + kRegion + ":" + kAccount + ":recovery-point:" + resource_arn.substr(resource_arn.rfind(':') + 1) +
             "-" + format_amz_date(created);
    rp.vault_name = vault;
    rp.vault_arn = vault_arn(vault);
    rp.resource_arn = resource_arn;
    rp.resource_type = "RDS";
    rp.resource_name = resource_arn.substr(resource_arn.rfind(':') + 1);
    rp.status = "COMPLETED";
    rp.storage_class = "WARM";
    rp.creation_date = created;
    rp.completion_date = created + std::chrono::minutes(20);
    rp.encrypted = true;
    return rp;
}

model::BackupJob backup_job(const std::string& id, const std::string& resource_arn, const std::string& state,
                            TimePoint created, const std::string& message) {
    model::BackupJob j;
    j.origin = {kAccount, kRegion};
    j.job_id = id;
    j.resource_arn = resource_arn;
    j.resource_name = resource_arn.substr(resource_arn.rfind(':') + 1);
    j.resource_type = "RDS";
    j.state = state;
    j.status_message = message;
    j.creation_date = created;
    if (state != "RUNNING" && state != "CREATED" && state != "PENDING") j.completion_date = created + std::chrono::minutes(30);
    return j;
}

model::DbInstance db(const std::string& name) {
    model::DbInstance d;
    d.origin = {kAccount, kRegion};
    d.identifier = name;
    d.arn = db_arn(name);
    d.engine = "postgres";
    d.status = "available";
    d.backup_retention_period = 7;
    return d;
}

model::ProtectedResource protected_resource(const std::string& arn, const std::string& name, const std::string& type) {
    model::ProtectedResource p;
    p.origin = {kAccount, kRegion};
    p.resource_arn = arn;
    p.resource_name = name;
    p.resource_type = type;
    return p;
}

model::BackupPlan plan(const std::string& name) {
    model::BackupPlan p;
    p.origin = {kAccount, kRegion};
    p.plan_id = name + "-id";
    p.plan_arn = "arn:aws:backup:" + kRegion + ":" + kAccount + ":backup-plan:" + p.plan_id;
    p.plan_name = name;
    p.creation_date = at("2026-01-01T00:00:00Z");
    model::BackupRule rule;
    rule.rule_id = name + "-daily";
    rule.rule_name = "daily";
    rule.target_vault_name = "main";
    rule.schedule_expression = "cron(0 3 * * ? *)";
    rule.start_window_minutes = 60;
    rule.lifecycle.delete_after_days = 35;
    p.rules.push_back(rule);
    return p;
}

model::BackupSelection selection(std::vector<std::string> resources, std::vector<std::string> not_resources) {
    model::BackupSelection s;
    s.selection_id = "sel-1";
    s.selection_name = "databases";
    s.resources = std::move(resources);
    s.not_resources = std::move(not_resources);
    return s;
}

std::vector<Finding> of(const Report& r, const std::string& check) {
    std::vector<Finding> out;
    for (const auto& f : r.findings)
        if (f.check == check) out.push_back(f);
    return out;
}

std::vector<Finding> of(const Report& r, const std::string& check, const std::string& resource) {
    std::vector<Finding> out;
    for (const auto& f : r.findings)
        if (f.check == check && f.resource == resource) out.push_back(f);
    return out;
}

Report run(const poll::Snapshot& s, const config::Config& config) { return evaluate(s, config, now()); }

}  // namespace vd::health::test
