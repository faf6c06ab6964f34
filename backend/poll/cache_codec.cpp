#include "backend/poll/cache_codec.hpp"

#include <bit>
#include <cstring>
#include <map>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace vd::poll {

namespace {

constexpr std::string_view kMagic{"VDCACHE\0", 8};

template <class T>
concept HasFields = requires(T& value) { visit_fields(value, [](const char*, auto&) {}); };

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
struct is_list : std::false_type {};
template <class T>
struct is_list<std::vector<T>> : std::true_type {};
template <class T>
struct is_list<SharedList<T>> : std::true_type {};
template <class T>
struct is_pair : std::false_type {};
template <class A, class B>
struct is_pair<std::pair<A, B>> : std::true_type {};
template <class T>
struct is_map : std::false_type {};
template <class K, class V>
struct is_map<std::map<K, V>> : std::true_type {};

uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63); }
int64_t unzigzag(uint64_t v) { return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1); }

class Encoder {
public:
    explicit Encoder(std::string& out) : out_(out) {}

    void varint(uint64_t v) {
        while (v >= 0x80) {
            out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
            v >>= 7;
        }
        out_.push_back(static_cast<char>(v));
    }

    template <class T>
    void put(const T& v) {
        if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, Atom>) {
            put_string(v);
        } else if constexpr (std::is_same_v<T, bool>) {
            out_.push_back(v ? 1 : 0);
        } else if constexpr (std::is_enum_v<T>) {
            varint(static_cast<uint64_t>(v));
        } else if constexpr (std::is_integral_v<T>) {
            varint(zigzag(static_cast<int64_t>(v)));
        } else if constexpr (std::is_same_v<T, double>) {
            uint64_t bits = std::bit_cast<uint64_t>(v);
            for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>(bits >> (8 * i)));
        } else if constexpr (std::is_same_v<T, TimePoint>) {
            varint(zigzag(v.time_since_epoch().count()));
        } else if constexpr (is_optional<T>::value) {
            out_.push_back(v ? 1 : 0);
            if (v) put(*v);
        } else if constexpr (is_list<T>::value || is_map<T>::value) {
            varint(v.size());
            for (const auto& item : v) put(item);
        } else if constexpr (is_pair<T>::value) {
            put(v.first);
            put(v.second);
        } else {
            static_assert(HasFields<T>, "a cached type needs a VD_FIELDS list");
            visit_fields(v, [this](const char*, const auto& field) { put(field); });
        }
    }

private:
    void put_string(const std::string& s) {
        if (s.empty()) return varint(0);
        auto [it, added] = ids_.try_emplace(s, ids_.size());
        if (!added) return varint(2 * it->second + 2);
        varint(2 * s.size() + 1);
        out_.append(s);
    }

    std::string& out_;
    std::unordered_map<std::string_view, uint64_t> ids_;  // views of strings in the snapshot being encoded
};

class Decoder {
public:
    explicit Decoder(std::string_view in) : in_(in) {}

