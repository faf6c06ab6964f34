# Shared by scripts/demo and scripts/test: install what is missing (Debian
# packages only) and build. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${VAULTDECK_BUILD_DIR:-$ROOT/build}"

# Build tools and libraries.
VAULTDECK_BUILD_PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache lld
  libncurses-dev libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libfmt-dev
  libpugixml-dev libcli11-dev libtomlplusplus-dev libcpp-httplib-dev libpq-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)
# What the end-to-end suites drive: the AWS CLI, PostgreSQL, tmux; faketime
# runs the demo on other dates; clang builds the fuzz targets.
VAULTDECK_TEST_PACKAGES=(awscli postgresql tmux locales jq faketime clang time bc procps)

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

# Never reach real AWS: no instance metadata, throw-away config files, and
# the STS and SSO endpoints of role and SSO profiles (which --endpoint-url
# does not cover) on a loopback port where nothing listens.
isolate_aws_environment() {
  export AWS_EC2_METADATA_DISABLED=true
  export AWS_ENDPOINT_URL_STS=http://127.0.0.1:9 AWS_ENDPOINT_URL_SSO=http://127.0.0.1:9
  local tmp
  tmp="$(mktemp -d)"
  : > "$tmp/config"; : > "$tmp/credentials"
  VAULTDECK_AWS_DIR="$tmp"  # the caller removes it when done
  export AWS_CONFIG_FILE="$tmp/config" AWS_SHARED_CREDENTIALS_FILE="$tmp/credentials"
  unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_CONTAINER_CREDENTIALS_FULL_URI AWS_CONTAINER_CREDENTIALS_RELATIVE_URI || true
}

# Starts a throw-away PostgreSQL cluster on a free 127.0.0.1 port (initdb into
# a temporary folder, as the postgres user when run as root; trust
# authentication, so user postgres needs no password) and exports its libpq
# conninfo as VAULTDECK_TEST_PG. stop_test_postgres stops and removes it.
start_test_postgres() {
  local bin dir port as_postgres=()
  bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "vaultdeck: PostgreSQL is not installed (apt-get install postgresql)" >&2
    return 1
  fi
  dir="$(mktemp -d /tmp/vaultdeck-pg.XXXXXX)"
  VAULTDECK_TEST_PG_DIR="$dir" VAULTDECK_TEST_PG_BIN="$bin"
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
    as_postgres=(runuser -u postgres --)
  fi
  if ! "${as_postgres[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1; then
    echo "vaultdeck: initdb failed:" >&2; cat "$dir/initdb.log" >&2
    return 1
  fi
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  if ! "${as_postgres[@]}" "$bin/pg_ctl" -D "$dir/data" -w -t 30 -l "$dir/server.log" \
       -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null 2>&1; then
    echo "vaultdeck: PostgreSQL did not start on port $port:" >&2; tail -n 20 "$dir/server.log" >&2
    return 1
  fi
  export VAULTDECK_TEST_PG="host=127.0.0.1 port=$port user=postgres dbname=postgres"
}

# Stops and removes the cluster start_test_postgres started (if any).
stop_test_postgres() {
  [ -n "${VAULTDECK_TEST_PG_DIR:-}" ] || return 0
  local as_postgres=()
  [ "$(id -u)" -eq 0 ] && as_postgres=(runuser -u postgres --)
  "${as_postgres[@]}" "$VAULTDECK_TEST_PG_BIN/pg_ctl" -D "$VAULTDECK_TEST_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$VAULTDECK_TEST_PG_DIR"
  VAULTDECK_TEST_PG_DIR=""
  unset VAULTDECK_TEST_PG
}

# The test labels (tests/<module>/) that the sanitizer run of scripts/test
# covers: the backend's parsers and logic (core, aws, services, config,
# health), whose tests need neither the simulator nor the vaultdeck binary.
# The simulator, the runbook engine and the console are covered by the fuzz
# targets and by the release build's suites; building them again under the
# sanitizers would double the clean-clone time on 2 cores.
VAULTDECK_SANITIZE_TEST_LABELS="core|aws|services|config|health|poll"

# Configures (once) and builds, in one clang build folder under ASan and
# UBSan (-O1: built to be run, not timed), the libFuzzer targets and those
# tests; tests that run the vaultdeck binary are left out. One folder for
# both keeps the extra build to the backend minus the simulator, once.
build_sanitized() {
  local dir="$1"
  export CCACHE_BASEDIR="$ROOT" CCACHE_NOHASHDIR=1
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DVAULTDECK_FUZZ=ON -DVAULTDECK_BENCH=OFF >/dev/null
  fi
  local targets=() src module
  for src in "$ROOT"/fuzz/*_fuzz.cpp; do targets+=("fuzz_$(basename "$src" _fuzz.cpp)"); done
  for src in "$ROOT"/tests/*/*_test.cpp; do
    module="$(basename "$(dirname "$src")")"
    [[ "$module" =~ ^($VAULTDECK_SANITIZE_TEST_LABELS)$ ]] || continue
    grep -q VAULTDECK_BINARY "$src" && continue
    targets+=("${module}_$(basename "$src" .cpp)")
  done
  cmake --build "$dir" -j"$(nproc)" --target "${targets[@]}"
}

# run_fuzz_targets DIR SECONDS TARGET...: runs each target for SECONDS over a
# copy of its seed corpus (or until VAULTDECK_FUZZ_RUNS executions, if set,
# whichever comes first), with inputs of up to VAULTDECK_FUZZ_MAX_LEN bytes
# (64 KiB); prints one line per target and returns non-zero when any target
# found something. An input that runs longer than VAULTDECK_FUZZ_TIMEOUT
# seconds (10) is a finding: raise it for a run that shares the machine with
# builds, where a starved process can look hung.
run_fuzz_targets() {
  local dir="$1" seconds="$2"; shift 2
  local bad=0 work name log
  work="$(mktemp -d)"
  mkdir -p "$dir/findings"
  for name in "$@"; do
    if [ ! -x "$dir/fuzz/fuzz_$name" ]; then echo "fuzz: no target $name" >&2; bad=1; continue; fi
    mkdir -p "$work/$name"
    cp -r "$ROOT/fuzz/corpus/$name/." "$work/$name/" 2>/dev/null || true
    log="$work/$name.log"
    if ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
       "$dir/fuzz/fuzz_$name" -max_total_time="$seconds" -runs="${VAULTDECK_FUZZ_RUNS:--1}" -timeout="${VAULTDECK_FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -max_len="${VAULTDECK_FUZZ_MAX_LEN:-65536}" \
         -artifact_prefix="$dir/findings/$name-" -print_final_stats=1 "$work/$name" >"$log" 2>&1; then
      echo "fuzz $name: $(grep -E '^Done [0-9]+ runs' "$log" | tail -n 1) (corpus $(ls "$work/$name" | wc -l) inputs)"
    else
      echo "fuzz $name: FOUND A PROBLEM (reproducer in $dir/findings/):" >&2
      grep -E "ERROR|runtime error|SUMMARY|Test unit written" "$log" | head -n 8 >&2
      bad=1
    fi
  done
  rm -rf "$work"
  return "$bad"
}
