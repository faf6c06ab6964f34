// The large scenario: exactly `scale` recovery points spread over 24 vaults
// (12 teams x prod in us-east-1 / staging in us-west-2) and hundreds of
// resources, for load and paging tests. Points are written directly (not
// through job history) so that 100000 of them are ready in well under a
// second; the last three days also get their backup jobs. Plan rules fire
// twelve hours away from the start time.
//
// Measured (RelWithDebInfo, the shared 2-core build machine under load):
// `vaultdeck sim serve --scenario large --scale 100000` prints its listening
// line 1.4 to 2.7 s after start, holding about 185 MB.
#include <algorithm>

#include <fmt/format.h>

#include "backend/sim/arns.hpp"
#include "backend/sim/jobs.hpp"
#include "backend/sim/listing.hpp"
#include "backend/sim/scenario_builder.hpp"
#include "backend/sim/store.hpp"

namespace vd::sim {
namespace {

using namespace std::chrono;

const char* kTeams[] = {"payments", "orders", "catalog", "search", "media", "identity",
                        "billing", "analytics", "shipping", "reviews", "inventory", "notifications"};
constexpr int kTeamCount = 12;

// The ARN of the i-th resource of a team, by kind.
std::string resource_arn(const RegionState& state, int kind, const std::string& name) {
    switch (kind) {
        case 0:
        case 1: return db_instance_arn(state.region, state.account_id, name);
        case 2: return efs_arn(state.region, state.account_id, name);
        case 3: return fmt::format("arn:aws:dynamodb:{}:{}:table/{}", state.region, state.account_id, name);
        default: return fmt::format("arn:aws:s3:::{}", name);
    }
}

}  // namespace

Result<std::vector<PlantedProblem>> build_large(ScenarioBuilder& b, int64_t scale) {
    TimePoint now = b.now();
    int hour = static_cast<int>(duration_cast<hours>(now - floor<days>(now)).count());
    std::string cron = fmt::format("cron(30 {} * * ? *)", (hour + 12) % 24);
    RegionState* regions[2] = {&b.region("us-east-1"), &b.region("us-west-2")};
    const char* envs[2] = {"prod", "staging"};

    // One vault and one plan per team and environment.
    std::vector<std::pair<RegionState*, BackupPlan*>> plans;
    for (int env = 0; env < 2; ++env) {
        for (int t = 0; t < kTeamCount; ++t) {
            std::string base = fmt::format("{}-{}", kTeams[t], envs[env]);
            Vault& v = b.vault(*regions[env], base + "-vault", now - days(500));
            if (env == 0) b.lock(v, 30, 400, now - days(300));
            BackupPlan& plan = b.plan(*regions[env], base + "-plan", {b.rule("daily", base + "-vault", cron, 90, 400)}, now - days(450));
            b.select(plan, base + "-by-tag", {}, {{"plan", base}});
            plans.emplace_back(regions[env], &plan);
        }
    }

    int64_t resource_count = std::clamp<int64_t>(scale / 250, 200, 4000);
    resource_count = std::min<int64_t>(resource_count, std::max<int64_t>(scale, 1));
    int64_t per_resource = scale / resource_count, extra = scale % resource_count;
    int64_t spacing_minutes = std::max<int64_t>(60, 300 * 24 * 60 / (per_resource + 1));
    for (int64_t i = 0; i < resource_count; ++i) {
        auto& [state, plan] = plans[static_cast<size_t>(i % static_cast<int64_t>(plans.size()))];
        BackupRule& rule = plan->rules[0];
        int kind = static_cast<int>((i / static_cast<int64_t>(plans.size())) % 5);
        std::string team = plan->name.substr(0, plan->name.size() - 5);
        std::string name = kind == 2 ? fmt::format("fs-{:017x}", 0x1000000 + i) : fmt::format("{}-{}-{:04d}", team, kind == 4 ? "assets" : "db", i);
        std::string arn = resource_arn(*state, kind, name);
        if (kind <= 1) {
            DbInstance db;
            db.identifier = name;
            db.allocated_storage = 20 + (i % 9) * 20;
            db.backup_retention = 7;
            db.create_time = now - days(400);
            db.tags = {{"plan", team}};
            b.db_instance(*state, db);
        } else {
            b.resource(*state, arn, name, 5 + i % 50, {{"plan", team}});
        }
        const Resource& resource = state->resources.at(arn);
        auto creator = creator_of(*plan, rule);
        int64_t points = per_resource + (i < extra ? 1 : 0);
        for (int64_t j = 0; j < points; ++j) {
            RecoveryPoint rp;
            rp.arn = new_recovery_point_arn(*state, b.ids(), resource.type);
            rp.vault_name = rule.target_vault;
            rp.resource_arn = resource.arn;
            rp.resource_type = resource.type;
            rp.resource_name = resource.name;
            rp.created_by = creator;
            rp.iam_role_arn = b.role(state->account_id);
            rp.creation = now - minutes(spacing_minutes * (j + 1) + (i * 7) % 60);
            rp.completion = rp.creation + minutes(15 + i % 20);
            rp.size_bytes = resource.size_bytes;
            rp.lifecycle = rule.lifecycle;
            rp.encryption_key_arn = state->vaults.at(rp.vault_name).encryption_key_arn;
            if (rp.creation > now - days(3)) {
                BackupJob job;
                job.id = b.ids().uuid(true);
                job.vault_name = rp.vault_name;
                job.vault_arn = vault_arn(state->region, state->account_id, rp.vault_name);
                job.recovery_point_arn = rp.arn;
                job.resource_arn = rp.resource_arn;
                job.resource_type = rp.resource_type;
                job.resource_name = rp.resource_name;
                job.created_by = creator;
                job.iam_role_arn = rp.iam_role_arn;
                job.state = "COMPLETED";
                job.message_category = "SUCCESS";
                job.creation = rp.creation;
                job.completion = rp.completion;
                job.start_by = rp.creation + minutes(60);
                job.runs_at = rp.creation;
                job.ends_at = rp.completion;
                job.size_bytes = rp.size_bytes;
                job.lifecycle = rp.lifecycle;
                rp.backup_job_id = job.id;
                add_backup_job(*state, std::move(job), false);
            }
            add_recovery_point(*state, std::move(rp));
        }
    }
    return std::vector<PlantedProblem>{};
}

}  // namespace vd::sim
