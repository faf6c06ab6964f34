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
