// Errors as values at the backend boundary: every call that can fail returns
// Result<T>, carrying either the value or an Error with the AWS details.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace vd {

// What went wrong, coarsely, so callers can decide without string matching.
enum class ErrorKind {
    Network,      // could not connect, connection reset, DNS
    Timeout,      // connect or read timeout
    Http,         // an HTTP status without a parseable AWS error
    Aws,          // an AWS error code from the service
    Parse,        // a malformed JSON/XML/TOML body or file
    Config,       // bad configuration, unknown profile, no region
    Credentials,  // no credentials, expired credentials
    InvalidInput, // the user's input is wrong
    NotFound,     // a named thing does not exist
    ReadOnly,     // a mutating call refused in --read-only
    Internal,     // a bug: should never happen
};

// One failure, with everything the status bar or a log line needs.
struct Error {
    ErrorKind kind = ErrorKind::Internal;
    std::string code;        // AWS error code (ThrottlingException) or a short tag
    std::string message;     // one human line, never a secret
    int http_status = 0;     // 0 when no response was received
    std::string request_id;  // x-amzn-RequestId / <RequestId>, when known
    bool retryable = false;

    // One line for the operator: "code: message (HTTP 403, request id ...)".
    std::string to_string() const;
};

// Builds an Error of the given kind with a message and optional code.
Error make_error(ErrorKind kind, std::string message, std::string code = {});

// Either a T or an Error; access the value only after checking ok().
template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { assert(ok()); return std::get<0>(v_); }
    const T& value() const& { assert(ok()); return std::get<0>(v_); }
    T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    const Error& error() const { assert(!ok()); return std::get<1>(v_); }
    Error& error() { assert(!ok()); return std::get<1>(v_); }

    // The value, or the fallback when this holds an error.
    T value_or(T fallback) const { return ok() ? std::get<0>(v_) : std::move(fallback); }

private:
    std::variant<T, Error> v_;
};

// Result of an operation with no value.
struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

}  // namespace vd
