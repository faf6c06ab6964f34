#include "backend/aws/region.hpp"

#include <cctype>

#include <fmt/format.h>

#include "backend/aws/credentials_imds.hpp"

namespace vd::aws {

namespace {

// Checks a candidate and labels it with where it came from.
Result<ResolvedRegion> accept(const std::string& region, std::string source) {
    if (!valid_region_name(region)) {
        return make_error(ErrorKind::Config, fmt::format("'{}' from {} is not a region name (like eu-west-1)", region, source),
                          "InvalidRegion");
    }
    return ResolvedRegion{region, std::move(source)};
}

}  // namespace

bool valid_region_name(const std::string& region) {
    if (region.empty() || region.size() > 63) return false;
    if (region.front() == '-' || region.back() == '-') return false;
    for (unsigned char c : region) {
        if (!std::isalnum(c) && c != '-') return false;
    }
    return true;
}

Result<ResolvedRegion> resolve_region(const std::string& explicit_region, const CredentialsContext& context) {
    if (!explicit_region.empty()) return accept(explicit_region, "--region");
    if (auto v = env_value("AWS_REGION")) return accept(*v, "AWS_REGION");
    if (auto v = env_value("AWS_DEFAULT_REGION")) return accept(*v, "AWS_DEFAULT_REGION");
    if (const ConfigSection* profile = context.profile_section()) {
        if (auto v = profile->get("region"); v && !v->empty()) return accept(*v, "profile " + context.profile);
    }
    if (context.metadata() && !imds_settings(context.profile_section()).disabled) {
        auto r = imds_region(context);
        if (r.ok()) return accept(*r, "ec2-imds");
    }
    return make_error(ErrorKind::Config, "no region: use --region, AWS_REGION or set region in the profile, or try vaultdeck --demo (no AWS account needed)", "NoRegion");
}

}  // namespace vd::aws
