// Restores on the demo scenario end to end (embedded simulator, real clients,
// real HTTP, SigV4; SQL checks on a real PostgreSQL): the new database gets
// its source's network, groups, port and tags unless the operator changes
// them, never lands on paid Extended Support, drills are Single-AZ, the form
// says where each value came from and refuses what AWS would refuse, and an
// Aurora recovery point becomes a cluster with a writer, checked at the
// cluster endpoint.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "backend/runbook/catalog.hpp"
#include "backend/runbook/drill_runner.hpp"
#include "backend/runbook/engine.hpp"
#include "backend/services/rds_client.hpp"
#include "support/pg_cluster.hpp"
#include "support/redirect_sql.hpp"
#include "support/sim_world.hpp"
#include "support/temp_dir.hpp"

using namespace vd;
using namespace vd::runbook;

namespace {

// One PostgreSQL for the binary, with a small "app" database for the checks.
test::PgCluster* shared_pg() {
    static std::unique_ptr<test::PgCluster> pg = [] {
        auto started = test::PgCluster::start();
        EXPECT_TRUE(started.ok()) << (started.ok() ? "" : started.error().message);
        if (!started.ok()) return std::unique_ptr<test::PgCluster>();
        EXPECT_TRUE((*started)->exec("postgres", "CREATE DATABASE app").ok());
        EXPECT_TRUE((*started)->exec("app", "CREATE TABLE events (id int primary key); INSERT INTO events VALUES (1), (2)").ok());
        return std::move(*started);
    }();
    return pg.get();
}

struct Demo {
    test::TempDir dir;
    std::unique_ptr<test::SimWorld> world = test::start_sim_world("demo");
    std::shared_ptr<test::RedirectingSqlRunner> sql;

    Demo() {
        if (auto* pg = shared_pg()) sql = std::make_shared<test::RedirectingSqlRunner>(*pg, "app");
    }

    EngineOptions options() const {
        EngineOptions o;
        o.backend = world->backend("us-east-1");
        o.backend_for_region = world->factory();
        o.clock = world->clock;
        o.audit = std::make_shared<AuditLog>(dir.path / "audit.jsonl");
        o.wizard_dir = dir.path / "wizards";
        o.report_dir = dir.path / "reports";
        o.sql = sql;
        return o;
    }

    Result<std::unique_ptr<Engine>> start(const std::string& runbook, const std::string& resource) const {
        auto rb = find_runbook(runbook, dir.path / "no-user-runbooks");
        if (!rb) return rb.error();
        return start_engine(*rb, {{"resource", resource}}, options());
    }

    // Runs a wizard to its end as `vaultdeck drill run --yes` would.
    Result<DrillRunResult> run(Engine& e) {
        DrillRunOptions o;
        o.yes = true;
        o.sleep = [this](Seconds d) { world->advance(d); };
        return run_headless(e, o);
    }

    // The described instance, or an empty one.
    model::DbInstance instance(const std::string& id) const {
        for (const auto& d : world->db_instances())
            if (d.identifier == id) return d;
        return {};
    }

    // The described cluster, or an empty one.
    model::DbCluster cluster(const std::string& id) const {
        services::RdsClient rds(world->client("us-east-1"));
        auto list = rds.describe_db_clusters(id);
        return list && !list->empty() ? list->front() : model::DbCluster{};
    }
};

// Advances a wizard to its first form step (headless choices).
void to_form(Engine& e) {
    while (!e.finished() && e.current_step().kind != StepKind::Form) {
        if (e.current_step().kind == StepKind::ChooseRecoveryPoint) {
            auto choices = e.recovery_point_choices();
            ASSERT_TRUE(choices.ok()) << choices.error().message;
            ASSERT_FALSE(choices->empty());
            ASSERT_TRUE(e.choose_recovery_point(choices->front().id).ok());
        }
        auto adv = e.next();
        ASSERT_TRUE(adv.ok()) << adv.error().message;
        ASSERT_TRUE(adv->moved) << adv->message;
    }
}

// The form field of a name.
FieldView field(const Engine& e, const std::string& name) {
    for (const auto& f : e.form_fields())
        if (f.name == name) return f;
    return {};
}

// The value of a tag, or empty.
std::string tag(const std::vector<std::pair<std::string, std::string>>& tags, const std::string& key) {
    for (const auto& [k, v] : tags)
        if (k == key) return v;
    return {};
}

}  // namespace

