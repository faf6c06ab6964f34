// `vaultdeck --version`: the version, the commit it was built from and the
// versions of the libraries it runs with (as loaded, not as compiled).
#include "tui/cli/version.hpp"

#include <fmt/format.h>
#include <curl/curl.h>
#include <openssl/crypto.h>
// Last: curses.h defines macros (clear, erase, OK) that other headers must not see.
#include <curses.h>

#include "vaultdeck_git_commit.hpp"

namespace vd::cli {

std::string version_text() {
    const curl_version_info_data* curl = curl_version_info(CURLVERSION_NOW);
    return fmt::format("vaultdeck {} (commit {})\nlibcurl {}, {}, {}", VAULTDECK_VERSION, kGitCommit,
                       curl != nullptr ? curl->version : "unknown", OpenSSL_version(OPENSSL_VERSION), curses_version());
}

}  // namespace vd::cli
