#include "backend/services/backup_filter.hpp"

#include <algorithm>

#include "backend/services/backup_wire.hpp"

namespace vd::services {

Status check_filter(const JobFilter& f, unsigned supported, std::string_view operation) {
    struct Field {
        unsigned bit;
        bool set;
        const char* name;
    };
    const Field fields[] = {
        {kFilterState, !f.state.empty(), "state"},
        {kFilterResourceArn, !f.resource_arn.empty(), "resource ARN"},
        {kFilterResourceType, !f.resource_type.empty(), "resource type"},
        {kFilterVault, !f.vault_name.empty(), "vault name"},
        {kFilterAccount, !f.account_id.empty(), "account id"},
        {kFilterCreated, f.created_after.has_value() || f.created_before.has_value(), "creation time"},
        {kFilterCompleted, f.completed_after.has_value() || f.completed_before.has_value(), "completion time"},
    };
    for (const auto& field : fields) {
        if (field.set && (supported & field.bit) == 0)
            return make_error(ErrorKind::InvalidInput,
                              std::string(operation) + " cannot filter by " + field.name, "UnsupportedFilter");
    }
    return ok_status();
}

int page_size_of(const JobFilter& filter) {
    if (filter.page_size <= 0) return backup_wire::kPageSize;
    return std::clamp(filter.page_size, 1, backup_wire::kPageSize);
}

}  // namespace vd::services
