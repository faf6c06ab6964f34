#!/usr/bin/env bash
# The monthly restore-test drill headless, end to end, against real SQL: the
# simulator (demo scenario, 60x clock) backs its DB instances with databases
# on a throw-away PostgreSQL (--postgres), `vaultdeck drill run` restores
# prod-db's newest recovery point to a temporary instance, runs the runbook's
# SQL checks against that real database and the source, deletes it and
# writes the reports. Then the recovery point's database is corrupted
# (every events row deleted) and the same drill must fail on it. Last, a
# drill started with environment credentials and no AWS config at all is
# killed -9 while it waits and `vaultdeck resume` carries it to its verdict
# with the same credentials, with one restore job.
#
# Needs $VAULTDECK (the binary) and $ROOT; uses the PostgreSQL cluster in
# $VAULTDECK_TEST_PG (scripts/test starts one) or starts its own. Without a
# PostgreSQL the suite fails.
set -euo pipefail
: "${VAULTDECK:?set VAULTDECK to the vaultdeck binary}"
ROOT="${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}"
source "$ROOT/scripts/lib.sh"

started_at=$(date +%s)
work="$(mktemp -d)"
sim_pid=""
own_postgres=""
cleanup() {
  [ -n "$sim_pid" ] && { kill "$sim_pid" 2>/dev/null || true; wait "$sim_pid" 2>/dev/null || true; }
  [ -n "$own_postgres" ] && stop_test_postgres
  rm -rf "$work"
}
trap cleanup EXIT

passed=0; failed=0
ok() { echo "  ok   $*"; passed=$((passed + 1)); }
fail() { echo "  FAIL $*"; failed=$((failed + 1)); }
# expect LABEL ACTUAL EXPECTED
expect() { if [ "$2" = "$3" ]; then ok "$1 = $3"; else fail "$1: expected '$3', got '$2'"; fi; }
# expect_match LABEL FILE EXTENDED-REGEX
expect_match() { if grep -Eq -- "$3" "$2"; then ok "$1"; else fail "$1: no /$3/ in $2:"; sed 's/^/       /' "$2" | head -40; fi; }

if [ -z "${VAULTDECK_TEST_PG:-}" ]; then
  start_test_postgres || { echo "drill: FAIL PostgreSQL could not be started; this suite needs it"; exit 1; }
  own_postgres=yes
fi
if ! psql "$VAULTDECK_TEST_PG" -Atqc "SELECT 1" >/dev/null; then
  echo "drill: FAIL cannot reach PostgreSQL at $VAULTDECK_TEST_PG"
  exit 1
fi
pg_port="$(psql "$VAULTDECK_TEST_PG" -Atqc "SHOW port")"
# sql DATABASE QUERY: one value, as the superuser of the test cluster.
sql() { psql "$VAULTDECK_TEST_PG dbname=$1" -Atqc "$2"; }
has_database() { sql postgres "SELECT count(*) FROM pg_database WHERE datname = '$1'"; }
# The simulator's database name for an identifier (postgres_backing.hpp).
database_name() { printf '%s%s' "$1" "$(printf '%s' "$2" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9' '_')"; }

# Never reach real AWS: a throw-away home, XDG folders and AWS files.
export HOME="$work/home" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
export AWS_CONFIG_FILE="$work/aws-config" AWS_SHARED_CREDENTIALS_FILE="$work/aws-credentials"
export AWS_EC2_METADATA_DISABLED=true AWS_PAGER="" AWS_MAX_ATTEMPTS=2
unset AWS_PROFILE AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_REGION AWS_DEFAULT_REGION || true
mkdir -p "$HOME"
printf '[default]\nregion = us-east-1\n' >"$AWS_CONFIG_FILE"
printf '[default]\naws_access_key_id = test\naws_secret_access_key = test\n' >"$AWS_SHARED_CREDENTIALS_FILE"
# The drill's checks connect the libpq way; the test cluster trusts user postgres.
export PGUSER=postgres PGCONNECT_TIMEOUT=10

