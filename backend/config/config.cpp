#include "backend/config/config.hpp"

#include <fmt/format.h>

#include "backend/config/glob.hpp"

namespace vd::config {
namespace {

// True when a name/ARN pattern matches the resource.
bool pattern_matches(const std::string& pattern, const ResourceIdentity& r) {
    if (pattern.rfind("arn:", 0) == 0) return glob_match(pattern, r.arn);
    return glob_match(pattern, r.name);
}

// True when one RPO target applies to the resource.
bool target_matches(const RpoTarget& t, const ResourceIdentity& r) {
    switch (t.match) {
    case RpoTarget::Match::Arn: return glob_match(t.pattern, r.arn);
    case RpoTarget::Match::Name: return !r.name.empty() && glob_match(t.pattern, r.name);
    case RpoTarget::Match::Tag:
        for (const auto& [k, v] : r.tags)
            if (k == t.tag_key && glob_match(t.pattern, v)) return true;
        return false;
    }
    return false;
}

}  // namespace

const char* environment_name(Environment e) {
    switch (e) {
    case Environment::Production: return "production";
    case Environment::Staging: return "staging";
    case Environment::Dev: return "dev";
    }
    return "production";
}

const char* theme_name(Theme t) {
    switch (t) {
    case Theme::Dark: return "dark";
    case Theme::Light: return "light";
    case Theme::Ansi16: return "16";
    case Theme::Mono: return "mono";
    }
    return "dark";
}

std::string RpoTarget::describe() const {
    switch (match) {
    case Match::Arn: return fmt::format("arn {}", pattern);
    case Match::Name: return fmt::format("name {}", pattern);
    case Match::Tag: return fmt::format("tag {}={}", tag_key, pattern);
    }
    return pattern;
}

std::map<std::string, double> default_instance_hourly_prices() {
    return {
        {"db.t3.micro", 0.018},   {"db.t3.small", 0.036},   {"db.t3.medium", 0.072},  {"db.t3.large", 0.145},
        {"db.t4g.micro", 0.016},  {"db.t4g.small", 0.032},  {"db.t4g.medium", 0.065}, {"db.t4g.large", 0.129},
        {"db.m5.large", 0.178},   {"db.m5.xlarge", 0.356},  {"db.m5.2xlarge", 0.712},
        {"db.m6g.large", 0.159},  {"db.m6g.xlarge", 0.318}, {"db.m6g.2xlarge", 0.636},
        {"db.m6i.large", 0.178},  {"db.m6i.xlarge", 0.356}, {"db.m7g.large", 0.168},  {"db.m7g.xlarge", 0.337},
        {"db.r5.large", 0.25},    {"db.r5.xlarge", 0.50},   {"db.r5.2xlarge", 1.00},
        {"db.r6g.large", 0.225},  {"db.r6g.xlarge", 0.45},  {"db.r6g.2xlarge", 0.899},
        {"db.r6i.large", 0.25},   {"db.r6i.xlarge", 0.50},  {"db.r7g.large", 0.239},  {"db.r7g.xlarge", 0.478},
    };
}

RpoChoice Config::rpo_target_for(const ResourceIdentity& resource) const {
    for (const auto& t : rpo_targets)
        if (target_matches(t, resource)) return RpoChoice{t.target, t.describe()};
    return RpoChoice{default_rpo, "default"};
}

bool Config::drill_required(const ResourceIdentity& resource) const {
    for (const auto& p : drill_resources)
        if (pattern_matches(p, resource)) return true;
    return false;
}

}  // namespace vd::config
