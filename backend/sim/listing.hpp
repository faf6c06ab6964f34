// Listing order and page tokens. Collections are kept in maps whose keys sort
// in the order AWS lists them (newest first), so a NextToken / Marker is just
// the encoded key of the first item of the next page: stable while items are
// added or removed between pages.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "backend/core/clock.hpp"
#include "backend/core/result.hpp"

namespace vd::sim {

// A key that sorts newer times first, ties broken by id.
std::string newest_first_key(TimePoint t, std::string_view id);

// The opaque page token for a listing key.
std::string encode_page_token(std::string_view key);
// The listing key inside a token; an error for a token this simulator did not make.
Result<std::string> decode_page_token(std::string_view token);

// Walks `items` (a map sorted by listing key) from the token's key, calls
// `emit` for up to `limit` items that `keep` accepts, and returns the token
// of the next such item ("" when there is none).
template <class Map, class Keep, class Emit>
std::string page_through(const Map& items, const std::optional<std::string>& start_key, int limit, Keep keep, Emit emit) {
    auto it = start_key ? items.lower_bound(*start_key) : items.begin();
    int emitted = 0;
    for (; it != items.end(); ++it) {
        if (!keep(it->second)) continue;
        if (emitted == limit) return encode_page_token(it->first);
        emit(it->second);
        ++emitted;
    }
    return {};
}

}  // namespace vd::sim
