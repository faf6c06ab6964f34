#include "backend/sim/http_server.hpp"

#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <chrono>
#include <thread>

#include <httplib.h>

namespace vd::sim {
namespace {

// Port of a socket address (IPv4 or IPv6), or -1.
int port_of(const sockaddr_storage& a) {
    if (a.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(a).sin_port);
    if (a.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(a).sin6_port);
    return -1;
}

// Drops the connection of a request: finds its socket by the two ports and
// shuts it down with a zero linger, so the client sees a reset.
void drop_connection(int local_port, int remote_port) {
    DIR* dir = opendir("/proc/self/fd");
    if (dir == nullptr) return;
    while (dirent* entry = readdir(dir)) {
        int fd = std::atoi(entry->d_name);
        if (fd <= 2) continue;
        sockaddr_storage local{}, remote{};
        socklen_t ll = sizeof local, rl = sizeof remote;
        if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &ll) != 0) continue;
        if (getpeername(fd, reinterpret_cast<sockaddr*>(&remote), &rl) != 0) continue;
        if (port_of(local) != local_port || port_of(remote) != remote_port) continue;
        linger l{1, 0};
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        shutdown(fd, SHUT_RDWR);
        break;
    }
    closedir(dir);
}

// Headers httplib adds to requests itself (not sent by the client).
bool added_by_httplib(const std::string& name) {
    return name == "REMOTE_ADDR" || name == "REMOTE_PORT" || name == "LOCAL_ADDR" || name == "LOCAL_PORT";
}

class HttplibServer final : public HttpServer {
public:
    HttplibServer(Simulator& simulator, int threads) : simulator_(simulator) {
        size_t n = threads > 0 ? static_cast<size_t>(threads) : 32;
        server_.new_task_queue = [n] { return new httplib::ThreadPool(n); };
        server_.set_keep_alive_max_count(10000);
        server_.set_keep_alive_timeout(10);
        server_.set_payload_max_length(16 * 1024 * 1024);
        // Answers go out as header and body writes; without TCP_NODELAY the
        // second write of a kept-alive connection waits for a delayed ACK.
        // Accepted sockets inherit the option from the listening one.
        server_.set_socket_options([this](int sock) {
            httplib::default_socket_options(sock);
            int on = 1;
            setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            listening_socket_ = sock;
        });
        auto handler = [this](const httplib::Request& req, httplib::Response& res) { answer(req, res); };
        // Any path at all, newlines included: the simulator answers every
        // request in the service's own format, never with httplib's empty 404.
        const char* any = R"([\s\S]*)";
        server_.Get(any, handler);
        server_.Put(any, handler);
        server_.Post(any, handler);
        server_.Delete(any, handler);
        server_.Patch(any, handler);
        server_.Options(any, handler);
    }

    ~HttplibServer() override { stop(); }

    Result<int> bind(int port) override {
        bool ok = port == 0 ? (port_ = server_.bind_to_any_port("127.0.0.1")) > 0 : server_.bind_to_port("127.0.0.1", port);
        if (!ok) return make_error(ErrorKind::Network, "cannot listen on 127.0.0.1:" + std::to_string(port));
        if (port != 0) port_ = port;
        // httplib listens with a backlog of 5: a client that opens more
        // connections at once (the poller opens 8 per region) has its extra
        // SYNs dropped and waits a second for the retransmit. Listening again
        // on the bound socket raises the backlog.
        if (listening_socket_ >= 0) ::listen(listening_socket_, SOMAXCONN);
        return port_;
    }

    // Returns once the accept loop runs: httplib's stop() does nothing before
    // that, and a stop in the gap (SIGTERM right after "listening on") left
    // the loop running and the join waiting forever.
    void serve() override {
        thread_ = std::thread([this] { server_.listen_after_bind(); });
        for (int i = 0; i < 5000 && !server_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }

    void stop() override {
        server_.stop();
        if (thread_.joinable()) thread_.join();
    }

private:
    int listening_socket_ = -1;

    void answer(const httplib::Request& req, httplib::Response& res) {
        WireRequest w;
        w.method = req.method;
        std::string target = req.target.empty() ? req.path : req.target;
        auto q = target.find('?');
        w.path = target.substr(0, q);
        if (q != std::string::npos) w.query = target.substr(q + 1);
        for (const auto& [k, v] : req.headers) {
            if (!added_by_httplib(k)) w.headers.emplace_back(k, v);
        }
        w.body = req.body;
        WireResponse r = simulator_.handle(w);
        if (r.delay.count() > 0) std::this_thread::sleep_for(r.delay);
        if (r.fault == WireFault::Reset) {
            drop_connection(req.local_port, req.remote_port);
            res.status = 500;
            return;
        }
        res.status = r.status;
        std::string type = "application/octet-stream";
        for (const auto& [k, v] : r.headers) {
            if (strcasecmp(k.c_str(), "content-type") == 0) {
                type = v;
            } else {
                res.set_header(k.c_str(), v);
            }
        }
        if (r.fault == WireFault::Truncate && r.body.size() > 1) {
            auto body = std::make_shared<std::string>(std::move(r.body));
            res.set_content_provider(body->size(), type, [body](size_t offset, size_t, httplib::DataSink& sink) {
                if (offset > 0) return false;
                sink.write(body->data(), body->size() / 2);
                return true;
            });
            return;
        }
        if (r.body.empty()) {
            if (r.status != 204) res.set_content(r.body, type);
            return;
        }
        // A fixed-length provider: httplib then sends the body as it is
        // instead of brotli-compressing it (seconds for a page of 1000 points).
        auto body = std::make_shared<std::string>(std::move(r.body));
        res.set_content_provider(body->size(), type, [body](size_t offset, size_t length, httplib::DataSink& sink) {
            sink.write(body->data() + offset, std::min(length, body->size() - offset));
            return true;
        });
    }

    Simulator& simulator_;
    httplib::Server server_;
    std::thread thread_;
    int port_ = 0;
};

}  // namespace

std::unique_ptr<HttpServer> make_http_server(Simulator& simulator, int threads) {
    return std::make_unique<HttplibServer>(simulator, threads);
}

}  // namespace vd::sim
