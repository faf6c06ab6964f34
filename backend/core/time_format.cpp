#include "backend/core/time_format.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <ctime>

#include <fmt/format.h>

namespace vd {
namespace {

std::tm to_tm_utc(TimePoint t) {
    std::time_t secs = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    return tm;
}

std::string strftime_utc(TimePoint t, const char* format) {
    std::tm tm = to_tm_utc(t);
    char buf[64];
    size_t n = std::strftime(buf, sizeof buf, format, &tm);
    return std::string(buf, n);
}

// Parses the remainder after seconds: optional fraction then Z or +hh:mm.
bool parse_fraction_and_zone(std::string_view rest, double& fraction, long& offset_seconds) {
    fraction = 0;
    offset_seconds = 0;
    size_t i = 0;
    if (i < rest.size() && rest[i] == '.') {
        ++i;
        double scale = 0.1;
        while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) {
            fraction += (rest[i] - '0') * scale;
            scale /= 10;
            ++i;
        }
    }
    if (i == rest.size()) return true;
    if (rest[i] == 'Z' || rest[i] == 'z') return i + 1 == rest.size();
    if (rest[i] == '+' || rest[i] == '-') {
        int sign = rest[i] == '-' ? -1 : 1;
        std::string zone(rest.substr(i + 1));
        int hh = 0, mm = 0;
        if (std::sscanf(zone.c_str(), "%2d:%2d", &hh, &mm) == 2 || std::sscanf(zone.c_str(), "%2d%2d", &hh, &mm) == 2) {
            offset_seconds = sign * (hh * 3600L + mm * 60L);
            return true;
        }
    }
    return false;
}

}  // namespace

std::string format_iso8601(TimePoint t) { return strftime_utc(t, "%Y-%m-%dT%H:%M:%SZ"); }

std::string format_iso8601_ms(TimePoint t) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count() % 1000;
    if (ms < 0) ms += 1000;
    return strftime_utc(t, "%Y-%m-%dT%H:%M:%S") + fmt::format(".{:03d}Z", ms);
}

std::string format_amz_date(TimePoint t) { return strftime_utc(t, "%Y%m%dT%H%M%SZ"); }

std::string format_http_date(TimePoint t) { return strftime_utc(t, "%a, %d %b %Y %H:%M:%S GMT"); }

std::optional<TimePoint> parse_time(std::string_view text) {
    std::string s(text);
    std::tm tm{};
    const char* end = strptime(s.c_str(), "%Y-%m-%dT%H:%M:%S", &tm);
    if (end == nullptr) end = strptime(s.c_str(), "%Y%m%dT%H%M%S", &tm);
    double fraction = 0;
    long offset = 0;
    if (end != nullptr) {
        if (!parse_fraction_and_zone(std::string_view(end), fraction, offset)) return std::nullopt;
    } else {
        tm = {};
        end = strptime(s.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
        if (end == nullptr || *end != '\0') return std::nullopt;
    }
    std::time_t secs = timegm(&tm);
    if (secs == static_cast<std::time_t>(-1) && tm.tm_year != 69) return std::nullopt;
    if (clamp_epoch_seconds(static_cast<double>(secs - offset)) != static_cast<double>(secs - offset)) return std::nullopt;
    auto t = std::chrono::system_clock::from_time_t(secs - offset);
    return t + std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double>(fraction));
}

double clamp_epoch_seconds(double seconds) {
    constexpr double kLimit = 9.2e9;  // 2261-07-14; nanoseconds overflow int64 at 9.22e9
    if (std::isnan(seconds)) return 0;
    return std::clamp(seconds, -kLimit, kLimit);
}

TimePoint from_epoch_seconds(double seconds) {
    seconds = clamp_epoch_seconds(seconds);
    auto whole = std::floor(seconds);
    auto t = std::chrono::system_clock::from_time_t(static_cast<std::time_t>(whole));
    return t + std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::duration<double>(seconds - whole));
}

double to_epoch_seconds(TimePoint t) {
    return std::chrono::duration<double>(t.time_since_epoch()).count();
}

}  // namespace vd
