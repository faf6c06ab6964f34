// Runs an httplib server on a free loopback port for one test's lifetime.
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>
#include <thread>

namespace vd::aws::testdata {

class LoopbackServer {
public:
    explicit LoopbackServer(httplib::Server& server) : server_(server) {
        // stop() waits for idle keep-alive connections; keep that wait short.
        server_.set_keep_alive_timeout(1);
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ~LoopbackServer() {
        server_.stop();
        thread_.join();
    }
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    int port() const { return port_; }
    // http://127.0.0.1:PORT followed by the path.
    std::string url(const std::string& path = "/") const {
        return "http://127.0.0.1:" + std::to_string(port_) + path;
    }

private:
    httplib::Server& server_;
    int port_ = 0;
    std::thread thread_;
};

// A loopback port with nothing listening on it.
int closed_port();

}  // namespace vd::aws::testdata
