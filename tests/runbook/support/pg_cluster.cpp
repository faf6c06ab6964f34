#include "pg_cluster.hpp"

#include <cstdlib>
#include <filesystem>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>
#include <libpq-fe.h>

namespace vd::test {
namespace fs = std::filesystem;

namespace {

// A free TCP port on 127.0.0.1.
int free_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

// The newest installed PostgreSQL's bin folder.
std::string find_bin() {
    std::string best;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        fs::path bin = e.path() / "bin";
        if (fs::exists(bin / "initdb") && bin.string() > best) best = bin.string();
    }
    return best;
}

}  // namespace

PgCluster::~PgCluster() {
    if (root_.empty()) return;
    std::string prefix = as_postgres_ ? "runuser -u postgres -- " : "";
    std::string cmd = fmt::format("{}{}/pg_ctl -D {} -m immediate -w stop >/dev/null 2>&1", prefix, bin_, dir_);
    (void)std::system(cmd.c_str());
    std::error_code ec;
    fs::remove_all(root_, ec);
}

Status PgCluster::exec(const std::string& database, const std::string& sql) const {
    auto v = value(database, sql);
    if (!v) return v.error();
    return ok_status();
}

Result<std::string> PgCluster::value(const std::string& database, const std::string& sql) const {
    std::string conninfo = fmt::format("host={} port={} user=postgres dbname={} connect_timeout=5", host_, port_, database);
    PGconn* c = PQconnectdb(conninfo.c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        std::string err = PQerrorMessage(c);
        PQfinish(c);
        return make_error(ErrorKind::Network, err);
    }
    PGresult* r = PQexec(c, sql.c_str());
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
    std::string err = ok ? "" : PQresultErrorMessage(r);
    std::string out = ok && PQntuples(r) > 0 && PQnfields(r) > 0 ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
    PQfinish(c);
    if (!ok) return make_error(ErrorKind::InvalidInput, err);
    return out;
}

std::string PgCluster::conninfo() const { return fmt::format("host={} port={} user=postgres dbname=postgres", host_, port_); }

Result<std::unique_ptr<PgCluster>> PgCluster::start() {
    std::unique_ptr<PgCluster> pg(new PgCluster());
    pg->bin_ = find_bin();
    if (pg->bin_.empty()) return make_error(ErrorKind::NotFound, "PostgreSQL is not installed (apt-get install postgresql)");
    char tmpl[] = "/tmp/vd-pg-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) return make_error(ErrorKind::Internal, "mkdtemp failed");
    pg->root_ = tmpl;
    pg->dir_ = pg->root_ + "/data";
    pg->as_postgres_ = ::geteuid() == 0;
    std::string prefix;
    if (pg->as_postgres_) {
        const passwd* pw = ::getpwnam("postgres");
        if (pw == nullptr) return make_error(ErrorKind::NotFound, "running as root but there is no postgres user");
        if (::chown(pg->root_.c_str(), pw->pw_uid, pw->pw_gid) != 0) return make_error(ErrorKind::Internal, "chown failed");
        prefix = "runuser -u postgres -- ";
    }
    pg->port_ = free_port();
    std::string init = fmt::format("{}{}/initdb -D {} -U postgres --auth=trust -E UTF8 --no-sync >{}/initdb.log 2>&1",
                                   prefix, pg->bin_, pg->dir_, pg->root_);
    if (std::system(init.c_str()) != 0) return make_error(ErrorKind::Internal, "initdb failed, see " + pg->root_ + "/initdb.log");
    std::string start = fmt::format(
        "{}{}/pg_ctl -D {} -w -t 30 -l {}/server.log -o \"-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null 2>&1",
        prefix, pg->bin_, pg->dir_, pg->dir_, pg->port_, pg->dir_);
    if (std::system(start.c_str()) != 0) return make_error(ErrorKind::Internal, "pg_ctl start failed, see " + pg->dir_ + "/server.log");
    return pg;
}

}  // namespace vd::test
