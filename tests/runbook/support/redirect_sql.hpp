// A SqlRunner for tests: real libpq and real SQL, but every connection the
// engine opens to a (simulated) RDS endpoint goes to the local throw-away
// PostgreSQL instead, into the database mapped to that instance.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "backend/runbook/sql_runner.hpp"
#include "pg_cluster.hpp"

namespace vd::test {

class RedirectingSqlRunner final : public runbook::SqlRunner {
public:
    RedirectingSqlRunner(const PgCluster& pg, std::string default_database)
        : pg_(pg), default_database_(std::move(default_database)), inner_(runbook::make_libpq_runner()) {}

    // Connections to this instance's endpoint use this database.
    void map(const std::string& instance, const std::string& database) { databases_[instance] = database; }
    // The endpoints the engine asked for, in order.
    const std::vector<std::string>& hosts() const { return hosts_; }

    Result<std::unique_ptr<runbook::SqlSession>> connect(const runbook::ConnectionParams& p) override {
        hosts_.push_back(p.host);
        std::string instance = p.host.substr(0, p.host.find('.'));
        runbook::ConnectionParams q = p;
        q.host = pg_.host();
        q.port = pg_.port();
        auto it = databases_.find(instance);
        q.database = it == databases_.end() ? default_database_ : it->second;
        q.user = "postgres";
        return inner_->connect(q);
    }

private:
    const PgCluster& pg_;
    std::string default_database_;
    std::shared_ptr<runbook::SqlRunner> inner_;
    std::map<std::string, std::string> databases_;
    std::vector<std::string> hosts_;
};

}  // namespace vd::test
