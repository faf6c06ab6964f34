// The shared config and credentials files: any text as either file, then
// the profile model built from them and every profile looked up.
#include "backend/aws/profile_config.hpp"
#include "fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > vd::fuzz::kMaxInput) return 0;
    std::string_view text = vd::fuzz::text_of(data, size);
    auto config = vd::aws::parse_ini(text, "config");
    auto credentials = vd::aws::parse_ini(text, "credentials");
    if (!config || !credentials) return 0;
    auto model = vd::aws::build_profile_config(*config, *credentials);
    for (const char* name : {"default", "prod", "dev", "sso"}) {
        if (const auto* p = model.profile(name)) {
            (void)p->get("region");
            (void)p->get("role_arn");
            (void)p->has("credential_process");
        }
        (void)model.sso_session(name);
        (void)model.services_section(name);
    }
    (void)model.files_description();
    (void)vd::aws::parse_bool(text);
    return 0;
}
