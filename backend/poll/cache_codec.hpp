// The disk cache's encoding of a Snapshot: compact, versioned binary.
//
// Why not JSON: a year of recovery points is 100 k records, and a JSON
// document of them is over 100 MB that must be parsed whole into a tree
// (several times its size) before the first frame. Why not SQLite: the cache
// is written and read whole, never queried, so a file format of our own is
// simpler and faster than tables for fifteen kinds.
//
// Layout: the 8 bytes "VDCACHE\0", the format number, then every field of
// the snapshot in the order of its VD_FIELDS lists (backend/model/fields.hpp):
// - unsigned numbers and counts as LEB128 varints, signed ones zigzagged,
//   doubles as 8 bytes little-endian, times as nanoseconds since the epoch;
// - a string as a tag: 0 is "", 2n+1 is a new string of n bytes that
//   follow (given the next number), 2n+2 is the string numbered n again:
//   an ARN that 1,000 points share is written once;
// - optional values as a 0/1 byte then the value; lists as a count then
//   the items; structures as their fields.
// A file of another format or that ends early decodes to an error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "backend/core/result.hpp"
#include "backend/poll/snapshot.hpp"

namespace vd::poll {

// The format number written after the magic; bump it whenever a VD_FIELDS
// list or the layout changes, so that an older cache is ignored, not misread.
inline constexpr uint64_t kCacheFormat = 3;

std::string encode_snapshot(const Snapshot& snapshot);
Result<Snapshot> decode_snapshot(std::string_view bytes);

}  // namespace vd::poll