TEST(RestoreSettings, PointInTimeRestoreKeepsTheSourceSettingsAndStaysOffExtendedSupport) {
    Demo d;
    ASSERT_NE(d.world, nullptr);
    const model::DbInstance source = d.instance("prod-db");
    ASSERT_EQ(source.subnet_group, "prod-db-subnets");
    ASSERT_FALSE(source.security_groups.empty());
    auto e = d.start("pitr-restore", "prod-db");
    ASSERT_TRUE(e.ok()) << e.error().message;
    to_form(**e);
    ASSERT_EQ((*e)->current_step().id, "source");
    ASSERT_TRUE((*e)->next().ok());
    ASSERT_TRUE((*e)->next().ok());  // the restore time: latest
    ASSERT_EQ((*e)->current_step().id, "target");
    EXPECT_EQ(field(**e, "subnet_group").value, "prod-db-subnets");
    EXPECT_EQ(field(**e, "subnet_group").origin, "from prod-db");
    EXPECT_EQ(field(**e, "parameter_group").value, "prod-postgres16");
    EXPECT_EQ(field(**e, "multi_az").value, "true");
    EXPECT_EQ(field(**e, "engine_lifecycle_support").value, "open-source-rds-extended-support-disabled");

    auto result = d.run(**e);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->outcome, "completed") << result->message;
    const std::string target = (*e)->state().restored.target;
    const model::DbInstance restored = d.instance(target);
    EXPECT_EQ(restored.subnet_group, source.subnet_group);
    EXPECT_EQ(restored.security_groups, source.security_groups);
    EXPECT_EQ(restored.parameter_group, source.parameter_group);
    EXPECT_EQ(restored.option_group, source.option_group);
    EXPECT_EQ(restored.instance_class, source.instance_class);
    EXPECT_EQ(restored.port, source.port);
    EXPECT_TRUE(restored.multi_az);
    EXPECT_TRUE(restored.copy_tags_to_snapshot);
    EXPECT_EQ(restored.engine_lifecycle_support, "open-source-rds-extended-support-disabled");
    EXPECT_EQ(tag(restored.tags, "env"), "prod");
    EXPECT_EQ(tag(restored.tags, "vaultdeck:restored-from").rfind("prod-db at ", 0), 0u) << tag(restored.tags, "vaultdeck:restored-from");
    EXPECT_FALSE((*e)->state().values.at("database_url").empty());
    EXPECT_EQ((*e)->state().values.at("database_url").find("password"), std::string::npos);
}

TEST(RestoreSettings, DrillIsSingleAzWithoutDeletionProtectionAndItsConfirmStatesTheCost) {
    Demo d;
    ASSERT_NE(d.world, nullptr);
    auto e = d.start("monthly-drill", "prod-db");
    ASSERT_TRUE(e.ok()) << e.error().message;
    to_form(**e);
    EXPECT_EQ(field(**e, "multi_az").value, "false");
    EXPECT_EQ(field(**e, "multi_az").origin, "off for drills");
    EXPECT_EQ(field(**e, "deletion_protection").value, "false");
    EXPECT_EQ(field(**e, "instance_class").value, "db.r6g.xlarge");
    while ((*e)->current_step().kind != StepKind::Confirm) ASSERT_TRUE((*e)->next().ok());
    const std::string cost = (*e)->state().values.at("cost_estimate");
    EXPECT_NE(cost.find("db.r6g.xlarge, 200 GB gp3, Single-AZ: about $0.48 an hour"), std::string::npos) << cost;
}

