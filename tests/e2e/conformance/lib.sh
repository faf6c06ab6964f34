# Helpers for conformance.sh (sourced): starting simulators, calling the CLI,
# and checking what it printed.
SECTION=main
SIM_URL=""

# Makes the suite's throw-away folder ($work); it and the simulators started
# into $pids are gone when the suite exits.
open_work() {
  work="$(mktemp -d)"
  pids=()
  trap close_work EXIT
}
close_work() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}

# A home, configuration, cache and state folder of the suite's own, empty
# AWS config and credentials files, test keys, and no AWS variables from the
# caller: nothing the suite runs can read the operator's files or reach AWS.
isolated_home() {
  export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache" XDG_STATE_HOME="$work/home/.state"
  export AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_EC2_METADATA_DISABLED=true
  unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_REGION AWS_DEFAULT_REGION || true
  mkdir -p "$HOME"; : >"$AWS_CONFIG_FILE"; : >"$AWS_SHARED_CREDENTIALS_FILE"; : >"$work/failures"
}

# Starts `vaultdeck sim serve` in the background and sets SIM_URL from its
# one "listening on" line.
start_sim() {
  local name="$1"; shift
  "$VAULTDECK" sim serve --port 0 --record "$RECORD" "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pids+=($!)
  for _ in $(seq 1 300); do
    if grep -q '^listening on http://127.0.0.1:[0-9]*$' "$work/$name.out" 2>/dev/null; then
      SIM_URL="$(sed -n 's/^listening on //p' "$work/$name.out")"
      echo "== $name simulator at $SIM_URL ($(cat "$work/$name.err"))"
      return 0
    fi
    sleep 0.1
  done
  echo "conformance: the $name simulator did not start:"; cat "$work/$name.err"
  exit 1
}

# Runs the CLI against an endpoint: cli URL SERVICE OPERATION ARGS...; prints its stdout.
cli() {
  local url="$1"; shift
  count_call
  "$AWS" --endpoint-url "$url" --output json "$@" 2>"$work/$SECTION.err"
}

# Runs the CLI and expects it to fail with an error code: cli_error URL CODE ARGS...
cli_error() {
  local url="$1" code="$2"; shift 2
  count_call
  if "$AWS" --endpoint-url "$url" --output json "$@" >"$work/$SECTION.out" 2>"$work/$SECTION.err"; then
    fail "aws $*: succeeded, expected $code"
  elif ! grep -q "($code)" "$work/$SECTION.err"; then
    fail "aws $*: expected $code, got: $(head -c 300 "$work/$SECTION.err")"
  else
    ok "aws ${*:1:2}: $code"
  fi
}

# Counts one CLI call (in a file: calls are often made in $(...) subshells).
count_call() { echo >>"$work/calls"; }
calls() { wc -l <"$work/calls" 2>/dev/null || echo 0; }

ok() { echo "  ok   $*"; }
# Records a failure (in a file: sections run in parallel subshells).
fail() {
  echo "  FAIL $*"
  echo "$SECTION: $*" >>"$work/failures"
}
failures() { wc -l <"$work/failures" 2>/dev/null || echo 0; }

# Runs the named section files in parallel, each with its own error files,
# and prints their output in order once all are done.
run_sections() {
  local name section_pids=()
  for name in "$@"; do
    ( SECTION="$name"; source "$E2E/$name.sh" ) >"$work/$name.log" 2>&1 &
    section_pids+=($!)
  done
  for pid in "${section_pids[@]}"; do wait "$pid" || echo "section $pid ended with status $?" >>"$work/failures"; done
  for name in "$@"; do cat "$work/$name.log"; done
}

# expect LABEL ACTUAL EXPECTED
expect() {
  if [ "$2" = "$3" ]; then ok "$1 = $3"; else fail "$1: expected '$3', got '$2' $(head -c 300 "$work/$SECTION.err" 2>/dev/null)"; fi
}

# expect_true LABEL CONDITION-RESULT (the word true)
expect_true() {
  if [ "$2" = "true" ] || [ "$2" = "True" ]; then ok "$1"; else fail "$1 (got '$2') $(head -c 300 "$work/$SECTION.err" 2>/dev/null)"; fi
}

# Repeats a query until it prints the wanted value or the time runs out:
# wait_for LABEL SECONDS WANTED COMMAND...
wait_for() {
  local label="$1" seconds="$2" wanted="$3"; shift 3
  local got="" deadline=$(( $(date +%s) + seconds ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    got="$("$@" || true)"
    [ "$got" = "$wanted" ] && { ok "$label reached $wanted"; return 0; }
    [ "$got" = "FAILED" ] && break
    sleep 1
  done
  fail "$label: expected $wanted, last seen '$got'"
}

# Runs the CLI with a JMESPath query over the whole (all pages) result and
# prints it as text: strings bare, booleans True/False, lists tab-separated.
# Never fails; a failed call prints nothing and leaves its error in cli.err.
cliq() {
  local url="$1" query="$2"; shift 2
  count_call
  "$AWS" --endpoint-url "$url" --output json --query "$query" "$@" 2>"$work/$SECTION.err" | python3 -c '
import json, sys
text = sys.stdin.read().strip()
if not text:
    sys.exit(0)
def show(v):
    if isinstance(v, bool):
        return str(v)
    if v is None:
        return "None"
    if isinstance(v, list):
        return "\t".join(show(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, sort_keys=True)
    return str(v)
print(show(json.loads(text)))
' || true
}
