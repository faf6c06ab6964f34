// Shared formatting of times, states and ARNs.
#include "tui/screens/format.hpp"

#include <ctime>

#include <fmt/format.h>

#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Role;

namespace {

// The broken-down UTC time of a time point.
std::tm utc(TimePoint t) {
    const std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    return tm;
}

}  // namespace

std::string short_time(const std::optional<TimePoint>& t) {
    if (!t) return "-";
    const std::tm tm = utc(*t);
    return fmt::format("{:02}-{:02} {:02}:{:02}", tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
}

std::string full_time(const std::optional<TimePoint>& t) {
    if (!t) return "-";
    const std::tm tm = utc(*t);
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02} UTC", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                       tm.tm_hour, tm.tm_min);
}

std::string day_of(const std::optional<TimePoint>& t) {
    if (!t) return "-";
    const std::tm tm = utc(*t);
    return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string relative(const std::optional<TimePoint>& t, TimePoint now) {
    if (!t) return "-";
    const auto d = std::chrono::duration_cast<std::chrono::seconds>(*t - now);
    if (d.count() > -60 && d.count() < 60 && d.count() != 0) {
        return d.count() > 0 ? "in <1 min" : "just now";
    }
    return widgets::relative_time(*t, now);
}

std::string elapsed(const std::optional<TimePoint>& start, const std::optional<TimePoint>& end, TimePoint now) {
    if (!start) return "-";
    const TimePoint stop = end ? *end : now;
    auto d = std::chrono::duration_cast<std::chrono::seconds>(stop - *start);
    if (d.count() < 0) d = std::chrono::seconds(0);
    return widgets::human_duration(d);
}

Role state_role(std::string_view state) {
    const std::string s = widgets::ascii_lower(state);
    if (s == "completed" || s == "available" || s == "successful" || s == "active") return Role::Ok;
    if (s == "failed" || s == "timed_out" || s == "incompatible-restore" || s == "error") return Role::Failed;
    if (s == "running" || s == "pending" || s == "created" || s == "creating" || s == "copying" ||
        s == "validating" || s == "backing-up" || s == "modifying")
        return Role::Info;
    if (s == "expired" || s == "aborted" || s == "aborting" || s == "partial" || s == "stopped" ||
        s == "deleting" || s == "retained")
        return Role::Warning;
    if (s == "deleted") return Role::Deleted;
    return Role::Normal;
}

Role severity_role(health::Severity s) {
    switch (s) {
    case health::Severity::Critical: return Role::Critical;
    case health::Severity::Warning: return Role::Warning;
    case health::Severity::Ok: return Role::Ok;
    case health::Severity::Unknown: return Role::Dim;
    }
    return Role::Normal;
}

std::string severity_tag(health::Severity s) {
    switch (s) {
    case health::Severity::Critical: return "CRIT";
    case health::Severity::Warning: return "WARN";
    case health::Severity::Ok: return "OK  ";
    case health::Severity::Unknown: return "?   ";
    }
    return "?   ";
}

std::string arn_tail(std::string_view arn) {
    if (arn.rfind("arn:", 0) != 0) return std::string(arn);
    // arn:partition:service:region:account:resource — the resource part, after its type.
    std::size_t pos = 0;
    for (int i = 0; i < 5; ++i) {
        pos = arn.find(':', pos);
        if (pos == std::string_view::npos) return std::string(arn);
        ++pos;
    }
    std::string_view resource = arn.substr(pos);
    const auto sep = resource.find_first_of(":/");
    if (sep != std::string_view::npos && sep + 1 < resource.size()) resource = resource.substr(sep + 1);
    return std::string(resource);
}

std::string vault_from_arn(std::string_view arn) { return arn_tail(arn); }

std::string region_of_arn(std::string_view arn) {
    if (arn.rfind("arn:", 0) != 0) return {};
    std::size_t start = 0;
    for (int i = 0; i < 3; ++i) {
        start = arn.find(':', start);
        if (start == std::string_view::npos) return {};
        ++start;
    }
    const auto end = arn.find(':', start);
    return end == std::string_view::npos ? std::string() : std::string(arn.substr(start, end - start));
}

}  // namespace vd::tui
