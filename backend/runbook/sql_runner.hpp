// Runs the SQL checks: one connection to an instance's endpoint, and single
// values read from queries. Credentials are found the libpq way (PGPASSWORD,
// ~/.pgpass, PGSSLMODE, PGUSER...); vaultdeck never stores a password.
// Every session is read-only: a check can never change the data it checks.
#pragma once

#include <memory>
#include <string>

#include "backend/core/result.hpp"

namespace vd::runbook {

// Where to connect; empty fields are left to libpq's environment defaults.
struct ConnectionParams {
    std::string host;
    int port = 0;
    std::string database;
    std::string user;
    std::string sslmode;
    int connect_timeout_seconds = 10;
};

// "host=H port=P dbname=D user=U" for messages (never a password).
std::string describe_connection(const ConnectionParams& p);

class SqlSession {
public:
    virtual ~SqlSession() = default;
    // The first column of the first row, as text ("NULL" for a null).
    virtual Result<std::string> query_value(const std::string& sql) = 0;
};

class SqlRunner {
public:
    virtual ~SqlRunner() = default;
    // Opens a read-only session.
    virtual Result<std::unique_ptr<SqlSession>> connect(const ConnectionParams& params) = 0;
};

// The libpq implementation.
std::shared_ptr<SqlRunner> make_libpq_runner();

// Wraps a runner so that it connects only to loopback hosts (127.0.0.0/8,
// ::1, localhost, a Unix socket folder): for the demo and the simulator,
// whose instances must never send a check to a real address.
std::shared_ptr<SqlRunner> make_loopback_only_runner(std::shared_ptr<SqlRunner> inner);

// Whether a host names this machine.
bool is_loopback_host(const std::string& host);

}  // namespace vd::runbook
