// Helpers the list JSON builders share: members set only when AWS would
// send them (a value that is absent stays absent, as in the AWS CLI's output).
#pragma once

#include <optional>
#include <string>

#include "tui/cli/list_json.hpp"

namespace vd::cli::json_fields {

// Sets j[key] when the text is not empty.
inline void put(AwsJson& j, const char* key, const std::string& text) {
    if (!text.empty()) j[key] = text;
}
// Sets j[key] to the time as the AWS CLI prints it, when known.
inline void put(AwsJson& j, const char* key, const std::optional<TimePoint>& t) {
    if (t) j[key] = aws_cli_time(*t);
}
// Sets j[key] when the number is known.
inline void put(AwsJson& j, const char* key, const std::optional<int64_t>& n) {
    if (n) j[key] = *n;
}
// The vaultdeck member every item carries: where it was read.
inline AwsJson origin(const std::string& region, const std::string& arn) {
    AwsJson v = AwsJson::object();
    v["region"] = region;
    const std::string account = arn_account(arn);
    if (!account.empty()) v["account"] = account;
    return v;
}
// A lifecycle object: the days that are set, and the archive opt-in AWS
// sends beside them ({} when no days are set).
inline AwsJson lifecycle(const model::Lifecycle& l) {
    AwsJson j = AwsJson::object();
    put(j, "MoveToColdStorageAfterDays", l.move_to_cold_storage_after_days);
    put(j, "DeleteAfterDays", l.delete_after_days);
    if (!j.empty() || l.opt_in_to_archive_for_supported_resources)
        j["OptInToArchiveForSupportedResources"] = l.opt_in_to_archive_for_supported_resources;
    return j;
}

}  // namespace vd::cli::json_fields