TEST(RestoreSettings, BadValuesAreRefusedOnTheFieldBeforeAnythingIsSent) {
    Demo d;
    ASSERT_NE(d.world, nullptr);
    auto e = d.start("restore-from-backup", "prod-db");
    ASSERT_TRUE(e.ok()) << e.error().message;
    to_form(**e);
    const std::pair<const char*, const char*> bad[] = {
        {"target", "arn:aws:rds:us-east-1:123456789012:cluster:prod-aurora"},
        {"instance_class", "db.nonsense"},
        {"security_groups", "sg-xyz"},
        {"port", "80"},
        {"multi_az", "maybe"},
        {"engine_lifecycle_support", "extended"},
    };
    for (const auto& [name, value] : bad) {
        const std::string before = field(**e, name).value;
        ASSERT_TRUE((*e)->set_field(name, value).ok());
        auto refused = (*e)->next();
        ASSERT_FALSE(refused.ok()) << name;
        EXPECT_EQ(refused.error().code, std::string("form:") + name);
        EXPECT_EQ(refused.error().message.find('\n'), std::string::npos) << "one line";
        EXPECT_EQ((*e)->current_step().id, "target");
        ASSERT_TRUE((*e)->set_field(name, before).ok());
    }
    auto accepted = (*e)->next();
    ASSERT_TRUE(accepted.ok()) << accepted.error().message;
    EXPECT_TRUE(accepted->moved);
}

TEST(RestoreSettings, AuroraRecoveryPointBecomesAClusterWithAWriterCheckedAtTheClusterEndpoint) {
    Demo d;
    ASSERT_NE(d.world, nullptr);
    ASSERT_NE(d.sql, nullptr);
    auto e = d.start("restore-from-backup", "prod-aurora");
    ASSERT_TRUE(e.ok()) << e.error().message;
    to_form(**e);
    const std::string target = field(**e, "target").value;
    EXPECT_EQ(target.rfind("prod-aurora-restore-", 0), 0u) << "an identifier, not the cluster ARN: " << target;
    EXPECT_EQ(field(**e, "instance_class").value, "db.r6g.large");
    EXPECT_EQ(field(**e, "instance_class").origin, "from prod-aurora");
    EXPECT_EQ(field(**e, "parameter_group").value, "prod-aurora-pg15");

    auto result = d.run(**e);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->outcome, "completed") << result->message;
    const model::DbCluster cluster = d.cluster(target);
    EXPECT_EQ(cluster.status, "available");
    EXPECT_EQ(cluster.subnet_group, "prod-db-subnets");
    EXPECT_EQ(cluster.security_groups, std::vector<std::string>{"sg-0a5e1c7d3b9f24e68"});
    EXPECT_EQ(cluster.parameter_group, "prod-aurora-pg15");
    EXPECT_EQ(cluster.engine_lifecycle_support, "open-source-rds-extended-support-disabled");
    ASSERT_EQ(cluster.members.size(), 1u);
    EXPECT_EQ(cluster.writer, target + "-instance-1");
    const model::DbInstance writer = d.instance(cluster.writer);
    EXPECT_EQ(writer.instance_class, "db.r6g.large");
    EXPECT_EQ(writer.status, "available");
    ASSERT_FALSE(d.sql->hosts().empty());
    EXPECT_EQ(d.sql->hosts().front(), cluster.endpoint.address) << "the checks ran at the cluster endpoint";
    EXPECT_EQ(d.sql->hosts().front().rfind(target + ".cluster-", 0), 0u);

    auto audit = read_audit_log(d.dir.path / "audit.jsonl");
    ASSERT_TRUE(audit.ok());
    std::vector<std::string> calls;
    for (auto it = audit->entries.rbegin(); it != audit->entries.rend(); ++it)
        if (it->phase != "operator") calls.push_back(it->call.operation + ":" + it->phase);
    EXPECT_EQ(calls, (std::vector<std::string>{"StartRestoreJob:before", "StartRestoreJob:after", "CreateDBInstance:before",
                                               "CreateDBInstance:after"}));
}

