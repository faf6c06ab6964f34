#include "backend/health/timezone.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <mutex>

#include <fmt/format.h>

#include "backend/core/files.hpp"
#include "backend/health/posix_tz.hpp"

namespace vd::health {
namespace {

// A zone with one fixed offset.
class FixedZone final : public TimeZone {
public:
    FixedZone(std::string name, ZoneOffset offset) : name_(std::move(name)), offset_(std::move(offset)) {}
    const std::string& name() const override { return name_; }
    ZoneOffset offset_at(int64_t) const override { return offset_; }

private:
    std::string name_;
    ZoneOffset offset_;
};

// A zone described only by a POSIX TZ rule.
class PosixZone final : public TimeZone {
public:
    PosixZone(std::string name, detail::PosixRule rule) : name_(std::move(name)), rule_(std::move(rule)) {}
    const std::string& name() const override { return name_; }
    ZoneOffset offset_at(int64_t utc) const override { return detail::posix_offset_at(rule_, utc); }

private:
    std::string name_;
    detail::PosixRule rule_;
};

// One local time type of a TZif file.
struct LocalType {
    int32_t utc_offset = 0;
    bool dst = false;
    std::string abbreviation;
};

// A zone read from a TZif file: listed transitions, then the footer rule.
class TzifZone final : public TimeZone {
public:
    TzifZone(std::string name, std::vector<int64_t> times, std::vector<uint8_t> type_of, std::vector<LocalType> types,
             std::optional<detail::PosixRule> footer)
        : name_(std::move(name)), times_(std::move(times)), type_of_(std::move(type_of)), types_(std::move(types)),
          footer_(std::move(footer)) {}

    const std::string& name() const override { return name_; }

    ZoneOffset offset_at(int64_t utc) const override {
        if (times_.empty() || utc >= times_.back()) {
            if (footer_) return detail::posix_offset_at(*footer_, utc);
            if (times_.empty()) return to_offset(types_.front());
            return to_offset(types_[type_of_.back()]);
        }
        if (utc < times_.front()) return to_offset(types_.front());
        auto it = std::upper_bound(times_.begin(), times_.end(), utc);
        size_t index = static_cast<size_t>(it - times_.begin()) - 1;
        return to_offset(types_[type_of_[index]]);
    }

private:
    static ZoneOffset to_offset(const LocalType& t) { return ZoneOffset{t.utc_offset, t.dst, t.abbreviation}; }

    std::string name_;
    std::vector<int64_t> times_;
    std::vector<uint8_t> type_of_;
    std::vector<LocalType> types_;
    std::optional<detail::PosixRule> footer_;
};

// Reads big-endian integers from a byte buffer, remembering overruns.
struct ByteReader {
    std::string_view bytes;
    size_t pos = 0;
    bool overrun = false;

    bool has(size_t n) const { return pos + n <= bytes.size(); }
    int64_t read(size_t width) {
        if (!has(width)) {
            overrun = true;
            return 0;
        }
        uint64_t v = 0;
        for (size_t i = 0; i < width; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[pos + i]);
        pos += width;
        if (width == 4) return static_cast<int32_t>(static_cast<uint32_t>(v));
        return static_cast<int64_t>(v);
    }
    void skip(size_t n) {
        if (!has(n)) overrun = true;
        pos = std::min(bytes.size(), pos + n);
    }
};

struct TzifHeader {
    char version = 0;
    size_t isutcnt = 0, isstdcnt = 0, leapcnt = 0, timecnt = 0, typecnt = 0, charcnt = 0;
};

// Reads the 44-byte TZif header; false when the magic is wrong.
bool read_header(ByteReader& r, TzifHeader& h) {
    if (!r.has(44) || r.bytes.substr(r.pos, 4) != "TZif") return false;
    h.version = r.bytes[r.pos + 4];
    r.skip(20);
    h.isutcnt = static_cast<size_t>(r.read(4));
    h.isstdcnt = static_cast<size_t>(r.read(4));
    h.leapcnt = static_cast<size_t>(r.read(4));
    h.timecnt = static_cast<size_t>(r.read(4));
    h.typecnt = static_cast<size_t>(r.read(4));
    h.charcnt = static_cast<size_t>(r.read(4));
    return h.typecnt > 0 && h.typecnt < 256 && h.timecnt < 1000000 && h.charcnt < 100000 && h.leapcnt < 100000;
}

// True when `name` is a plausible IANA zone name (no path tricks).
bool valid_zone_name(std::string_view name) {
    if (name.empty() || name.size() > 128 || name.front() == '/' || name.find("..") != std::string_view::npos) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+';
    });
}

}  // namespace

