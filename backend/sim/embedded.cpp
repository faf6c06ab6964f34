#include "backend/sim/embedded.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

#include "backend/sim/http_server.hpp"
#include "backend/sim/pg_server.hpp"
#include "backend/sim/recorder.hpp"
#include "backend/sim/sim_clock.hpp"
#include "backend/sim/simulator.hpp"

namespace vd::sim {

struct EmbeddedSimulator::Impl {
    SimOptions options;
    std::unique_ptr<Simulator> simulator;
    std::unique_ptr<HttpServer> server;
    std::shared_ptr<ResponseRecorder> recorder;
    int port = 0;
    std::thread ticker;
    std::mutex mu;
    std::condition_variable wake;
    bool stopping = false;
};

EmbeddedSimulator::EmbeddedSimulator(SimOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = std::move(options); }

EmbeddedSimulator::~EmbeddedSimulator() { stop(); }

Result<int> EmbeddedSimulator::start() {
    if (impl_->simulator) return make_error(ErrorKind::Internal, "the simulator is already started");
    const SimOptions& o = impl_->options;
    if (!(o.speed > 0) || o.speed > 1e6) return make_error(ErrorKind::InvalidInput, "--speed must be a number above 0 and at most 1000000");
    if (o.port < 0 || o.port > 65535) return make_error(ErrorKind::InvalidInput, "--port must be from 0 to 65535");
    auto faults = parse_faults(o.faults);
    if (!faults) return faults.error();
    SimulatorConfig config;
    config.scenario = o.scenario;
    config.seed = o.seed;
    config.scale = o.scale;
    config.wall_clock = o.wall_clock ? o.wall_clock : system_clock();
    config.sim_clock = std::make_shared<SimClock>(config.wall_clock, o.speed, o.start_time.value_or(config.wall_clock->now()));
    config.faults = *faults;
    config.access_key = o.access_key;
    config.secret_key = o.secret_key;
    config.verify_signatures = o.verify_signatures;
    if (!o.record_path.empty()) {
        auto recorder = ResponseRecorder::open(o.record_path);
        if (!recorder) return recorder.error();
        impl_->recorder = *recorder;
        config.on_response = [rec = impl_->recorder](const WireResponse& r) { rec->record(r); };
    }
    if (!o.postgres.empty()) {
        auto server = connect_pg_server(o.postgres);
        if (!server) return server.error();
        config.postgres = *server;
    }
    auto simulator = Simulator::create(std::move(config));
    if (!simulator) return simulator.error();
    auto server = make_http_server(**simulator, o.threads);
    auto port = server->bind(o.port);
    if (!port) return port.error();
    impl_->simulator = std::move(*simulator);
    impl_->server = std::move(server);
    impl_->port = *port;
    impl_->server->serve();
    impl_->stopping = false;
    impl_->ticker = std::thread([impl = impl_.get()] {
        std::unique_lock<std::mutex> lock(impl->mu);
        while (!impl->stopping) {
            impl->wake.wait_for(lock, std::chrono::seconds(1));
            if (impl->stopping) break;
            lock.unlock();
            impl->simulator->tick();
            lock.lock();
        }
    });
    return impl_->port;
}

void EmbeddedSimulator::stop() {
    {
        std::lock_guard<std::mutex> lock(impl_->mu);
        impl_->stopping = true;
    }
    impl_->wake.notify_all();
    if (impl_->ticker.joinable()) impl_->ticker.join();
    if (impl_->server) impl_->server->stop();
}

int EmbeddedSimulator::port() const { return impl_->port; }

std::string EmbeddedSimulator::endpoint_url() const { return "http://127.0.0.1:" + std::to_string(impl_->port); }

Simulator* EmbeddedSimulator::simulator() { return impl_->simulator.get(); }

std::vector<PlantedProblem> EmbeddedSimulator::planted() const {
    return impl_->simulator ? impl_->simulator->planted() : std::vector<PlantedProblem>{};
}

}  // namespace vd::sim
