#include "sim_world.hpp"

#include <gtest/gtest.h>

#include "backend/aws/credentials_common.hpp"
#include "backend/aws/curl_transport.hpp"
#include "backend/core/time_format.hpp"
#include "backend/services/backup_client.hpp"
#include "backend/services/rds_client.hpp"
#include "backend/sim/simulator.hpp"

namespace vd::test {
namespace {

// Asks the simulator to close each connection after its answer, so that
// stopping it never waits for idle keep-alive connections to time out.
class ClosingTransport final : public aws::HttpTransport {
public:
    explicit ClosingTransport(std::shared_ptr<aws::HttpTransport> inner) : inner_(std::move(inner)) {}
    Result<aws::HttpResponse> send(const aws::HttpRequest& request) override {
        aws::HttpRequest r = request;
        r.headers.emplace_back("Connection", "close");
        return inner_->send(r);
    }

private:
    std::shared_ptr<aws::HttpTransport> inner_;
};

}  // namespace

TimePoint sim_start_time() { return *parse_time("2026-11-22T10:17:00Z"); }

std::shared_ptr<aws::AwsClient> SimWorld::client(const std::string& region, bool read_only) const {
    aws::ClientOptions o;
    o.region = region;
    o.endpoint_url = endpoint;
    o.credentials = aws::make_static_provider(aws::Credentials{"test", "test", "", std::nullopt, "test"});
    o.transport = std::make_shared<ClosingTransport>(aws::make_curl_transport());
    o.clock = clock;
    o.retry.max_attempts = 1;
    o.read_only = read_only;
    return aws::make_aws_client(o);
}

std::shared_ptr<runbook::RestoreBackend> SimWorld::backend(const std::string& region, bool read_only) const {
    runbook::ServicesBackendOptions o;
    o.backup = client(region, read_only);
    o.rds = client(region, read_only);
    o.sts = client(region, read_only);
    o.ec2 = client(region, read_only);
    o.profile = "test";
    return runbook::make_services_backend(std::move(o));
}

runbook::BackendFactory SimWorld::factory(bool read_only) const {
    return [this, read_only](const std::string& region) -> Result<std::shared_ptr<runbook::RestoreBackend>> {
        return backend(region, read_only);
    };
}

void SimWorld::advance(Seconds by) {
    clock->advance(by);
    sim->simulator()->tick();
}

std::vector<model::RestoreJob> SimWorld::restore_jobs(const std::string& region) const {
    services::BackupClient backup(client(region));
    auto jobs = backup.list_restore_jobs();
    EXPECT_TRUE(jobs.ok()) << (jobs.ok() ? "" : jobs.error().to_string());
    return jobs.ok() ? *jobs : std::vector<model::RestoreJob>{};
}

std::vector<model::DbInstance> SimWorld::db_instances(const std::string& region) const {
    services::RdsClient rds(client(region));
    auto list = rds.describe_db_instances();
    EXPECT_TRUE(list.ok()) << (list.ok() ? "" : list.error().to_string());
    return list.ok() ? *list : std::vector<model::DbInstance>{};
}

std::unique_ptr<SimWorld> start_sim_world(const std::string& scenario) {
    auto w = std::make_unique<SimWorld>();
    w->clock = std::make_shared<FixedClock>(sim_start_time());
    sim::SimOptions o;
    o.scenario = scenario;
    o.wall_clock = w->clock;
    o.start_time = sim_start_time();
    o.threads = 4;
    w->sim = std::make_unique<sim::EmbeddedSimulator>(o);
    auto port = w->sim->start();
    EXPECT_TRUE(port.ok()) << (port.ok() ? "" : port.error().to_string());
    if (!port.ok()) return nullptr;
    w->endpoint = w->sim->endpoint_url();
    return w;
}

}  // namespace vd::test
