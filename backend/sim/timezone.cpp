#include "backend/sim/timezone.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

namespace vd::sim {
namespace {

// Reads a big-endian signed integer of n bytes.
int64_t read_be(const std::string& data, size_t pos, int n) {
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(data[pos + i]);
    if (n == 4) return static_cast<int32_t>(static_cast<uint32_t>(v));
    return static_cast<int64_t>(v);
}

struct Counts {
    int64_t isut, isstd, leap, time, type, chars;
};

// The six counts of a TZif header starting at pos.
Counts read_counts(const std::string& data, size_t pos) {
    return {read_be(data, pos + 20, 4), read_be(data, pos + 24, 4), read_be(data, pos + 28, 4),
            read_be(data, pos + 32, 4), read_be(data, pos + 36, 4), read_be(data, pos + 40, 4)};
}

// Size of a TZif data block with time values of width w.
size_t block_size(const Counts& c, int w) {
    return static_cast<size_t>(c.time * w + c.time + c.type * 6 + c.chars + c.leap * (w + 4) + c.isstd + c.isut);
}

// True for names that could be a zoneinfo file (no "..", no leading '/').
bool safe_zone_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find("..") != std::string_view::npos) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '_' || c == '-' || c == '+';
    });
}

}  // namespace

std::chrono::seconds TimeZone::offset_at(TimePoint t) const {
    int64_t secs = std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
    auto it = std::upper_bound(transitions_.begin(), transitions_.end(), secs,
                               [](int64_t v, const Transition& tr) { return v < tr.at; });
    if (it == transitions_.begin()) return std::chrono::seconds(initial_offset_);
    return std::chrono::seconds(std::prev(it)->offset);
}

TimePoint TimeZone::to_utc(std::chrono::sys_seconds local) const {
    TimePoint guess = TimePoint(local.time_since_epoch()) - offset_at(TimePoint(local.time_since_epoch()));
    // One correction step settles every case but the skipped hour of a DST change.
    TimePoint better = TimePoint(local.time_since_epoch()) - offset_at(guess);
    return std::min(guess, better);
}

Result<TimeZone> load_time_zone(std::string_view name) {
    TimeZone tz;
    if (name.empty() || name == "UTC" || name == "Etc/UTC" || name == "GMT" || name == "Etc/GMT" || name == "Z") return tz;
    if (!safe_zone_name(name)) return make_error(ErrorKind::InvalidInput, "unknown time zone " + std::string(name));
    std::ifstream in("/usr/share/zoneinfo/" + std::string(name), std::ios::binary);
    if (!in) return make_error(ErrorKind::InvalidInput, "unknown time zone " + std::string(name));
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (data.size() < 44 || data.compare(0, 4, "TZif") != 0)
        return make_error(ErrorKind::InvalidInput, "unreadable time zone file for " + std::string(name));
    Counts c = read_counts(data, 0);
    size_t pos = 44;
    int width = 4;
    if (data[4] >= '2') {
        size_t v2 = 44 + block_size(c, 4);
        if (v2 + 44 > data.size()) return make_error(ErrorKind::InvalidInput, "truncated time zone file");
        c = read_counts(data, v2);
        pos = v2 + 44;
        width = 8;
    }
    if (pos + block_size(c, width) > data.size()) return make_error(ErrorKind::InvalidInput, "truncated time zone file");
    size_t idx_pos = pos + c.time * width;
    size_t type_pos = idx_pos + c.time;
    auto type_offset = [&](int64_t type) { return static_cast<int32_t>(read_be(data, type_pos + type * 6, 4)); };
    if (c.type > 0) tz.initial_offset_ = type_offset(0);
    for (int64_t i = 0; i < c.time; ++i) {
        int64_t at = read_be(data, pos + i * width, width);
        int64_t type = static_cast<unsigned char>(data[idx_pos + i]);
        if (type >= c.type) continue;
        tz.transitions_.push_back({at, type_offset(type)});
    }
    tz.name_ = std::string(name);
    return tz;
}

}  // namespace vd::sim
