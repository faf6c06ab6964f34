#include "backend/sim/simulator.hpp"

#include <chrono>

#include "backend/core/time_format.hpp"
#include "backend/sim/auth.hpp"
#include "backend/sim/backup_api.hpp"
#include "backend/sim/call.hpp"
#include "backend/sim/ec2_api.hpp"
#include "backend/sim/postgres_backing.hpp"
#include "backend/sim/query_xml.hpp"
#include "backend/sim/rds_api.hpp"
#include "backend/sim/rds_xml.hpp"
#include "backend/sim/rest_json.hpp"
#include "backend/sim/s3_api.hpp"
#include "backend/sim/sts_api.hpp"

namespace vd::sim {
namespace {

// An error answer in the format of the service.
WireResponse service_error(const std::string& service, const Error& error, const std::string& request_id) {
    if (service == "backup") return json_error_response(error, request_id);
    if (service == "s3") return s3_error_response(error, request_id);
    if (service == "ec2") return ec2_error_response(error, request_id);
    return query_error_response(service == "sts" ? kStsNamespace : kRdsNamespace, error, request_id);
}

// The service's throttling error.
Error throttling(const std::string& service) {
    if (service == "backup") return api_error(400, "ThrottlingException", "Rate exceeded");
    if (service == "s3") return api_error(503, "SlowDown", "Please reduce your request rate.");
    return api_error(400, "Throttling", "Rate exceeded");
}

// The service's 500 or 503.
Error server_error(const std::string& service, bool unavailable) {
    if (service == "backup") {
        return unavailable ? api_error(503, "ServiceUnavailableException", "The service is unavailable. Please try again.")
                           : api_error(500, "InternalFailure", "The request processing has failed because of an unknown error.");
    }
    if (service == "s3") {
        return unavailable ? api_error(503, "ServiceUnavailable", "Service is unable to handle request.")
                           : api_error(500, "InternalError", "We encountered an internal error. Please try again.");
    }
    return unavailable ? api_error(503, "ServiceUnavailable", "Service is unavailable.")
                       : api_error(500, "InternalFailure", "An internal error has occurred. Please try your query again at a later time.");
}

// The operation name of a request, read without running it (for records of refusals).
std::string operation_of(const std::string& service, const WireRequest& request) {
    if (service == "backup") return backup_operation_name(request.method, request.path);
    if (service == "s3") return {};
    auto action = param(parse_form(request.query), "Action");
    if (!action && request.method == "POST") action = param(parse_form(request.body), "Action");
    return action.value_or("");
}

}  // namespace

Simulator::Simulator(SimulatorConfig config)
    : config_(std::move(config)),
      ids_(config_.seed),
      engine_(world_, ids_),
      fault_rng_(config_.seed ^ 0xfa17ULL),
      request_ids_(config_.seed ^ 0x4e9ULL) {}

Result<std::unique_ptr<Simulator>> Simulator::create(SimulatorConfig config) {
    if (!config.wall_clock) config.wall_clock = system_clock();
    if (!config.sim_clock) config.sim_clock = config.wall_clock;
    if (config.access_key.empty() || config.secret_key.empty()) {
        return make_error(ErrorKind::InvalidInput, "the simulator needs a non-empty access key and secret key");
    }
    std::unique_ptr<Simulator> sim(new Simulator(std::move(config)));
    Principal p;
    p.access_key = sim->config_.access_key;
    p.secret_key = sim->config_.secret_key;
    p.account_id = sim->world_.default_account;
    p.arn = "arn:aws:iam::" + p.account_id + ":user/vaultdeck";
    p.user_id = "AIDA" + sim->ids_.upper_alnum(17);
    sim->world_.principals[p.access_key] = p;
    ScenarioOptions options{sim->config_.scenario, sim->config_.seed, sim->config_.scale, sim->config_.sim_clock->now()};
    auto planted = build_scenario(sim->world_, sim->ids_, sim->engine_, options);
    if (!planted) return planted.error();
    sim->planted_ = std::move(*planted);
    if (sim->config_.postgres) {
        if (auto attached = attach_postgres(sim->world_, sim->config_.postgres); !attached) return attached.error();
    }
    return sim;
}

void Simulator::tick() {
    std::lock_guard<std::mutex> lock(mu_);
    engine_.advance_to(config_.sim_clock->now());
}

std::string Simulator::next_request_id() {
    std::lock_guard<std::mutex> lock(fault_mu_);
    return request_ids_.uuid();
}

WireResponse Simulator::handle(const WireRequest& request) {
    std::string service, operation;
    WireResponse response = dispatch(request, service, operation);
    response.service = service;
    if (response.operation.empty()) response.operation = operation;
    TimePoint wall = config_.wall_clock->now() + config_.faults.skew;
    response.headers.emplace_back("Date", format_http_date(wall));
    if (config_.on_response && response.fault == WireFault::None) config_.on_response(response);
    return response;
}

WireResponse Simulator::dispatch(const WireRequest& request, std::string& service, std::string& operation) {
    Scope scope = request_scope(request, world_.primary_region);
    service = scope.service;
    std::string request_id = next_request_id();
    const FaultSpec& f = config_.faults;
    WireFault after = WireFault::None;
    std::chrono::milliseconds delay{0};
    bool throttle = false, fail = false, unavailable = false;
    if (f.any()) {
        std::lock_guard<std::mutex> lock(fault_mu_);
        if (f.latency_max.count() > 0) delay = std::chrono::milliseconds(fault_rng_.range(f.latency_min.count(), f.latency_max.count()));
        throttle = fault_rng_.chance(f.throttle);
        fail = !throttle && fault_rng_.chance(f.error5xx);
        unavailable = fault_rng_.chance(0.5);
        if (fault_rng_.chance(f.reset)) after = WireFault::Reset;
        else if (fault_rng_.chance(f.truncate)) after = WireFault::Truncate;
    }
    WireResponse response;
    if (throttle || fail) {
        operation = operation_of(service, request);
        response = service_error(service, throttle ? throttling(service) : server_error(service, unavailable), request_id);
    } else {
        std::lock_guard<std::mutex> lock(mu_);
        TimePoint sim_now = config_.sim_clock->now();
        engine_.advance_to(sim_now);
        AuthOptions auth{config_.verify_signatures, config_.wall_clock->now() + f.skew, sim_now};
        auto caller = authenticate(request, scope, world_, auth);
        if (!caller) {
            operation = operation_of(service, request);
            response = service_error(service, caller.error(), request_id);
        } else {
            Call call{request, world_, ids_, service, scope.region, caller->account_id, caller->access_key, request_id,
                      sim_now, parse_form(request.query), {}};
            if (service == "backup") response = handle_backup(call);
            else if (service == "rds") response = handle_rds(call);
            else if (service == "sts") response = handle_sts(call);
            else if (service == "s3") response = handle_s3(call);
            else if (service == "ec2") response = handle_ec2(call);
            else response = service_error("rds", api_error(400, "InvalidAction", "The simulator does not serve the service '" + service + "'."), request_id);
            operation = call.operation;
        }
    }
    response.fault = after;
    response.delay = delay;
    return response;
}

}  // namespace vd::sim
