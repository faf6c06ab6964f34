#include "backend/sim/pg_server.hpp"

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "backend/core/text.hpp"

namespace vd::sim {
namespace {

// SQLSTATE object_in_use: CREATE DATABASE ... TEMPLATE while others use the
// template (the server has already waited 5 s for them to leave).
constexpr const char* kObjectInUse = "55006";
// How often a copy tries again, 100 ms apart, once it has ended those sessions.
constexpr int kTriesAfterEndingSessions = 20;

Error pg_error(const std::string& message) { return make_error(ErrorKind::Network, "PostgreSQL: " + message, "postgres"); }

// "host=H port=P user=U dbname=D" of a connection, never its password.
std::string describe(PGconn* conn) {
    std::string out;
    PQconninfoOption* options = PQconninfo(conn);
    for (PQconninfoOption* o = options; o != nullptr && o->keyword != nullptr; ++o) {
        std::string key = o->keyword;
        if (o->val == nullptr || o->val[0] == '\0') continue;
        if (key == "host" || key == "hostaddr" || key == "port" || key == "user" || key == "dbname")
            out += (out.empty() ? "" : " ") + key + "=" + o->val;
    }
    PQconninfoFree(options);
    return out;
}

// Opens a connection to `database` (empty: the conninfo's own) on the conninfo's server.
PGconn* open(const std::string& conninfo, const std::string& database) {
    std::vector<const char*> keys{"dbname"};
    std::vector<const char*> values{conninfo.c_str()};
    if (!database.empty()) {
        keys.push_back("dbname");
        values.push_back(database.c_str());
    }
    keys.push_back("application_name");
    values.push_back("vaultdeck-sim");
    keys.push_back(nullptr);
    values.push_back(nullptr);
    return PQconnectdbParams(keys.data(), values.data(), 1);
}

// The outcome of one statement: ok, or the server's message and SQLSTATE.
struct Outcome {
    bool ok = false;
    std::string message;
    std::string sqlstate;
    std::vector<std::string> first_column;
};

Outcome exec(PGconn* conn, const std::string& sql, const std::vector<std::string>& params = {}) {
    std::vector<const char*> values;
    for (const auto& p : params) values.push_back(p.c_str());
    PGresult* r = params.empty() ? PQexec(conn, sql.c_str())
                                 : PQexecParams(conn, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    Outcome out;
    auto status = PQresultStatus(r);
    out.ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!out.ok) {
        out.message = one_line(r != nullptr ? PQresultErrorMessage(r) : PQerrorMessage(conn));
        if (out.message.empty()) out.message = one_line(PQerrorMessage(conn));
        const char* state = r != nullptr ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
        out.sqlstate = state != nullptr ? state : "";
    } else if (status == PGRES_TUPLES_OK) {
        for (int i = 0; i < PQntuples(r); ++i) out.first_column.emplace_back(PQgetvalue(r, i, 0));
    }
    PQclear(r);
    return out;
}

class LibpqServer final : public PgServer {
public:
    LibpqServer(std::string conninfo, PGconn* conn) : conninfo_(std::move(conninfo)), conn_(conn) {
        host_ = PQhost(conn_) != nullptr ? PQhost(conn_) : "";
        port_ = PQport(conn_) != nullptr ? std::atoi(PQport(conn_)) : 0;
    }
    ~LibpqServer() override { PQfinish(conn_); }
    LibpqServer(const LibpqServer&) = delete;
    LibpqServer& operator=(const LibpqServer&) = delete;

    std::string host() const override { return host_; }
    int port() const override { return port_; }

    Result<bool> exists(const std::string& database) override {
        std::lock_guard<std::mutex> lock(mu_);
        auto r = admin("SELECT 1 FROM pg_database WHERE datname = $1", {database});
        if (!r.ok) return pg_error(r.message);
        return !r.first_column.empty();
    }