std::vector<int64_t> TimeZone::resolve(int64_t local) const {
    // Transitions are far more than two days apart, so the offsets a day
    // either side (and at the time itself) cover every candidate.
    std::vector<int64_t> out;
    for (int64_t probe : {local - 86400, local, local + 86400}) {
        int32_t off = offset_at(probe).utc_offset;
        int64_t utc = local - off;
        if (offset_at(utc).utc_offset == off && std::find(out.begin(), out.end(), utc) == out.end()) out.push_back(utc);
    }
    std::sort(out.begin(), out.end());
    return out;
}

TimeZonePtr utc_zone() {
    static const TimeZonePtr zone = std::make_shared<FixedZone>("UTC", ZoneOffset{0, false, "UTC"});
    return zone;
}

Result<TimeZonePtr> parse_posix_tz(std::string_view rule) {
    auto parsed = detail::parse_posix_rule(rule);
    if (!parsed) return parsed.error();
    return TimeZonePtr(std::make_shared<PosixZone>(std::string(rule), std::move(*parsed)));
}

Result<TimeZonePtr> parse_tzif(std::string name, std::string_view bytes) {
    auto bad = [&](const char* what) {
        return make_error(ErrorKind::Parse, fmt::format("time zone '{}': {}", name, what));
    };
    ByteReader r{bytes};
    TzifHeader h;
    if (!read_header(r, h)) return bad("not a TZif file");
    size_t width = 4;
    if (h.version >= '2') {
        // Skip the 32-bit block; the 64-bit block after it is complete.
        r.skip(h.timecnt * 5 + h.typecnt * 6 + h.charcnt + h.leapcnt * 8 + h.isstdcnt + h.isutcnt);
        if (r.overrun || !read_header(r, h)) return bad("truncated TZif file");
        width = 8;
    }
    std::vector<int64_t> times(h.timecnt);
    for (auto& t : times) t = r.read(width);
    std::vector<uint8_t> type_of(h.timecnt);
    for (auto& i : type_of) i = static_cast<uint8_t>(r.read(1));
    std::vector<LocalType> types(h.typecnt);
    std::vector<uint8_t> abbr_index(h.typecnt);
    for (size_t i = 0; i < h.typecnt; ++i) {
        types[i].utc_offset = static_cast<int32_t>(r.read(4));
        types[i].dst = r.read(1) != 0;
        abbr_index[i] = static_cast<uint8_t>(r.read(1));
    }
    if (r.overrun || !r.has(h.charcnt)) return bad("truncated TZif file");
    std::string_view chars = bytes.substr(r.pos, h.charcnt);
    r.skip(h.charcnt + h.leapcnt * (width + 4) + h.isstdcnt + h.isutcnt);
    if (r.overrun) return bad("truncated TZif file");
    for (size_t i = 0; i < h.typecnt; ++i) {
        if (abbr_index[i] >= chars.size()) return bad("abbreviation index out of range");
        auto rest = chars.substr(abbr_index[i]);
        types[i].abbreviation = std::string(rest.substr(0, rest.find('\0')));
    }
    for (uint8_t i : type_of)
        if (i >= h.typecnt) return bad("transition type out of range");
    if (!std::is_sorted(times.begin(), times.end())) return bad("transitions out of order");

    std::optional<detail::PosixRule> footer;
    if (width == 8 && r.pos < bytes.size() && bytes[r.pos] == '\n') {
        auto end = bytes.find('\n', r.pos + 1);
        if (end != std::string_view::npos && end > r.pos + 1) {
            auto rule = detail::parse_posix_rule(bytes.substr(r.pos + 1, end - r.pos - 1));
            if (!rule) return bad("malformed footer rule");
            footer = std::move(*rule);
        }
    }
    return TimeZonePtr(std::make_shared<TzifZone>(std::move(name), std::move(times), std::move(type_of),
                                                  std::move(types), std::move(footer)));
}

Result<TimeZonePtr> locate_zone(std::string_view name) {
    if (name.empty() || name == "UTC" || name == "Etc/UTC" || name == "Z") return utc_zone();
    if (!valid_zone_name(name)) return make_error(ErrorKind::InvalidInput, fmt::format("'{}' is not a time zone name", name));

    static std::mutex mutex;
    static std::map<std::string, TimeZonePtr, std::less<>> cache;
    {
        std::lock_guard lock(mutex);
        if (auto it = cache.find(name); it != cache.end()) return it->second;
    }
    const char* dir = std::getenv("TZDIR");
    std::string path = fmt::format("{}/{}", dir && *dir ? dir : "/usr/share/zoneinfo", name);
    auto bytes = read_file(path);
    if (!bytes) return make_error(ErrorKind::NotFound, fmt::format("unknown time zone '{}' (not in the tz database)", name));
    auto zone = parse_tzif(std::string(name), *bytes);
    if (!zone) return zone.error();
    std::lock_guard lock(mutex);
    cache.emplace(std::string(name), *zone);
    return *zone;
}

}  // namespace vd::health