"$VAULTDECK" sim serve --scenario demo --postgres "$VAULTDECK_TEST_PG" --port 0 --speed 60 >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 300); do
  grep -q '^listening on http://127.0.0.1:[0-9]*$' "$work/sim.out" 2>/dev/null && break
  kill -0 "$sim_pid" 2>/dev/null || break
  sleep 0.1
done
url="$(sed -n 's/^listening on //p' "$work/sim.out")"
if [ -z "$url" ]; then
  echo "drill: FAIL the simulator did not start:"; cat "$work/sim.err"
  exit 1
fi
echo "== drill: simulator at $url on PostgreSQL port $pg_port ($(cat "$work/sim.err"))"
aws_() { aws --endpoint-url "$url" --output json "$@"; }
prod_arn="arn:aws:rds:us-east-1:123456789012:db:prod-db"

echo "== drill: the source instance is a real database"
aws_ rds describe-db-instances --db-instance-identifier prod-db >"$work/prod.json"
expect "prod-db Endpoint.Address" "$(jq -r '.DBInstances[0].Endpoint.Address' "$work/prod.json")" 127.0.0.1
expect "prod-db Endpoint.Port" "$(jq -r '.DBInstances[0].Endpoint.Port' "$work/prod.json")" "$pg_port"
expect "prod-db DBName" "$(jq -r '.DBInstances[0].DBName' "$work/prod.json")" vdsim_db_prod_db
expect "rows in prod-db's events" "$(sql vdsim_db_prod_db "SELECT count(*) FROM events")" 10000

# The demo's on-demand backup of prod-db is running; once it completes it is
# the newest recovery point (and nothing else changes prod-db's points).
deadline=$(( $(date +%s) + 120 ))
while [ "$(date +%s)" -lt "$deadline" ]; do
  running="$(aws_ backup list-backup-jobs --by-resource-arn "$prod_arn" \
               --query 'length(BackupJobs[?State==`RUNNING` || State==`CREATED` || State==`PENDING`])')"
  [ "$running" = 0 ] && break
  sleep 1
done
expect "prod-db backup jobs still running" "$running" 0

