// The simulator's HTTP front: cpp-httplib on 127.0.0.1 with keep-alive and a
// worker pool, converting each exchange to a WireRequest and back, and
// carrying out the transport faults (latency, dropped connections,
// truncated bodies).
#pragma once

#include <memory>
#include <string>

#include "backend/core/result.hpp"
#include "backend/sim/simulator.hpp"

namespace vd::sim {

class HttpServer {
public:
    virtual ~HttpServer() = default;
    // Binds 127.0.0.1:port (0: any free port); the bound port.
    virtual Result<int> bind(int port) = 0;
    // Serves on a background thread until stop().
    virtual void serve() = 0;
    virtual void stop() = 0;
};

std::unique_ptr<HttpServer> make_http_server(Simulator& simulator, int threads);

}  // namespace vd::sim