// A drill of an Aurora cluster cleans up all it made: the writer instance
// first (AWS refuses to delete a cluster that still has instances), then the
// cluster, each audited; both are gone once AWS has finished.
TEST(RestoreSettings, AuroraDrillDeletesItsWriterAndThenItsCluster) {
    Demo d;
    ASSERT_NE(d.world, nullptr);
    ASSERT_NE(d.sql, nullptr);
    auto e = d.start("monthly-drill", "prod-aurora");
    ASSERT_TRUE(e.ok()) << e.error().message;
    to_form(**e);
    const std::string target = field(**e, "target").value;
    ASSERT_FALSE(target.empty());

    auto result = d.run(**e);
    ASSERT_TRUE(result.ok()) << result.error().message;
    EXPECT_EQ(result->outcome, "completed") << result->message;
    EXPECT_EQ(d.cluster(target).status, "deleting");
    EXPECT_EQ(d.instance(target + "-instance-1").status, "deleting");

    auto audit = read_audit_log(d.dir.path / "audit.jsonl");
    ASSERT_TRUE(audit.ok());
    std::vector<std::string> deletes;
    for (auto it = audit->entries.rbegin(); it != audit->entries.rend(); ++it)
        if (it->action == "cleanup") deletes.push_back(it->call.operation + ":" + it->phase + ":" + it->target);
    EXPECT_EQ(deletes, (std::vector<std::string>{"DeleteDBInstance:before:" + target + "-instance-1",
                                                 "DeleteDBInstance:after:" + target + "-instance-1",
                                                 "DeleteDBCluster:before:" + target, "DeleteDBCluster:after:" + target}));

    d.world->advance(Seconds(30 * 60));
    EXPECT_TRUE(d.cluster(target).identifier.empty()) << "the cluster is gone";
    EXPECT_TRUE(d.instance(target + "-instance-1").identifier.empty()) << "its writer is gone";
    EXPECT_EQ(d.cluster("prod-aurora").status, "available") << "the source is untouched";
}

// Preflight asks the target region for the DB subnet group and the security
// groups the new database is given: the source's pass; a group that region
// does not have stops the wizard before the confirm step, naming it.
TEST(RestoreSettings, PreflightRefusesASubnetGroupOrSecurityGroupTheRegionDoesNotHave) {
    Demo d;
    ASSERT_NE(d.world, nullptr);
    auto to_preflight_result = [&](const std::string& field_name, const std::string& value) -> std::string {
        auto e = d.start("restore-from-backup", "prod-db");
        EXPECT_TRUE(e.ok()) << e.error().message;
        if (!e.ok()) return {};
        to_form(**e);
        if (!field_name.empty()) EXPECT_TRUE((*e)->set_field(field_name, value).ok());
        while ((*e)->current_step().kind != StepKind::Preflight) {
            auto moved = (*e)->next();
            EXPECT_TRUE(moved.ok() && moved->moved) << (moved.ok() ? moved->message : moved.error().message);
            if (!moved.ok() || !moved->moved) return {};
        }
        auto ran = (*e)->next();
        EXPECT_TRUE(ran.ok());
        if (!ran.ok()) return {};
        if (ran->moved) return "moved";
        return ran->message;
    };
    EXPECT_EQ(to_preflight_result("", ""), "moved") << "the source's own groups exist";
    const std::string subnet = to_preflight_result("subnet_group", "staging-subnets");
    EXPECT_NE(subnet.find("DB subnet group staging-subnets does not exist in us-east-1"), std::string::npos) << subnet;
    const std::string sg = to_preflight_result("security_groups", "sg-0123456789abcdef0");
    EXPECT_NE(sg.find("sg-0123456789abcdef0"), std::string::npos) << sg;
    EXPECT_NE(sg.find("does not exist"), std::string::npos) << sg;
}