    Status copy(const std::string& from, const std::string& to) override {
        std::lock_guard<std::mutex> lock(mu_);
        std::string sql = fmt::format("CREATE DATABASE {} TEMPLATE {}", quote_identifier(to), quote_identifier(from));
        for (int attempt = 0;; ++attempt) {
            auto r = admin(sql);
            if (r.ok) return ok_status();
            if (r.sqlstate != kObjectInUse || attempt > kTriesAfterEndingSessions)
                return pg_error(fmt::format("cannot copy database {} to {}: {}", from, to, r.message));
            if (attempt == 0) {
                auto t = admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", {from});
                if (!t.ok) return pg_error(fmt::format("cannot end the sessions on {}: {}", from, t.message));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    Status create(const std::string& database) override {
        std::lock_guard<std::mutex> lock(mu_);
        auto r = admin("CREATE DATABASE " + quote_identifier(database));
        if (!r.ok) return pg_error(fmt::format("cannot create database {}: {}", database, r.message));
        return ok_status();
    }

    Status drop(const std::string& database) override {
        std::lock_guard<std::mutex> lock(mu_);
        return drop_locked(database);
    }

    Status run(const std::string& database, const std::string& sql) override {
        PGconn* conn = open(conninfo_, database);
        if (PQstatus(conn) != CONNECTION_OK) {
            std::string why = one_line(PQerrorMessage(conn));
            PQfinish(conn);
            return pg_error(fmt::format("cannot connect to database {}: {}", database, why));
        }
        auto r = exec(conn, sql);
        PQfinish(conn);
        if (!r.ok) return pg_error(fmt::format("in database {}: {}", database, r.message));
        return ok_status();
    }

    Result<int> drop_all_starting_with(const std::string& prefix) override {
        std::lock_guard<std::mutex> lock(mu_);
        auto r = admin("SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname", {prefix});
        if (!r.ok) return pg_error(r.message);
        for (const auto& name : r.first_column) {
            if (auto s = drop_locked(name); !s) return s.error();
        }
        return static_cast<int>(r.first_column.size());
    }

private:
    // Runs a statement on the admin connection, reconnecting once if it was lost.
    Outcome admin(const std::string& sql, const std::vector<std::string>& params = {}) {
        if (PQstatus(conn_) != CONNECTION_OK) PQreset(conn_);
        if (PQstatus(conn_) != CONNECTION_OK) return Outcome{false, "connection lost: " + one_line(PQerrorMessage(conn_)), "", {}};
        return exec(conn_, sql, params);
    }

    Status drop_locked(const std::string& database) {
        auto r = admin(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", quote_identifier(database)));
        if (!r.ok) return pg_error(fmt::format("cannot drop database {}: {}", database, r.message));
        return ok_status();
    }

    std::mutex mu_;
    std::string conninfo_;
    PGconn* conn_;
    std::string host_;
    int port_ = 0;
};

}  // namespace

std::string quote_identifier(const std::string& name) {
    std::string out = "\"";
    for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

Result<std::shared_ptr<PgServer>> connect_pg_server(const std::string& conninfo) {
    PGconn* conn = open(conninfo, "");
    if (conn == nullptr) return make_error(ErrorKind::Internal, "libpq could not allocate a connection");
    if (PQstatus(conn) != CONNECTION_OK) {
        std::string where = describe(conn);
        std::string why = one_line(PQerrorMessage(conn));
        PQfinish(conn);
        return pg_error(where.empty() ? "cannot connect: " + why : fmt::format("cannot connect to {}: {}", where, why));
    }
    auto r = exec(conn, "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user");
    if (!r.ok || r.first_column.empty() || r.first_column.front() != "t") {
        std::string where = describe(conn);
        PQfinish(conn);
        return pg_error(fmt::format("the user of {} may not create databases (needs CREATEDB)", where));
    }
    return std::shared_ptr<PgServer>(std::make_shared<LibpqServer>(conninfo, conn));
}

}  // namespace vd::sim
