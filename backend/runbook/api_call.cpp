#include "backend/runbook/api_call.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

namespace vd::runbook {
namespace {

// StartRestoreJob -> start-restore-job; DBInstanceIdentifier -> db-instance-identifier.
std::string kebab(std::string_view name) {
    std::string out;
    for (size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
        if (upper && i > 0) {
            bool prev_lower = std::islower(static_cast<unsigned char>(name[i - 1])) != 0 ||
                              std::isdigit(static_cast<unsigned char>(name[i - 1])) != 0;
            bool next_lower = i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1])) != 0;
            bool prev_upper = std::isupper(static_cast<unsigned char>(name[i - 1])) != 0;
            if (prev_lower || (prev_upper && next_lower)) out += '-';
        }
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

// Quotes a word for a POSIX shell when it needs quoting.
std::string shell_quote(const std::string& s) {
    bool plain = !s.empty();
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-_./:=,@+%").find(c) != std::string_view::npos))
            plain = false;
    if (plain) return s;
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

}  // namespace

// The call with its parameters as indented JSON.
std::string describe_api_call(const ApiCall& call) {
    return fmt::format("{} {}\n{}", call.service, call.operation, call.parameters.dump(2));
}

// The call as the AWS CLI would be asked to make it.
std::string aws_cli_equivalent(const ApiCall& call, const std::string& region) {
    std::string out = fmt::format("aws {} {}", call.service, kebab(call.operation));
    if (!region.empty()) out += " --region " + shell_quote(region);
    for (const auto& [key, value] : call.parameters.items()) {
        std::string flag = "--" + kebab(key);
        if (value.is_boolean()) {
            out += " " + (value.get<bool>() ? flag : "--no-" + kebab(key));
        } else if (value.is_string()) {
            out += " " + flag + " " + shell_quote(value.get<std::string>());
        } else if (value.is_array() && std::all_of(value.begin(), value.end(), [](const auto& v) { return v.is_string(); })) {
            out += " " + flag;
            for (const auto& v : value) out += " " + shell_quote(v.template get<std::string>());
        } else {
            out += " " + flag + " " + shell_quote(value.dump());
        }
    }
    return out;
}

}  // namespace vd::runbook