    bool failed() const { return failed_; }
    bool at_end() const { return pos_ == in_.size(); }

    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos_ >= in_.size()) return fail();
            auto byte = static_cast<unsigned char>(in_[pos_++]);
            v |= static_cast<uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return v;
        }
        return fail();
    }

    template <class T>
    void get(T& v) {
        if (failed_) return;
        if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, Atom>) {
            get_string(v);
        } else if constexpr (std::is_same_v<T, bool>) {
            v = byte() != 0;
        } else if constexpr (std::is_enum_v<T>) {
            v = static_cast<T>(varint());
        } else if constexpr (std::is_integral_v<T>) {
            v = static_cast<T>(unzigzag(varint()));
        } else if constexpr (std::is_same_v<T, double>) {
            if (in_.size() - pos_ < 8) return (void)fail();
            uint64_t bits = 0;
            for (int i = 0; i < 8; ++i) bits |= static_cast<uint64_t>(static_cast<unsigned char>(in_[pos_++])) << (8 * i);
            v = std::bit_cast<double>(bits);
        } else if constexpr (std::is_same_v<T, TimePoint>) {
            v = TimePoint(TimePoint::duration(unzigzag(varint())));
        } else if constexpr (is_optional<T>::value) {
            v.reset();
            if (byte()) get(v.emplace());
        } else if constexpr (is_list<T>::value) {
            std::vector<typename T::value_type> items(count());
            for (auto& item : items) get(item);
            v = std::move(items);
        } else if constexpr (is_map<T>::value) {
            v.clear();
            for (uint64_t n = count(); n > 0 && !failed_; --n) {
                std::pair<typename T::key_type, typename T::mapped_type> entry;
                get(entry);
                v.insert(std::move(entry));
            }
        } else if constexpr (is_pair<T>::value) {
            get(v.first);
            get(v.second);
        } else {
            visit_fields(v, [this](const char*, auto& field) { get(field); });
        }
    }

private:
    uint64_t fail() {
        failed_ = true;
        pos_ = in_.size();
        return 0;
    }

    unsigned char byte() {
        if (pos_ >= in_.size()) return static_cast<unsigned char>(fail());
        return static_cast<unsigned char>(in_[pos_++]);
    }

    // A count of items, each at least one byte: never more than what is left.
    uint64_t count() {
        uint64_t n = varint();
        if (n > in_.size() - pos_) return fail();
        return n;
    }

    // A string met again costs a copy, or for an Atom field a pointer copy
    // (interned once, on first use as one: unique texts stay out of the pool).
    template <class Text>
    void get_string(Text& s) {
        uint64_t tag = varint();
        if (tag == 0) {
            s = Text();
            return;
        }
        if (tag % 2 == 0) {
            uint64_t id = tag / 2 - 1;
            if (id >= strings_.size()) return (void)fail();
            s = text_of<Text>(strings_[id]);
            return;
        }
        uint64_t size = tag / 2;
        if (size > in_.size() - pos_) return (void)fail();
        strings_.push_back({std::string(in_.substr(pos_, size)), std::nullopt});
        pos_ += size;
        s = text_of<Text>(strings_.back());
    }

    struct Entry {
        std::string text;
        std::optional<Atom> atom;
    };

    template <class T>
    const T& text_of(Entry& entry) {
        if constexpr (std::is_same_v<T, Atom>) {
            if (!entry.atom) entry.atom = Atom(entry.text);
            return *entry.atom;
        } else {
            return entry.text;
        }
    }

    std::string_view in_;
    size_t pos_ = 0;
    bool failed_ = false;
    std::vector<Entry> strings_;
};

}  // namespace

std::string encode_snapshot(const Snapshot& snapshot) {
    std::string out(kMagic);
    Encoder e(out);
    e.varint(kCacheFormat);
    e.put(snapshot);
    return out;
}

Result<Snapshot> decode_snapshot(std::string_view bytes) {
    if (!bytes.starts_with(kMagic)) return make_error(ErrorKind::Parse, "not a vaultdeck cache");
    Decoder d(bytes.substr(kMagic.size()));
    uint64_t format = d.varint();
    if (format != kCacheFormat)
        return make_error(ErrorKind::Parse, fmt::format("cache format {}, this version reads {}", format, kCacheFormat));
    Snapshot s;
    d.get(s);
    if (d.failed()) return make_error(ErrorKind::Parse, "the cache ends early or is damaged");
    if (!d.at_end()) return make_error(ErrorKind::Parse, "the cache has bytes after its end");
    for (const auto& r : s.regions)
        for (const auto& [kind, status] : r.status)
            if (static_cast<int>(kind) < 0 || static_cast<int>(kind) >= kKindCount)
                return make_error(ErrorKind::Parse, "the cache names an unknown kind");
    return s;
}

}  // namespace vd::poll
