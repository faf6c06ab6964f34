#include "backend/aws/http.hpp"

#include <algorithm>
#include <cctype>

namespace vd::aws {

std::optional<std::string> find_header(const Headers& headers, std::string_view name) {
    auto same = [&](const std::string& candidate) {
        return std::equal(candidate.begin(), candidate.end(), name.begin(), name.end(), [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        });
    };
    for (const auto& [key, value] : headers) {
        if (same(key)) return value;
    }
    return std::nullopt;
}

}  // namespace vd::aws
