#include "backend/runbook/sql_runner.hpp"

#include <vector>

#include <arpa/inet.h>

#include <fmt/format.h>
#include <libpq-fe.h>

#include "backend/core/text.hpp"

namespace vd::runbook {
namespace {

// One libpq connection, closed with the session.
class PqSession final : public SqlSession {
public:
    explicit PqSession(PGconn* conn) : conn_(conn) {}
    ~PqSession() override { PQfinish(conn_); }
    PqSession(const PqSession&) = delete;
    PqSession& operator=(const PqSession&) = delete;

    // Runs a statement whose result is not needed.
    Status exec(const char* sql) {
        PGresult* r = PQexec(conn_, sql);
        bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
        std::string err = ok ? std::string() : one_line(PQresultErrorMessage(r));
        PQclear(r);
        if (!ok) return make_error(ErrorKind::Network, err, "sql");
        return ok_status();
    }

    Result<std::string> query_value(const std::string& sql) override {
        PGresult* r = PQexec(conn_, sql.c_str());
        if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            std::string err = one_line(PQresultErrorMessage(r));
            if (err.empty()) err = "the query returned no rows";
            PQclear(r);
            return make_error(ErrorKind::InvalidInput, err, "sql");
        }
        if (PQntuples(r) < 1 || PQnfields(r) < 1) {
            PQclear(r);
            return make_error(ErrorKind::InvalidInput, "the query returned no value", "sql");
        }
        std::string v = PQgetisnull(r, 0, 0) ? "NULL" : PQgetvalue(r, 0, 0);
        PQclear(r);
        return v;
    }

private:
    PGconn* conn_;
};

class PqRunner final : public SqlRunner {
public:
    Result<std::unique_ptr<SqlSession>> connect(const ConnectionParams& p) override {
        std::vector<const char*> keys;
        std::vector<const char*> values;
        std::string port = p.port > 0 ? std::to_string(p.port) : std::string();
        std::string timeout = std::to_string(p.connect_timeout_seconds);
        auto add = [&](const char* k, const std::string& v) {
            if (v.empty()) return;
            keys.push_back(k);
            values.push_back(v.c_str());
        };
        add("host", p.host);
        add("port", port);
        add("dbname", p.database);
        add("user", p.user);
        add("sslmode", p.sslmode);
        add("connect_timeout", timeout);
        add("application_name", "vaultdeck-check");
        keys.push_back(nullptr);
        values.push_back(nullptr);
        PGconn* conn = PQconnectdbParams(keys.data(), values.data(), 0);
        if (conn == nullptr) return make_error(ErrorKind::Internal, "libpq could not allocate a connection", "sql");
        if (PQstatus(conn) != CONNECTION_OK) {
            std::string err = one_line(PQerrorMessage(conn));
            PQfinish(conn);
            return make_error(ErrorKind::Network, fmt::format("cannot connect ({}): {}", describe_connection(p), err), "sql");
        }
        auto session = std::make_unique<PqSession>(conn);
        if (auto s = session->exec("SET default_transaction_read_only = on"); !s) return s.error();
        if (auto s = session->exec("SET statement_timeout = 300000"); !s) return s.error();
        return std::unique_ptr<SqlSession>(std::move(session));
    }
};

// Refuses connections to anything but this machine.
class LoopbackOnlyRunner final : public SqlRunner {
public:
    explicit LoopbackOnlyRunner(std::shared_ptr<SqlRunner> inner) : inner_(std::move(inner)) {}
    Result<std::unique_ptr<SqlSession>> connect(const ConnectionParams& p) override {
        if (!is_loopback_host(p.host))
            return make_error(ErrorKind::InvalidInput,
                              fmt::format("not connecting to {}: against the simulator, checks only reach databases on this "
                                          "machine (the simulator's --postgres)", p.host.empty() ? "the default host" : p.host),
                              "sql");
        return inner_->connect(p);
    }

private:
    std::shared_ptr<SqlRunner> inner_;
};

}  // namespace

// Whether a host names this machine.
bool is_loopback_host(const std::string& host) {
    if (host == "localhost" || host == "::1" || (!host.empty() && host[0] == '/')) return true;
    in_addr a{};
    return ::inet_pton(AF_INET, host.c_str(), &a) == 1 && (ntohl(a.s_addr) >> 24) == 127;
}

// A runner limited to loopback hosts.
std::shared_ptr<SqlRunner> make_loopback_only_runner(std::shared_ptr<SqlRunner> inner) {
    return std::make_shared<LoopbackOnlyRunner>(std::move(inner));
}

// The connection in words, without secrets.
std::string describe_connection(const ConnectionParams& p) {
    std::string out;
    auto add = [&](const char* k, const std::string& v) {
        if (v.empty()) return;
        if (!out.empty()) out += ' ';
        out += fmt::format("{}={}", k, v);
    };
    add("host", p.host);
    add("port", p.port > 0 ? std::to_string(p.port) : std::string());
    add("dbname", p.database);
    add("user", p.user);
    add("sslmode", p.sslmode);
    return out.empty() ? "libpq defaults" : out;
}

// The libpq runner.
std::shared_ptr<SqlRunner> make_libpq_runner() { return std::make_shared<PqRunner>(); }

}  // namespace vd::runbook