# The newest COMPLETED snapshot recovery point of prod-db, and its database.
newest_point() {
  aws_ backup list-recovery-points-by-resource --resource-arn "$prod_arn" |
    jq -r '[.RecoveryPoints[] | select(.Status == "COMPLETED" and (.RecoveryPointArn | contains(":snapshot:")))]
           | sort_by(.CreationDate) | last | .RecoveryPointArn'
}
point="$(newest_point)"
point_db="$(database_name vdsim_snap_ "${point#*:snapshot:}")"
echo "== drill: newest recovery point $point (database $point_db)"
expect "the recovery point has its own database" "$(has_database "$point_db")" 1
expect "rows in the recovery point's events" "$(sql "$point_db" "SELECT count(*) FROM events")" 10000

# drill NAME: runs the monthly drill, output in $work/NAME.out, exit code in $work/NAME.rc.
drill() {
  local rc=0
  "$VAULTDECK" drill run --runbook monthly-drill --resource prod-db --yes --endpoint-url "$url" \
    --report-dir "$work/$1" >"$work/$1.out" 2>&1 || rc=$?
  echo "$rc" >"$work/$1.rc"
  sed 's/^/    | /' "$work/$1.out"
}

# Checks what every drill prints and writes: one line per step, both reports,
# RTO and RPO against their targets, the cleanup, the recovery point used and
# the temporary database dropped. Sets $report (the JSON report).
check_drill_run() {
  local name="$1" steps report_md target target_db
  steps="$(sed -n 's/^\[[0-9]*\/\([0-9]*\)\].*/\1/p' "$work/$name.out" | sort -u)"
  expect "$name: the step count every progress line gives" "$(echo "$steps" | wc -l)" 1
  expect "$name: progress lines, one per step 1..$steps" \
    "$(sed -n 's/^\[\([0-9]*\)\/[0-9]*\].*/\1/p' "$work/$name.out" | tr '\n' ' ')" "$(seq -s ' ' 1 "$steps") "
  report="$(ls "$work/$name"/*.json 2>/dev/null | head -n 1)"
  report_md="${report%.json}.md"
  if [ -z "$report" ] || [ ! -s "$report" ] || [ ! -s "$report_md" ]; then
    fail "$name: the Markdown and JSON reports in $work/$name"; return
  fi
  ok "$name: reports $(basename "$report_md") and $(basename "$report")"
  expect_match "$name: the output names the Markdown report" "$work/$name.out" "^report: $report_md$"
  expect "$name: recovery point restored" "$(jq -r '.recovery_point.id' "$report")" "$point"
  expect "$name: RPO target (runbook: 25h)" "$(jq -r '.rpo.target_seconds' "$report")" 90000
  expect "$name: RTO target (runbook: 2h)" "$(jq -r '.rto.target_seconds' "$report")" 7200
  expect "$name: RPO is the point's age at the restore, and met" \
    "$(jq -r '(.rpo.seconds | type) == "number" and .rpo.seconds >= 0 and .rpo.met == true and .recovery_point.created != null' "$report")" true
  expect "$name: RTO measured from restore start to end, and met" \
    "$(jq -r '(.rto.seconds | type) == "number" and .rto.seconds > 0 and .rto.met == true and .restore.started != null and .restore.finished != null' "$report")" true
  expect "$name: cleanup" "$(jq -r '.cleanup.result + " " + (.cleanup.ok | tostring)' "$report")" "deleted true"
  expect_match "$name: Markdown gives the measured RTO against its target" "$report_md" '^\| Measured RTO \| [0-9hms]+ \(target 2h: met\) \|$'
  expect_match "$name: Markdown gives the achieved RPO against its target" "$report_md" '^\| Achieved RPO \(data age\) \| [0-9dhms]+ \(target 1d1h: met\) \|$'
  expect_match "$name: Markdown gives the cleanup" "$report_md" '^\| Cleanup \| deleted \|$'
  target="$(jq -r '.target' "$report")"
  target_db="$(database_name vdsim_db_ "$target")"
  # The endpoint the checks connected to, as the wizard recorded it.
  local wizard="$XDG_STATE_HOME/vaultdeck/wizards/$(jq -r '.wizard' "$report").json"
  expect "$name: the checks connected to" \
    "$(jq -r '.values | "\(.endpoint_host):\(.endpoint_port)/\(.db_name)"' "$wizard" 2>/dev/null)" "127.0.0.1:$pg_port/$target_db"
  expect "$name: $target_db dropped after the drill" "$(has_database "$target_db")" 0
  # Wait until the deleting instance is gone, so the next drill's identifier is free.
  local deadline=$(( $(date +%s) + 90 ))
  while [ "$(date +%s)" -lt "$deadline" ] && aws_ rds describe-db-instances --db-instance-identifier "$target" >/dev/null 2>&1; do sleep 1; done
  if aws_ rds describe-db-instances --db-instance-identifier "$target" >/dev/null 2>&1; then fail "$name: $target still exists"; else ok "$name: $target deleted"; fi
}

echo "== drill: a good backup"
drill good
expect "good: exit code" "$(cat "$work/good.rc")" 0
check_drill_run good
expect_match "good: the sql-check step passed every check" "$work/good.out" '^\[[0-9]+/[0-9]+\] sql-check +done +Integrity checks — 3 of 3 checks passed$'
expect "good: every check passed against the restored database" \
  "$(jq -r '[.checks[] | .passed] | all' "$report") $(jq -r '.checks_passed' "$report")/$(jq -r '.checks_total' "$report")" "true 3/3"
expect "good: tables in the restored database (and the source)" \
  "$(jq -r '.checks[] | select(.name == "tables match the source") | .actual + " = " + .source_value' "$report")" \
  "public.customers,public.events,public.orders = public.customers,public.events,public.orders"
expect "good: report verdict" "$(jq -r '.passed' "$report")" true
expect_match "good: Markdown verdict" "${report%.json}.md" '^\*\*Result: PASSED\*\*$'

echo "== drill: the recovery point's database corrupted (every events row deleted)"
expect "the newest recovery point is unchanged" "$(newest_point)" "$point"
sql "$point_db" "DELETE FROM events" >/dev/null
expect "rows left in the recovery point's events" "$(sql "$point_db" "SELECT count(*) FROM events")" 0
expect "rows in prod-db's events (untouched)" "$(sql vdsim_db_prod_db "SELECT count(*) FROM events")" 10000
drill corrupt
rc="$(cat "$work/corrupt.rc")"
if [ "$rc" != 0 ]; then ok "corrupt: exit code $rc (non-zero)"; else fail "corrupt: exit code 0, expected a failure"; fi
check_drill_run corrupt
expect_match "corrupt: the output names the failing check" "$work/corrupt.out" \
  '^\[[0-9]+/[0-9]+\] sql-check +failed +Integrity checks — 2 of 3 checks passed; failed: no table emptier than the source$'
expect_match "corrupt: the output gives the verdict" "$work/corrupt.out" '^result: FAILED$'
expect_match "corrupt: one line says why (stderr, for cron)" "$work/corrupt.out" \
  '^vaultdeck: drill failed: verify: 2 of 3 checks passed; failed: no table emptier than the source$'
expect "corrupt: the failing check in the report (passed, restored, source)" \
  "$(jq -r '.checks[] | select(.name == "no table emptier than the source") | "\(.passed) \(.actual) \(.source_value)"' "$report")" "false 1 0"
expect "corrupt: report verdict" "$(jq -r '.passed' "$report")" false
expect_match "corrupt: Markdown verdict" "${report%.json}.md" '^\*\*Result: FAILED\*\*$'
expect_match "corrupt: Markdown says why" "${report%.json}.md" "^- check 'no table emptier than the source' failed$"
expect_match "corrupt: Markdown marks the check failed" "${report%.json}.md" '^\| no table emptier than the source \| `<= source` \| 1 \| 0 \| FAIL \|$'

echo "== restore: a point-in-time restore keeps prod-db's settings (read back with the AWS CLI)"
rc=0
"$VAULTDECK" drill run --runbook pitr-restore --resource prod-db --yes --endpoint-url "$url" \
  --report-dir "$work/pitr" >"$work/pitr.out" 2>&1 || rc=$?
sed 's/^/    | /' "$work/pitr.out"
expect "pitr: exit code" "$rc" 0
expect_match "pitr: the switch-over checklists are left to an operator" "$work/pitr.out" \
  '^\[[0-9]+/[0-9]+\] checklist +skipped +Switch the application over — skipped: a checklist needs an operator'
pitr_report="$(ls "$work/pitr"/*.json 2>/dev/null | head -n 1)"
pitr_target="$(jq -r '.target' "$pitr_report" 2>/dev/null)"
aws_ rds describe-db-instances --db-instance-identifier "$pitr_target" >"$work/pitr.json" || true
# same FIELD (a jq path into DBInstances[0]): the restored instance has the source's value.
same() {
  expect "pitr: $pitr_target $1 is prod-db's" "$(jq -c ".DBInstances[0] | $2" "$work/pitr.json")" "$(jq -c ".DBInstances[0] | $2" "$work/prod.json")"
}
same "DB subnet group" '.DBSubnetGroup.DBSubnetGroupName'
same "VPC security groups" '[.VpcSecurityGroups[].VpcSecurityGroupId]'
same "DB parameter group" '[.DBParameterGroups[].DBParameterGroupName]'
same "option group" '[.OptionGroupMemberships[].OptionGroupName]'
same "instance class" '.DBInstanceClass'
same "port" '.Endpoint.Port'
same "Multi-AZ (a restore, not a drill)" '.MultiAZ'
same "CopyTagsToSnapshot" '.CopyTagsToSnapshot'
expect "pitr: DB subnet group is not the default" "$(jq -r '.DBInstances[0].DBSubnetGroup.DBSubnetGroupName' "$work/pitr.json")" prod-db-subnets
expect "pitr: the source's tags and vaultdeck:restored-from" \
  "$(jq -r '[.DBInstances[0].TagList[] | select(.Key == "env" or .Key == "vaultdeck:restored-from") | .Key] | sort | join(",")' "$work/pitr.json")" \
  "env,vaultdeck:restored-from"
pitr_wizard="$XDG_STATE_HOME/vaultdeck/wizards/$(jq -r '.wizard' "$pitr_report").json"
expect "pitr: the DATABASE_URL for the switch-over (no password)" "$(jq -r '.values.database_url' "$pitr_wizard")" \
  "postgresql://app_admin@127.0.0.1:$pg_port/$(database_name vdsim_db_ "$pitr_target")"
expect "pitr: the audit log has the restore with EngineLifecycleSupport=open-source-rds-extended-support-disabled" \
  "$(jq -r 'select(.phase == "before" and .api.operation == "RestoreDBInstanceToPointInTime") | .api.parameters.EngineLifecycleSupport' \
     "$XDG_STATE_HOME/vaultdeck/audit.jsonl")" open-source-rds-extended-support-disabled

echo "== drill: killed while it waits, resumed with the same environment credentials (no profile anywhere)"
: >"$work/empty-config"
# env execs vaultdeck, so $! below is vaultdeck itself.
envcreds=(env AWS_CONFIG_FILE="$work/empty-config" AWS_SHARED_CREDENTIALS_FILE="$work/empty-config"
          AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1)
"${envcreds[@]}" "$VAULTDECK" drill run --runbook monthly-drill --resource prod-db --yes --endpoint-url "$url" \
  --report-dir "$work/killed" >"$work/killed.out" 2>&1 &
killed_pid=$!
for _ in $(seq 1 300); do
  grep -qE '^\[6/10\] restore +done' "$work/killed.out" && break
  kill -0 "$killed_pid" 2>/dev/null || break
  sleep 0.1
done
if grep -qE '^\[6/10\] restore +done' "$work/killed.out" && kill -9 "$killed_pid" 2>/dev/null; then
  ok "killed -9 once the restore was sent"
else
  fail "the drill did not reach its wait step"; cat "$work/killed.out"
fi
wait "$killed_pid" 2>/dev/null || true
rc=0
"${envcreds[@]}" "$VAULTDECK" resume --endpoint-url "$url" >"$work/resumed.out" 2>&1 || rc=$?
sed 's/^/    | /' "$work/resumed.out"
# The newest point is the one corrupted above, so the drill's verdict is a
# failed integrity check (exit 1); before the fix resume stopped at once with
# ProfileNotFound (exit 3).
expect "resume with environment credentials runs the drill to its verdict (exit 1, not 3)" "$rc" 1
expect_match "resume: the wait step finished" "$work/resumed.out" '^\[7/10\] wait +done +.* is available after'
expect_match "resume: the integrity checks ran against the restored database" "$work/resumed.out" \
  '^\[8/10\] sql-check +failed +Integrity checks — 2 of 3 checks passed; failed: no table emptier than the source$'
expect_match "resume: the cleanup deleted the temporary instance" "$work/resumed.out" '^\[9/10\] cleanup +done +.*deleting prod-db-drill-'
killed_wizard="$(sed -n 's/^resuming \([^ ]*\) .*/\1/p' "$work/resumed.out")"
expect "resume: one restore job for the killed drill ($killed_wizard)" \
  "$(jq -r --arg w "$killed_wizard" 'select(.phase == "after" and .api.operation == "StartRestoreJob" and .wizard == $w) | .outcome' \
     "$XDG_STATE_HOME/vaultdeck/audit.jsonl" | sort -u | wc -l)" 1

echo "== drill: an endpoint that does not answer"
wizards_before="$(ls "$XDG_STATE_HOME/vaultdeck/wizards" | wc -l)"
rc=0
"$VAULTDECK" drill run --runbook monthly-drill --resource prod-db --yes --endpoint-url http://127.0.0.1:9 --region us-east-1 \
  >"$work/down.out" 2>"$work/down.err" || rc=$?
expect "a drill that cannot reach AWS exits 3" "$rc" 3
expect "... with one line" "$(wc -l <"$work/down.err")" 1
expect_match "... that says why" "$work/down.err" "cannot start the drill: .*127.0.0.1:9"
expect "... and leaves no wizard to resume" "$(ls "$XDG_STATE_HOME/vaultdeck/wizards" | wc -l)" "$wizards_before"

echo "drill: $passed passed, $failed failed in $(( $(date +%s) - started_at )) s"
[ "$failed" -eq 0 ]
