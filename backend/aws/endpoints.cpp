#include "backend/aws/endpoints.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace vd::aws {

namespace {

// The URL without trailing slashes.
std::string without_trailing_slash(std::string url) {
    while (url.size() > 1 && url.back() == '/') url.pop_back();
    return url;
}

// True when configured endpoints are switched off by the environment or the profile.
bool configured_endpoints_ignored(const ConfigSection* profile) {
    if (auto v = env_value("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) return parse_bool(*v).value_or(false);
    if (profile) {
        if (auto v = profile->get("ignore_configured_endpoint_urls")) return parse_bool(*v).value_or(false);
    }
    return false;
}

// The endpoint_url of this service in the profile's services section, when set.
std::optional<std::string> services_section_url(const ProfileConfig& config, const ConfigSection& profile,
                                                const std::string& service, std::string& section_name) {
    auto name = profile.get("services");
    if (!name || name->empty()) return std::nullopt;
    const ConfigSection* services = config.services_section(*name);
    if (!services) return std::nullopt;
    std::string key = service;
    std::replace(key.begin(), key.end(), ' ', '_');
    std::replace(key.begin(), key.end(), '-', '_');
    auto sub = services->subsections.find(key);
    if (sub == services->subsections.end()) return std::nullopt;
    auto url = sub->second.find("endpoint_url");
    if (url == sub->second.end() || url->second.empty()) return std::nullopt;
    section_name = *name;
    return url->second;
}

}  // namespace

std::string endpoint_env_suffix(const std::string& service) {
    std::string out = service;
    for (char& c : out) {
        c = (c == ' ' || c == '-') ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string aws_endpoint(const std::string& service, const std::string& region) {
    std::string suffix = region.rfind("cn-", 0) == 0 ? "amazonaws.com.cn" : "amazonaws.com";
    if (service == "sso") return fmt::format("https://portal.sso.{}.{}", region.empty() ? "us-east-1" : region, suffix);
    if (service == "sts" && region.empty()) return "https://sts.amazonaws.com";
    return fmt::format("https://{}.{}.{}", service, region.empty() ? "us-east-1" : region, suffix);
}

ResolvedEndpoint resolve_endpoint(const EndpointInputs& in) {
    if (!in.explicit_url.empty()) return {without_trailing_slash(in.explicit_url), "--endpoint-url"};
    const ConfigSection* profile = in.config ? in.config->profile(in.profile) : nullptr;
    if (!configured_endpoints_ignored(profile)) {
        std::string service_var = "AWS_ENDPOINT_URL_" + endpoint_env_suffix(in.service);
        if (auto v = env_value(service_var.c_str())) return {without_trailing_slash(*v), service_var};
        if (auto v = env_value("AWS_ENDPOINT_URL")) return {without_trailing_slash(*v), "AWS_ENDPOINT_URL"};
        if (profile) {
            std::string section;
            if (auto v = services_section_url(*in.config, *profile, in.service, section)) {
                return {without_trailing_slash(*v), fmt::format("[services {}] of profile {}", section, in.profile)};
            }
            if (auto v = profile->get("endpoint_url"); v && !v->empty()) {
                return {without_trailing_slash(*v), fmt::format("endpoint_url of profile {}", in.profile)};
            }
        }
    }
    return {aws_endpoint(in.service, in.region), "aws"};
}

}  // namespace vd::aws
