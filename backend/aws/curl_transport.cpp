// Threading: each thread that sends gets its own libcurl easy handle (kept
// in a thread_local and reset between requests, which keeps its connection
// cache), so the transport object itself holds no mutable state.
#include "backend/aws/curl_transport.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>

#include "backend/aws/url.hpp"

namespace vd::aws {
namespace {

// Initializes libcurl once per process.
void init_curl_once() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// The easy handle of the calling thread, created on first use.
CURL* thread_handle() {
    struct Handle {
        CURL* curl = curl_easy_init();
        ~Handle() {
            if (curl) curl_easy_cleanup(curl);
        }
    };
    thread_local Handle handle;
    return handle.curl;
}

// Collects the response of one transfer.
struct Collector {
    HttpResponse response;
};

// Appends body bytes.
size_t on_body(char* data, size_t size, size_t count, void* user) {
    static_cast<Collector*>(user)->response.body.append(data, size * count);
    return size * count;
}

// Records one header line (a new status line starts a fresh header set).
size_t on_header(char* data, size_t size, size_t count, void* user) {
    auto* c = static_cast<Collector*>(user);
    std::string_view line(data, size * count);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (line.substr(0, 5) == "HTTP/") {
        c->response.headers.clear();
    } else if (size_t colon = line.find(':'); colon != std::string_view::npos && colon > 0) {
        std::string name(line.substr(0, colon));
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
        c->response.headers.emplace_back(std::move(name), std::string(value));
    }
    return size * count;
}

// Turns a libcurl failure into an Error that names the host, never the query.
Error transport_error(CURLcode code, const char* detail, const UrlParts& url) {
    std::string where = url.host_header();
    std::string why = detail && *detail ? detail : curl_easy_strerror(code);
    Error e;
    e.retryable = true;
    e.kind = ErrorKind::Network;
    e.code = "NetworkError";
    switch (code) {
        case CURLE_OPERATION_TIMEDOUT:
            e.kind = ErrorKind::Timeout;
            e.code = "RequestTimeout";
            e.message = "timed out talking to " + where + ": " + why;
            return e;
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
            e.message = "could not resolve " + where + ": " + why;
            return e;
        case CURLE_COULDNT_CONNECT:
            // curl's detail repeats the host and adds the elapsed time; its
            // plain text reads the same for every kind that failed alike.
            e.message = "could not connect to " + where + ": " + curl_easy_strerror(code);
            return e;
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_ISSUER_ERROR:
            e.retryable = false;  // trying again cannot fix a certificate
            e.code = "TlsError";
            e.message = "TLS verification failed for " + where + ": " + why +
                        " (set AWS_CA_BUNDLE to a CA file that signs this endpoint)";
            return e;
        case CURLE_URL_MALFORMAT:
        case CURLE_UNSUPPORTED_PROTOCOL:
            e.kind = ErrorKind::InvalidInput;
            e.retryable = false;
            e.code = "BadEndpoint";
            e.message = "cannot send to " + where + ": " + why;
            return e;
        default:
            e.message = "connection to " + where + " failed: " + why;
            return e;
    }
}

// The CA bundle to use: the options, then AWS_CA_BUNDLE, else the system store.
std::string ca_bundle_for(const CurlOptions& options) {
    if (!options.ca_bundle.empty()) return options.ca_bundle;
    const char* env = std::getenv("AWS_CA_BUNDLE");
    return env ? std::string(env) : std::string{};
}

class CurlTransport final : public HttpTransport {
public:
    explicit CurlTransport(CurlOptions options) : options_(std::move(options)) {}

    // Sends one request on this thread's handle.
    Result<HttpResponse> send(const HttpRequest& request) override {
        auto url = parse_url(request.url);
        if (!url) {
            Error e = make_error(ErrorKind::InvalidInput, "not an http(s) URL: " + redacted_origin(request.url),
                                 "BadEndpoint");
            return e;
        }
        if (url->scheme == "http" && !options_.allow_plain_http && !is_loopback_host(url->host)) {
            return make_error(ErrorKind::InvalidInput,
                              "refusing plain http to " + url->host_header() +
                                  ": only loopback endpoints may use http (use https)",
                              "PlainHttpRefused");
        }
        CURL* curl = thread_handle();
        if (!curl) return make_error(ErrorKind::Internal, "libcurl could not create a handle");
        curl_easy_reset(curl);

        Collector collector;
        char error_buffer[CURL_ERROR_SIZE] = {};
        curl_slist* headers = nullptr;
        for (const auto& [name, value] : request.headers) {
            std::string line = value.empty() ? name + ";" : name + ": " + value;
            headers = curl_slist_append(headers, line.c_str());
        }
        headers = curl_slist_append(headers, "Expect:");
        if (!request.body.empty() && !find_header(request.headers, "content-type")) {
            headers = curl_slist_append(headers, "Content-Type:");
        }

        curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
        curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
        std::string ca = ca_bundle_for(options_);
        if (!ca.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, ca.c_str());
        curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
        curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
        curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &collector);
        curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(curl, CURLOPT_HEADERDATA, &collector);
        if (request.method == "GET") {
            curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        } else if (request.method == "HEAD") {
            curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
        } else {
            curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
        }
        if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        }

        CURLcode rc = curl_easy_perform(curl);
        long status = 0;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
        curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
        curl_slist_free_all(headers);
        if (rc != CURLE_OK) return transport_error(rc, error_buffer, *url);
        collector.response.status = static_cast<int>(status);
        return std::move(collector.response);
    }

private:
    // scheme://host of a URL for messages (never its query).
    static std::string redacted_origin(const std::string& url) { return url.substr(0, url.find_first_of("?#")); }

    CurlOptions options_;
};

}  // namespace

std::shared_ptr<HttpTransport> make_curl_transport(CurlOptions options) {
    init_curl_once();
    return std::make_shared<CurlTransport>(std::move(options));
}

}  // namespace vd::aws
