#include "backend/sim/postgres_backing.hpp"

#include <cctype>

#include <fmt/format.h>

#include "backend/sim/arns.hpp"

namespace vd::sim {
namespace {

// PostgreSQL's longest identifier (NAMEDATALEN - 1).
constexpr size_t kMaxName = 63;

// FNV-1a, as 8 hex digits.
std::string short_hash(const std::string& text) {
    uint32_t h = 2166136261u;
    for (char c : text) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return fmt::format("{:08x}", h);
}

// "vdsim_<kind>_[<hash of account/region>_]<identifier made safe>", at most 63 characters.
std::string database_name(const World& world, const char* kind, const std::string& account, const std::string& region,
                          const std::string& identifier) {
    std::string name = fmt::format("{}{}_", kSimDatabasePrefix, kind);
    if (account != world.default_account || region != world.primary_region) name += short_hash(account + "/" + region) + "_";
    for (char c : identifier) {
        auto u = static_cast<unsigned char>(c);
        name += std::isalnum(u) ? static_cast<char>(std::tolower(u)) : '_';
    }
    if (name.size() > kMaxName) name = name.substr(0, kMaxName - 9) + "_" + short_hash(name);
    return name;
}

// The instance a source names, when it has a database (not an Aurora member), else null.
const DbInstance* backed_instance(const World& world, const std::string& account, const std::string& region,
                                  const std::string& identifier) {
    auto a = world.accounts.find(account);
    if (a == world.accounts.end()) return nullptr;
    auto r = a->second.find(region);
    if (r == a->second.end()) return nullptr;
    auto it = r->second.db_instances.find(identifier);
    if (it == r->second.db_instances.end() || !it->second.cluster_identifier.empty()) return nullptr;
    return &it->second;
}

// The database holding a source's data; a snapshot without one gets it now, copied from its instance.
Result<std::string> source_database(World& world, const DataSource& from) {
    const DbInstance* instance = backed_instance(world, from.instance_account, from.instance_region, from.instance_identifier);
    std::string instance_db = instance_database(world, from.instance_account, from.instance_region, from.instance_identifier);
    if (!from.snapshot_id.empty()) {
        std::string name = snapshot_database(world, from.account, from.region, from.snapshot_id);
        auto exists = world.postgres->exists(name);
        if (!exists) return exists.error();
        if (*exists) return name;
        if (instance == nullptr)
            return make_error(ErrorKind::NotFound, fmt::format("PostgreSQL: snapshot {} has no database, and neither has its instance {}",
                                                               from.snapshot_id, from.instance_identifier), "postgres");
        if (auto s = world.postgres->copy(instance_db, name); !s) return s.error();
        return name;
    }
    if (instance == nullptr)
        return make_error(ErrorKind::NotFound, fmt::format("PostgreSQL: instance {} has no database", from.instance_identifier), "postgres");
    return instance_db;
}

// Points an instance's endpoint and DBName at its database.
void point_at_database(const World& world, const RegionState& state, DbInstance& db) {
    db.endpoint_host = world.postgres->host();
    db.port = world.postgres->port();
    db.db_name = instance_database(world, state.account_id, state.region, db.identifier);
}

}  // namespace

std::string instance_database(const World& world, const std::string& account, const std::string& region, const std::string& identifier) {
    return database_name(world, "db", account, region, identifier);
}

std::string snapshot_database(const World& world, const std::string& account, const std::string& region, const std::string& snapshot_id) {
    return database_name(world, "snap", account, region, snapshot_id);
}

DataSource snapshot_source(const RegionState& state, const DbSnapshot& snapshot) {
    DataSource s{state.account_id, state.region, snapshot.identifier, state.account_id, state.region, snapshot.instance_identifier};
    if (snapshot.source_snapshot.rfind("arn:", 0) == 0) {
        s.instance_account = account_of(snapshot.source_snapshot);
        s.instance_region = region_of(snapshot.source_snapshot);
    }
    return s;
}

DataSource recovery_point_source(const RegionState& state, const std::string& point_arn, const std::string& resource_arn) {
    return DataSource{state.account_id, state.region, point_snapshot_id(point_arn), account_of(resource_arn), region_of(resource_arn),
                      resource_name_of(resource_arn)};
}

DataSource instance_source(const RegionState& state, const std::string& identifier) {
    return DataSource{state.account_id, state.region, "", state.account_id, state.region, identifier};
}

std::string point_snapshot_id(const std::string& point_arn) {
    auto at = point_arn.find(":snapshot:");
    return at == std::string::npos ? std::string() : point_arn.substr(at + 10);
}

Status attach_postgres(World& world, std::shared_ptr<PgServer> server) {
    if (auto dropped = server->drop_all_starting_with(kSimDatabasePrefix); !dropped) return dropped.error();
    world.postgres = std::move(server);
    for (auto& [account, regions] : world.accounts) {
        for (auto& [region, state] : regions) {
            for (auto& [id, db] : state.db_instances) {
                if (!db.cluster_identifier.empty()) continue;
                point_at_database(world, state, db);
                if (auto s = world.postgres->create(db.db_name); !s) return s.error();
                if (!db.sample_data) continue;
                if (auto s = world.postgres->run(db.db_name, sample_data_sql()); !s) return s.error();
            }
        }
    }
    return ok_status();
}

Status restore_database(World& world, const RegionState& state, DbInstance& db, const DataSource& from) {
    if (!world.postgres) return ok_status();
    auto source = source_database(world, from);
    if (!source) return source.error();
    point_at_database(world, state, db);
    return world.postgres->copy(*source, db.db_name);
}

Status snapshot_data(World& world, const RegionState& state, const std::string& snapshot_id, const DataSource& from) {
    if (!world.postgres) return ok_status();
    auto source = source_database(world, from);
    if (!source) return source.error();
    return world.postgres->copy(*source, snapshot_database(world, state.account_id, state.region, snapshot_id));
}

Status drop_instance_database(World& world, const RegionState& state, const DbInstance& db) {
    if (!world.postgres || !db.cluster_identifier.empty()) return ok_status();
    return world.postgres->drop(instance_database(world, state.account_id, state.region, db.identifier));
}

Status drop_snapshot_database(World& world, const RegionState& state, const std::string& snapshot_id) {
    if (!world.postgres || snapshot_id.empty()) return ok_status();
    return world.postgres->drop(snapshot_database(world, state.account_id, state.region, snapshot_id));
}

std::string sample_data_sql() {
    return fmt::format(R"sql(
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL
);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers,
    total_cents bigint NOT NULL,
    placed_at timestamptz NOT NULL
);
CREATE TABLE events (
    id bigint PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES orders,
    kind text NOT NULL,
    at timestamptz NOT NULL
);
INSERT INTO customers
    SELECT g, 'customer' || g || '@example.com', timestamptz '2024-01-01 00:00Z' + g * interval '1 hour'
    FROM generate_series(1, {0}) g;
INSERT INTO orders
    SELECT g, 1 + (g * 7) % {0}, 500 + (g * 37) % 20000, timestamptz '2024-01-02 00:00Z' + g * interval '10 minutes'
    FROM generate_series(1, {1}) g;
INSERT INTO events
    SELECT g, 1 + g % {1}, (ARRAY['created', 'paid', 'shipped', 'delivered'])[1 + g % 4],
           timestamptz '2024-01-02 00:00Z' + g * interval '1 minute'
    FROM generate_series(1, {2}) g;
)sql",
                       kSampleCustomers, kSampleOrders, kSampleEvents);
}

}  // namespace vd::sim
