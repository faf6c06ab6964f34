// Reading the SigV4 suites' files: raw requests, signed requests, bytes.
#pragma once

#include <filesystem>
#include <string>

#include "backend/aws/http.hpp"

namespace vd::aws::testdata {

// The SigV4 suites folder under the shared test data.
std::filesystem::path sigv4_suites();

// The whole file as bytes ("" when missing).
std::string read_file(const std::filesystem::path& p);

struct RawRequest {
    std::string method;
    std::string path;   // raw, before '?'
    std::string query;  // raw, after '?'
    Headers headers;    // folded lines kept with their line breaks
    std::string body;
};

// Parses a suite's raw request: request line, folded headers, blank line, body.
RawRequest parse_raw_request(const std::string& text);

// The value of "Name:" (or "Name: ") on a line of a request text, or "".
std::string header_line(const std::string& text, const std::string& name);

// The query string of a request text's first line.
std::string request_line_query(const std::string& text);

}  // namespace vd::aws::testdata
