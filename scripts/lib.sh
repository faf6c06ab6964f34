# Shared by scripts/demo and scripts/test: install what is missing (Debian
# packages only) and build. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${VAULTDECK_BUILD_DIR:-$ROOT/build}"

# Build tools and libraries.
VAULTDECK_BUILD_PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache
  libncurses-dev libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libfmt-dev
  libpugixml-dev libcli11-dev libtomlplusplus-dev libcpp-httplib-dev libpq-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
# What the end-to-end suites drive: the AWS CLI, PostgreSQL, tmux.
VAULTDECK_TEST_PACKAGES=(awscli postgresql tmux locales)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the named Debian packages that are not installed yet.
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "vaultdeck: installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Configures (once) and builds incrementally. ccache may reuse objects built
# in another checkout of the same sources (paths are made relative).
build_vaultdeck() {
  export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
  local generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  fi
  cmake --build "$BUILD_DIR" -j"$(nproc)"
}

# Never reach real AWS: no instance metadata, throw-away config files.
isolate_aws_environment() {
  export AWS_EC2_METADATA_DISABLED=true
  local tmp
  tmp="$(mktemp -d)"
  : > "$tmp/config"; : > "$tmp/credentials"
  export AWS_CONFIG_FILE="$tmp/config" AWS_SHARED_CREDENTIALS_FILE="$tmp/credentials"
  unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_CONTAINER_CREDENTIALS_FULL_URI AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || true
}
