// A throw-away PostgreSQL cluster on a loopback port for the SQL checks:
// initdb into a temporary folder (as the postgres user when run as root),
// trust authentication, stopped and removed at the end.
#pragma once

#include <memory>
#include <string>

#include "backend/core/result.hpp"

namespace vd::test {

class PgCluster {
public:
    ~PgCluster();
    int port() const { return port_; }
    const std::string& host() const { return host_; }
    // Runs SQL as the superuser in a database; an error with the server's message.
    Status exec(const std::string& database, const std::string& sql) const;
    // The first column of the first row of a query as the superuser, as text.
    Result<std::string> value(const std::string& database, const std::string& sql) const;
    // "host=127.0.0.1 port=N user=postgres dbname=postgres".
    std::string conninfo() const;

    // Starts a cluster; an error says why (no PostgreSQL installed, initdb failed).
    static Result<std::unique_ptr<PgCluster>> start();

private:
    PgCluster() = default;
    std::string bin_;
    std::string root_;  // the temporary folder
    std::string dir_;   // the data folder inside it
    std::string host_ = "127.0.0.1";
    int port_ = 0;
    bool as_postgres_ = false;
};

}  // namespace vd::test
