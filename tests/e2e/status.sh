#!/usr/bin/env bash
# The daily glance as cron runs it: `vaultdeck status` exit codes and output
# against the simulator's scenarios. Demo: critical (2) with the planted
# problems in text and JSON, the same on other dates (libfaketime); empty:
# ok (0); an endpoint that is down: could not tell (3) with a one-line reason.
#
# Needs $VAULTDECK (the binary) and $ROOT (the repository); run by scripts/test.
set -uo pipefail
: "${VAULTDECK:?set VAULTDECK to the vaultdeck binary}"
E2E="$(cd "$(dirname "$0")" && pwd)/conformance"
source "$E2E/lib.sh"

open_work

isolated_home
RECORD="$work/record.jsonl"
SECTION=status

# holds LABEL COMMAND...: the command succeeds.
holds() { local label="$1"; shift; if "$@"; then ok "$label"; else fail "$label"; fi; }

# status ARGS...: runs vaultdeck status; sets OUT, ERR and RC.
status() {
  OUT="$("$VAULTDECK" status "$@" 2>"$work/err")"; RC=$?
  ERR="$(cat "$work/err")"
}

echo "== status: demo scenario (embedded simulator)"
status --demo
expect "demo exit code (critical)" "$RC" 2
holds "demo text starts with the verdict" grep -q "^vaultdeck status: CRITICAL" <<<"$OUT"
for line in "\[rpo\] prod-shared-files" "\[job-failed\] prod-shared-files" "\[unprotected\] analytics-db" \
            "\[copy-missing\] prod-db" "\[plan-rule\] dev-backup-plan" "\[drill-due\] prod-db" \
            "\[restored-leftover\] prod-db-restored-" "\[vault-unlocked\] Default" "\[vault-unlocked\] dev-vault"; do
  holds "demo text names $line" grep -q "$line" <<<"$OUT"
done

status --demo --output json
expect "demo json exit code" "$RC" 2
expect "demo json is valid and critical" "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["schema"], d["overall"], d["exit_code"])' <<<"$OUT")" \
  "vaultdeck.status/1 critical 2"

# The demo's non-ok findings, "check:resource_name" sorted on one line, dates made DATE.
demo_problems() {
  python3 -c 'import json,sys; print(" ".join(sorted(f["check"]+":"+f["resource_name"] for f in json.load(sys.stdin)["findings"] if f["severity"]!="ok")))' \
    | sed 's/prod-db-restored-[0-9-]*/prod-db-restored-DATE/'
}
DEMO_PROBLEMS="copy-missing:prod-db drill-due:prod-db job-failed:prod-shared-files plan-rule:dev-backup-plan restored-leftover:prod-db-restored-DATE rpo:prod-shared-files unprotected:analytics-db vault-unlocked:Default vault-unlocked:dev-vault"
expect "demo json problems (check resource_name)" "$(demo_problems <<<"$OUT")" "$DEMO_PROBLEMS"

echo "== status: the demo on other dates (libfaketime), the same problems"
# The library itself, not the faketime wrapper: the wrapper names a shared
# semaphore after its pid and exits 1 ("sem_open: File exists") when one of
# an earlier, killed run is left with that pid.
LIBFAKETIME="$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1)"
[ -n "$LIBFAKETIME" ] || { echo "  FAIL libfaketime is not installed (apt-get install faketime)"; exit 1; }
# Month starts and ends around the monthly copy and restore test, a Sunday
# 1st during the nightly runs, DST changes, a leap day, year ends.
for when in "2027-01-01 05:30:00" "2027-02-28 23:59:00" "2027-03-01 05:45:00" "2027-03-14 07:00:00" \
            "2027-08-01 03:05:00" "2027-10-31 01:00:00" "2027-12-31 23:30:00" "2028-02-29 12:00:00" \
            "2028-03-01 06:30:00" "2028-11-05 06:00:00" "2028-12-31 23:59:00"; do
  OUT="$(LD_PRELOAD="$LIBFAKETIME" FAKETIME="@$when" FAKETIME_DONT_FAKE_MONOTONIC=1 \
         "$VAULTDECK" status --demo --output json 2>"$work/err")"; RC=$?
  expect "demo at $when: exit code" "$RC" 2
  expect "demo at $when: the report is of that date" \
    "$(python3 -c 'import json,sys; print(json.load(sys.stdin)["generated_at"][:16])' <<<"$OUT" 2>/dev/null)" "${when:0:10}T${when:11:5}"
  [ "$RC" = 2 ] || echo "  FAIL demo at $when said: $(head -c 400 "$work/err" | tr '\n' ' ')"
  expect "demo at $when: problems" "$(demo_problems <<<"$OUT")" "$DEMO_PROBLEMS"
done

echo "== status: empty scenario (vaultdeck sim serve)"
start_sim empty --scenario empty
status --endpoint-url "$SIM_URL" --region us-east-1,us-west-2
expect "empty exit code (ok)" "$RC" 0
holds "empty text says OK" grep -q "^vaultdeck status: OK" <<<"$OUT"

echo "== status: endpoint down"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
status --endpoint-url "http://127.0.0.1:$port" --region us-east-1
expect "unreachable exit code (could not tell)" "$RC" 3
holds "unreachable says UNKNOWN" grep -q "^vaultdeck status: UNKNOWN" <<<"$OUT$ERR"

echo "status: $(failures) failures"
[ "$(failures)" -eq 0 ]
