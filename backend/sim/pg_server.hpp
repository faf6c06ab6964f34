// The real PostgreSQL server behind the simulator's RDS instances (`sim
// serve --postgres CONNINFO`): one libpq connection as a user that may create
// databases, used to create, copy and drop the databases that stand for
// instances, snapshots and recovery points.
//
// Threading: every method may be called from any thread; calls are
// serialised on the one connection.
#pragma once

#include <memory>
#include <string>

#include "backend/core/result.hpp"

namespace vd::sim {

class PgServer {
public:
    virtual ~PgServer() = default;
    // Where clients connect: the server's host (or socket folder) and port.
    virtual std::string host() const = 0;
    virtual int port() const = 0;
    // Whether a database of that name exists.
    virtual Result<bool> exists(const std::string& database) = 0;
    // Creates `to` as a copy of `from` (CREATE DATABASE ... TEMPLATE); other
    // sessions on `from` are waited for (the server waits 5 s), then ended.
    virtual Status copy(const std::string& from, const std::string& to) = 0;
    // Creates an empty database.
    virtual Status create(const std::string& database) = 0;
    // Drops a database if it exists, ending its sessions.
    virtual Status drop(const std::string& database) = 0;
    // Runs SQL (one or more statements) in a database.
    virtual Status run(const std::string& database, const std::string& sql) = 0;
    // Drops every database whose name starts with the prefix; how many.
    virtual Result<int> drop_all_starting_with(const std::string& prefix) = 0;
};

// Connects to the server named by a libpq conninfo ("host=127.0.0.1
// port=5432 user=postgres dbname=postgres" or a postgresql:// URI); the
// error is one line that names the server and says why.
Result<std::shared_ptr<PgServer>> connect_pg_server(const std::string& conninfo);

// A PostgreSQL identifier in double quotes.
std::string quote_identifier(const std::string& name);

}  // namespace vd::sim
