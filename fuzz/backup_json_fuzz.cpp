// The AWS Backup (rest-json) response parsers: any JSON document, and each
// member of it, through every shape parser.
#include <nlohmann/json.hpp>

#include "backend/services/backup_parse.hpp"
#include "fuzz/fuzz_input.hpp"

namespace {

// Runs every parser over one JSON value.
void parse_all(const nlohmann::json& j) {
    using namespace vd::services::backup_parse;
    (void)vault(j);
    (void)recovery_point(j);
    (void)backup_job(j);
    (void)copy_job(j);
    (void)restore_job(j);
    (void)lifecycle(j);
    (void)backup_rule(j);
    (void)plan_summary(j);
    (void)backup_plan(j);
    (void)selection_summary(j);
    (void)backup_selection(j);
    (void)protected_resource(j);
    (void)restore_testing_plan(j);
    (void)job_summary(j);
    (void)restore_metadata(j);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > vd::fuzz::kMaxInput) return 0;
    auto doc = nlohmann::json::parse(vd::fuzz::text_of(data, size), nullptr, false);
    if (doc.is_discarded()) return 0;
    parse_all(doc);
    if (doc.is_object() || doc.is_array()) {
        for (const auto& member : doc) {
            parse_all(member);
            if (member.is_array())
                for (const auto& item : member) parse_all(item);
        }
    }
    return 0;
}
