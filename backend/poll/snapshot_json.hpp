// JSON forms of the snapshot and model types (for the disk cache; the
// headless commands have their own stable output schemas).
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "backend/core/clock.hpp"
#include "backend/poll/snapshot.hpp"

namespace nlohmann {

template <>
struct adl_serializer<vd::TimePoint> {
    static void to_json(json& j, const vd::TimePoint& t);
    static void from_json(const json& j, vd::TimePoint& t);
};

template <class T>
struct adl_serializer<std::optional<T>> {
    static void to_json(json& j, const std::optional<T>& v) {
        if (v) {
            j = *v;
        } else {
            j = nullptr;
        }
    }
    static void from_json(const json& j, std::optional<T>& v) {
        if (j.is_null()) {
            v.reset();
        } else {
            v = j.get<T>();
        }
    }
};

}  // namespace nlohmann

namespace vd::poll {

nlohmann::json snapshot_to_json(const Snapshot& s);
Snapshot snapshot_from_json(const nlohmann::json& j);  // throws nlohmann::json::exception on bad input

}  // namespace vd::poll
