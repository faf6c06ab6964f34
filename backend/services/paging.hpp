// Following pagination tokens (NextToken, Marker, ContinuationToken) for the
// caller, so every list call returns the whole list or an error.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "backend/core/result.hpp"

namespace vd::services {

// More pages than any real account has; a server that never stops is an error.
inline constexpr int kMaxPages = 100000;

// Calls fetch_page(token, items) with an empty token first, then with each
// next token it returns, until one returns an empty token. A repeated token
// or an endless listing is a Parse error rather than a loop.
template <class T, class FetchPage>
Result<std::vector<T>> collect_pages(std::string_view operation, FetchPage fetch_page) {
    std::vector<T> items;
    std::string token;
    for (int page = 0; page < kMaxPages; ++page) {
        Result<std::string> next = fetch_page(token, items);
        if (!next) return next.error();
        if (next->empty()) return items;
        if (*next == token)
            return make_error(ErrorKind::Parse, std::string(operation) + ": the service repeated a pagination token",
                              "PaginationLoop");
        token = std::move(*next);
    }
    return make_error(ErrorKind::Parse, std::string(operation) + ": the listing did not end after too many pages",
                      "PaginationLoop");
}

}  // namespace vd::services
