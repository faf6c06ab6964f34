#!/usr/bin/env bash
# The restore wizard end to end, in tmux, on the demo: from the Recovery
# points screen, a COMPLETED point of the production database (prod-db) is
# restored into a new instance, every step walked with the keys an operator
# uses, the confirmation typed (a wrong identifier first), the restore run to
# completion on the simulator's fast clock; then the Jobs screen shows the
# restore job COMPLETED and the audit log has StartRestoreJob before and
# after; the switch-over shows the new endpoint and a DATABASE_URL to copy,
# and its time lands in the report; c copies the call as an AWS CLI command.
# Also: q asks while a wizard runs, a console killed mid-wizard is offered
# to resume by the next one (Enter resumes), Enter on a DR snapshot copy in
# the RDS screen's snapshot list restores it in its region, Enter on an RDS instance starts
# a point-in-time restore, and prod-aurora is restored into a cluster with
# a writer. Needs $VAULTDECK, tmux and jq.
set -euo pipefail
: "${VAULTDECK:?set VAULTDECK to the vaultdeck binary}"

export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR TMUX AWS_PROFILE AWS_REGION AWS_DEFAULT_REGION AWS_ENDPOINT_URL || true
WORK="$(mktemp -d)"
SOCKET="vaultdeck-restore-$$"
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache" XDG_STATE_HOME="$WORK/state"
export AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$WORK/aws-config" AWS_SHARED_CREDENTIALS_FILE="$WORK/aws-credentials"
# The demo's simulated clock runs a minute per second: a restore of the demo
# database takes about 16 simulated minutes, so some 20 seconds here.
export VAULTDECK_DEMO_SPEED=60
mkdir -p "$HOME"

source "$(dirname "$0")/tmux_lib.sh"
trap cleanup EXIT

# Opens the wizard on the newest COMPLETED point of prod-db.
open_on_prod_db() {
  local t=$1
  wait_for "$t" "Findings" && keys "$t" 2 && wait_for "$t" "Recovery points by resource" &&
    keys "$t" / "resource:prod-db" Enter && wait_for "$t" "filter: resource:prod-db" &&
    wait_for "$t" "prod-db +RDS +COMPLETED" && keys "$t" Enter && wait_for "$t" "Step 1 of 12: Before you start"
}

start main 120 40
check "Enter on prod-db's newest COMPLETED point opens restore-from-backup" open_on_prod_db main
check "the intro names the database" wait_for main "You are about to restore prod-db from AWS Backup"
check "the wizard's tab appears" wait_for main "9 Wizard"
check "the rail shows the whole runbook, the first step current" wait_for main "▶ Before you start"
skip_refused() { keys main s && wait_for main "cannot be skipped" && wait_for main "Step 1 of 12"; }
check "s is refused on a step that cannot be skipped" skip_refused

choose_point() {
  keys main Enter && wait_for main "Step 2 of 12: Choose the recovery point" && wait_for main "\* [0-9-]+ [0-9:]+ +COMPLETED" &&
    keys main Enter && wait_for main "Step 3 of 12: The new instance"
}
check "the point we came from is preselected; Enter restores it" choose_point
check "the form shows the default identifier from its template" wait_for main "New DB instance identifier \* prod-db-restore-[0-9]{8}"
TARGET="$(capture main | grep -oE "prod-db-restore-[0-9]{8}" | head -1)"
edit_form() {
  keys main e && wait_for main "Enter saves and goes on" && keys main Escape && wait_for main "edits discarded" &&
    wait_gone main "Enter saves and goes on" &&
    keys main Enter && wait_for main "Step 4 of 12: Preflight checks"
}
check "e edits the fields, Esc discards, Enter keeps the defaults" edit_form
preflight() { keys main Enter && wait_for main "6 checks passed" && wait_for main "Step 5 of 12: Confirm the restore"; }
check "the preflight checks pass" preflight
check "the confirm step sums up source, point and NEW instance" wait_for main "NEW instance +$TARGET"
wrong_confirm() {
  keys main Enter && wait_for main "Type $TARGET to confirm" && keys main -l "prod-db" && keys main Enter &&
    wait_for main "does not match; type exactly: $TARGET" && keys main Escape && wait_gone main "Type $TARGET to confirm"
}
check "a wrong identifier is refused" wrong_confirm
confirm() {
  keys main Enter && wait_for main "Type $TARGET to confirm" && keys main -l "$TARGET" && keys main Enter &&
    wait_for main "Step 6 of 12: Start the restore job"
}
check "typing the identifier confirms" confirm
check "the restore step shows the exact call" wait_for main "The exact call: +backup StartRestoreJob"
check "... with the recovery point and the new identifier" wait_for main "\"DBInstanceIdentifier\": \"$TARGET\""
check "... off paid Extended Support" wait_for main "\"EngineLifecycleSupport\": \"open-source-rds-extended-support-disabled\""
check "... and once as an AWS CLI command" wait_for main "As an AWS CLI command \\(one line; c copies it whole\\)"
TOKEN="$(jq -r '.idempotency_token' "$(ls -t "$XDG_STATE_HOME"/vaultdeck/wizards/*.json | head -1)")"
# copied TEXT: the tmux buffer (OSC 52) holds TEXT (a fixed string) within 5 s.
copied() {
  local deadline=$((SECONDS + 5))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if tm show-buffer 2>/dev/null | grep -qF -- "$1"; then return 0; fi
    sleep 0.2
  done
  echo "tmux buffer: $(tm show-buffer 2>&1 | head -c 300)" >&2
  return 1
}
copy_cli() {
  [ -n "$TOKEN" ] && [ "$TOKEN" != null ] || { echo "no saved idempotency token" >&2; return 1; }
  keys main c && wait_for main "copied the AWS CLI command" &&
    copied "aws backup start-restore-job --region us-" && copied " --recovery-point-arn arn:aws:rds:" &&
    copied " --idempotency-token $TOKEN --copy-source-tags-to-restored-resource"
}
check "c copies the whole CLI command, with the saved idempotency token, through OSC 52" copy_cli
send_restore() { keys main Enter && wait_for main "Step 7 of 12: Wait until the new instance is available"; }
check "Enter sends the restore; the wizard waits" send_restore
check "the wait shows the restore job's state and the RTO target" wait_for main "of the 2 h RTO target"
JOB="$(capture main | sed -nE 's/.*Restore job +([0-9A-F-]{36}).*/\1/p' | head -1)"
available() { WAIT_SECONDS=180 wait_for main "$TARGET is available( after| +│$)" && wait_for main "RTO target 2h: met"; }
check "the wizard reports the restored instance available" available
check "the SQL check step is next" wait_for main "Step 8 of 12: Check the restored data"
sql_demo() { keys main Enter && wait_for main "FAIL connects" && wait_for main "these checks cannot" && wait_for main "✗ Check the restored data"; }
check "without a database behind the demo the SQL checks fail, and say why" sql_demo
skip_sql() { keys main s && wait_for main "- Check the restored data" && wait_for main "Step 9 of 12: What next"; }
check "s skips the SQL check step (it allows it)" skip_sql
check "the next step names the endpoint" wait_for main "$TARGET is available at"
switch_over() {
  keys main Enter && wait_for main "Step 10 of 12: Switch the application over" &&
    wait_for main "Endpoint: $TARGET\." && wait_for main "DATABASE_URL: postgresql://[a-z_]+@$TARGET\." &&
    wait_gone main "\{(endpoint_host|db_name|target)\}"
}
check "the switch-over shows endpoint, port, database and DATABASE_URL, every variable filled in" switch_over
copy_url() { keys main u && wait_for main "copied postgresql://" && copied "@$TARGET." && copied "postgresql://"; }
check "u copies the DATABASE_URL through OSC 52" copy_url
record_switch() {
  keys main s && wait_for main "Step 11 of 12: Record the switch" && keys main Space && wait_for main "1 of 2 ticked" &&
    keys main j && sleep 0.3 && keys main Space && wait_for main "2 of 2 ticked" && keys main Enter &&
    wait_for main "Step 12 of 12: Write the restore report"
}
check "the switch is recorded by ticking its checklist" record_switch
finish() {
  keys main Enter && wait_for main "The wizard has finished: completed" && wait_for main "/restores/[0-9a-f-]+\.md"
}
check "the report is written and the wizard completes" finish
report_switch() { grep -Eq '^\| Application switched at \| [0-9T:-]+Z \|$' "$(ls -t "$XDG_STATE_HOME"/vaultdeck/restores/*.md | head -1)"; }
check "the report has the switch time" report_switch
audit_ticks() {
  local log="$XDG_STATE_HOME/vaultdeck/audit.jsonl"
  grep -F '"phase":"operator"' "$log" | grep -qF '"action":"tick"' &&
    grep -F '"phase":"operator"' "$log" | grep -qF '"action":"skip"' &&
    grep -F '"phase":"operator"' "$log" | grep -F '"action":"confirm"' | grep -qF "typed $TARGET"
}
check "the audit log has the operator's ticks, skips and confirmation" audit_ticks

jobs_completed() {
  [ -n "$JOB" ] || { echo "no restore job id was shown" >&2; return 1; }
  keys main 3 && wait_for main "Jobs +kind" && keys main t t t && wait_for main "kind restore" &&
    WAIT_SECONDS=60 wait_for main "restore +prod-db +COMPLETED +100% .*→ prod-db-res.* ${JOB:0:11}"
}
check "the Jobs screen shows the restore job COMPLETED" jobs_completed
audit_entries() {
  local log="$XDG_STATE_HOME/vaultdeck/audit.jsonl"
  grep -F '"phase":"before"' "$log" | grep -F '"operation":"StartRestoreJob"' | grep -qF "\"target\":\"$TARGET\"" &&
    grep -F '"phase":"after"' "$log" | grep -F '"operation":"StartRestoreJob"' | grep -qF "\"target\":\"$TARGET\""
}
check "the audit log has StartRestoreJob before and after" audit_entries
quit_done() { keys main q && wait_for main "VAULTDECK-EXITED=0"; }
check "with the wizard finished, q quits at once" quit_done

# q during a wizard asks, and says the state is kept.
start asks 120 40
quit_asks() {
  open_on_prod_db asks && keys asks q && wait_for asks "Quit while a wizard is running\?" &&
    wait_for asks "offers to resume" && keys asks n && wait_gone asks "Quit while" && wait_for asks "Step 1 of 12" &&
    keys asks q && wait_for asks "Quit while" && keys asks y && wait_for asks "VAULTDECK-EXITED=0"
}
check "q during a wizard asks first (n stays, y quits)" quit_asks

# A console killed mid-wizard: the next one offers to resume it.
start killed 120 40
to_form() {
  wait_for killed "Resume the unfinished wizard\?" && keys killed n && wait_gone killed "Resume the unfinished" &&
    open_on_prod_db killed && keys killed Enter && wait_for killed "Step 2 of 12" && keys killed Enter &&
    wait_for killed "Step 3 of 12: The new instance"
}
check "the next console offers that one; Later, and a new wizard reaches the form" to_form
kill_it() {
  tm kill-session -t killed
  local deadline=$((SECONDS + 10))
  while [ "$SECONDS" -lt "$deadline" ]; do
    tm has-session -t killed 2>/dev/null || return 0
    sleep 0.2
  done
  return 1
}
check "tmux kill-session ends that console" kill_it
start again 120 40
offered() { wait_for again "Resume the unfinished wizard\?" && wait_for again "stopped at step 3 of 12, The new instance" && wait_for again "\[ Resume \]"; }
check "a new console offers to resume the killed wizard" offered
resumed() { keys again Enter && wait_for again "Step 3 of 12: The new instance" && wait_for again "✓ Choose the recovery point"; }
check "Enter on the offer resumes (Resume is the default) at the step it stopped at" resumed

# Enter on an RDS instance offers the ways to restore it; the first is a
# point-in-time restore with the source and region chosen.
start rds 120 40
# later() answers the resume offer a new console makes (an earlier console's wizard is unfinished).
later() { wait_for "$1" "Resume the unfinished wizard\?" && keys "$1" n && wait_gone "$1" "Resume the unfinished"; }
rds_enter() {
  later rds && keys rds 6 && wait_for rds "Databases and their restore windows" &&
    keys rds / "prod-db" Enter && wait_for rds "filter: prod-db" && keys rds Enter &&
    wait_for rds "Restore prod-db into a NEW instance" && wait_for rds "1  Point in time: any second from" &&
    wait_for rds "Newest snapshot: " && wait_for rds "An AWS Backup recovery point of prod-db"
}
check "Enter on prod-db (screen 6) offers point in time with its window, newest snapshot, AWS Backup" rds_enter
rds_pitr() {
  keys rds Enter && wait_for rds "Point-in-time restore of an RDS instance" && wait_for rds "Step 1 of 13" &&
    wait_for rds "creates a NEW instance from prod-db's automated backups" && wait_gone rds "not chosen yet" &&
    keys rds Enter && wait_for rds "Source DB instance identifier \* +prod-db" && keys rds Enter &&
    wait_for rds "Restore window +[0-9-]+ [0-9:]+ UTC +\.\. +[0-9-]+ [0-9:]+ UTC"
}
check "... Enter starts the PITR wizard with prod-db chosen, and shows its window" rds_pitr

# l moves into prod-db's snapshot list; Enter on its DR copy (the oldest
# monthly copy is second from the bottom, under its us-east-1 original)
# opens the snapshot restore in the DR region with that snapshot chosen.
start snap 120 40
snap_pane() {
  later snap && keys snap 6 && wait_for snap "Databases and their restore windows" &&
    keys snap / "prod-db" Enter && wait_for snap "filter: prod-db" && keys snap l &&
    wait_for snap "Snapshots: Enter restores, h goes back" && keys snap G && keys snap k &&
    wait_for snap "copy +available .*-dr"
}
check "l on prod-db moves into its snapshot list" snap_pane
SNAP_DR="$(capture snap | grep -oE "prod-db-monthly-[0-9]{4}-[0-9]{2}-dr" | tail -1)"
snap_restore() {
  keys snap Enter && wait_for snap "Restore an RDS instance from a snapshot" && keys snap Enter &&
    wait_for snap "Region of the snapshot .*" && wait_for snap "us-west-2 +you" && keys snap Enter &&
    wait_for snap "Step 3 of 13: Choose the snapshot" && keys snap Enter && wait_for snap "✓ Choose the snapshot: .*$SNAP_DR"
}
check "... Enter on its DR copy ($SNAP_DR) opens the snapshot restore in us-west-2 with it chosen" snap_restore
snap_back() { keys snap 6 && wait_for snap "Snapshots: Enter restores" && keys snap Escape && wait_for snap "Snapshots \\(l\\)"; }
check "Esc goes back from the snapshot list to the databases" snap_back

# Aurora: a recovery point of prod-aurora becomes a cluster with a writer.
start aurora 120 40
aurora_open() {
  later aurora && keys aurora 2 && wait_for aurora "Recovery points by resource" &&
    keys aurora / "resource:prod-aurora" Enter && wait_for aurora "filter: resource:prod-aurora" &&
    wait_for aurora "prod-aurora +Aurora +COMPLETED" && keys aurora Enter && wait_for aurora "Step 1 of 12" &&
    keys aurora Enter && wait_for aurora "Step 2 of 12" && keys aurora Enter && wait_for aurora "Step 3 of 12: The new instance"
}
check "Enter on a prod-aurora point opens the restore" aurora_open
check "the default identifier is an identifier, not the cluster ARN" wait_for aurora "New DB instance identifier \* prod-aurora-restore-[0-9]{8}"
check "the writer's class is read from the source" wait_for aurora "db\.r6g\.large +from prod-aurora"
ATARGET="$(capture aurora | grep -oE "prod-aurora-restore-[0-9]{8}" | head -1)"
aurora_restore() {
  keys aurora Enter && wait_for aurora "Step 4 of 12" && keys aurora Enter && wait_for aurora "checks passed" &&
    wait_for aurora "Step 5 of 12" && keys aurora Enter && wait_for aurora "Type $ATARGET to confirm" &&
    keys aurora -l "$ATARGET" && keys aurora Enter &&
    wait_for aurora "Step 6 of 12" && wait_for aurora "\"DBClusterIdentifier\": \"$ATARGET\"" &&
    wait_for aurora "adds its writer instance" && keys aurora Enter && wait_for aurora "Step 7 of 12"
}
check "the restore goes to a NEW cluster, its writer announced" aurora_restore
aurora_ready() {
  WAIT_SECONDS=180 wait_for aurora "Step 8 of 12: Check the restored data" &&
    wait_for aurora "✓ Wait until the new instance is available: cluster $ATARGET" && wait_for aurora "instance-1 are available after"
}
check "the wait step waits for the cluster, adds the writer, waits for it" aurora_ready
aurora_audit() {
  grep -F '"phase":"after"' "$XDG_STATE_HOME/vaultdeck/audit.jsonl" | grep -F '"operation":"CreateDBInstance"' |
    grep -qF "\"DBClusterIdentifier\":\"$ATARGET\""
}
check "the audit log has CreateDBInstance of the writer in the new cluster" aurora_audit

echo "restore e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
