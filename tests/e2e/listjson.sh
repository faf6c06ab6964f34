#!/usr/bin/env bash
# Listings that speak AWS: for every `vaultdeck list` kind with an AWS CLI
# counterpart, the same jq path over `vaultdeck list KIND --output json` and
# over the output of Debian's AWS CLI (/usr/bin/aws) for the same operation,
# both against one `vaultdeck sim serve`, gives the same values. Also: the
# CLI parses the simulator's EC2 DescribeRegions, `--region all` covers
# exactly those regions, and the CSV carries a storage class and cold-at.
#
# Needs $VAULTDECK (the binary) and $ROOT; run by scripts/test.
set -euo pipefail
: "${VAULTDECK:?set VAULTDECK to the vaultdeck binary}"
ROOT="${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}"
MODELS="$ROOT/tests/data/aws-models"
AWS=/usr/bin/aws
work="$(mktemp -d)"
sim_pid=""
trap '[ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
failures=0
ok() { echo "  ok   $*"; }
fail() { echo "  FAIL $*"; failures=$((failures + 1)); }

# Never reach real AWS; both tools get throw-away files and the simulator's key.
export HOME="$work/home" AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export AWS_PAGER="" AWS_MAX_ATTEMPTS=1 TZ=UTC
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_REGION || true
mkdir -p "$HOME"; : >"$AWS_CONFIG_FILE"; : >"$AWS_SHARED_CREDENTIALS_FILE"
"$AWS" configure add-model --service-name backup --service-model "file://$MODELS/backup/2018-11-15/service-2.json"

"$VAULTDECK" sim serve --port 0 --scenario small >"$work/sim.out" 2>"$work/sim.err" &
sim_pid=$!
for _ in $(seq 1 300); do grep -q '^listening on ' "$work/sim.out" 2>/dev/null && break; sleep 0.1; done
URL="$(sed -n 's/^listening on //p' "$work/sim.out")"
[ -n "$URL" ] || { echo "listjson: the simulator did not start: $(cat "$work/sim.err")"; exit 1; }
echo "== listjson: simulator at $URL"

aws_json() { "$AWS" --endpoint-url "$URL" --output json "$@"; }
vd_json() { "$VAULTDECK" list "$@" --endpoint-url "$URL" --output json; }

# same LABEL JQ-PATH "AWS ARGS" "VAULTDECK ARGS": the values must be equal and not empty.
same() {
  local label="$1" path="$2" aws_args="$3" vd_args="$4" a v
  # shellcheck disable=SC2086
  a="$(aws_json $aws_args | jq -c "$path" | sort)" || { fail "$label: aws $aws_args failed"; return; }
  # shellcheck disable=SC2086
  v="$(vd_json $vd_args | jq -c "$path" | sort)" || { fail "$label: vaultdeck list $vd_args failed"; return; }
  if [ -z "$a" ]; then
    fail "$label: the AWS CLI printed nothing for $path"
  elif [ "$a" = "$v" ]; then
    ok "$label: $(echo "$a" | wc -l) items agree on $path"
  else
    fail "$label: $path differs"; diff <(echo "$a") <(echo "$v") | head -6
  fi
}

R="--region us-east-1"
same vaults '.BackupVaultList[] | [.BackupVaultName, .BackupVaultArn, .CreationDate, .NumberOfRecoveryPoints, .Locked, .MinRetentionDays, .LockDate]' \
  "backup list-backup-vaults $R" "vaults $R"
same "vaults us-west-2" '.BackupVaultList[] | [.BackupVaultName, .EncryptionKeyArn, .VaultType]' \
  "backup list-backup-vaults --region us-west-2" "vaults --region us-west-2"
VAULT="$(aws_json backup list-backup-vaults $R | jq -r '.BackupVaultList[0].BackupVaultName')"
same "recovery-points by vault" '.RecoveryPoints[] | [.RecoveryPointArn, .CreationDate, .CompletionDate, .Status, .BackupSizeInBytes, .ResourceArn, .ResourceType, .CalculatedLifecycle, .Lifecycle, .CreatedBy.BackupPlanId, .IsEncrypted]' \
  "backup list-recovery-points-by-backup-vault --backup-vault-name $VAULT $R" "recovery-points --vault $VAULT $R"
RESOURCE="$(aws_json backup list-protected-resources $R | jq -r '[.Results[] | select(.ResourceType == "RDS")][0].ResourceArn')"
same "recovery-points by resource" '.RecoveryPoints[] | [.RecoveryPointArn, .CreationDate, .Status, .BackupSizeBytes, .BackupVaultName]' \
  "backup list-recovery-points-by-resource --resource-arn $RESOURCE $R" "recovery-points --resource $RESOURCE $R"
same backup-jobs '.BackupJobs[] | [.BackupJobId, .State, .CreationDate, .CompletionDate, .ResourceArn, .BackupVaultName, .PercentDone, .BackupSizeInBytes, .RecoveryPointArn]' \
  "backup list-backup-jobs $R" "backup-jobs $R"
same copy-jobs '.CopyJobs[] | [.CopyJobId, .State, .SourceBackupVaultArn, .DestinationBackupVaultArn, .CreationDate, .ResourceArn]' \
  "backup list-copy-jobs $R" "copy-jobs $R"
same restore-jobs '.RestoreJobs[] | [.RestoreJobId, .Status, .RecoveryPointArn, .CreationDate, .CreatedResourceArn]' \
  "backup list-restore-jobs $R" "restore-jobs $R"
same plans '.BackupPlansList[] | [.BackupPlanId, .BackupPlanName, .BackupPlanArn, .VersionId, .LastExecutionDate]' \
  "backup list-backup-plans $R" "plans $R"
PLAN="$(aws_json backup list-backup-plans $R | jq -r '.BackupPlansList[0].BackupPlanId')"
a="$(aws_json backup get-backup-plan --backup-plan-id "$PLAN" $R | jq -c '.BackupPlan.Rules[] | [.RuleName, .ScheduleExpression, .TargetBackupVaultName, .Lifecycle, .CopyActions]' | sort)"
v="$(vd_json plans $R | jq -c --arg id "$PLAN" '.BackupPlansList[] | select(.BackupPlanId == $id) | .BackupPlan.Rules[] | [.RuleName, .ScheduleExpression, .TargetBackupVaultName, .Lifecycle, .CopyActions]' | sort)"
if [ -n "$a" ] && [ "$a" = "$v" ]; then ok "plans: the rules agree with get-backup-plan"; else fail "plans rules: aws [$a] vaultdeck [$v]"; fi
same protected-resources '.Results[] | [.ResourceArn, .ResourceType, .LastBackupTime, .LastRecoveryPointArn, .LastBackupVaultArn]' \
  "backup list-protected-resources $R" "protected-resources $R"
same db-instances '.DBInstances[] | [.DBInstanceIdentifier, .Engine, .DBInstanceStatus, .DBInstanceClass, .InstanceCreateTime, .BackupRetentionPeriod, .Endpoint.Address, .Endpoint.Port, .DBInstanceArn, .StorageEncrypted, .TagList]' \
  "rds describe-db-instances $R" "db-instances $R"
# LatestRestorableTime moves with the simulated clock between the two calls: compared by its form only.
same "db-instances LatestRestorableTime" '.DBInstances[] | [.DBInstanceIdentifier, (.LatestRestorableTime | if . == null then null else test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+\\+00:00$") end)]' \
  "rds describe-db-instances $R" "db-instances $R"
same db-snapshots '.DBSnapshots[] | [.DBSnapshotIdentifier, .DBInstanceIdentifier, .SnapshotCreateTime, .SnapshotType, .Status, .Encrypted, .DBSnapshotArn]' \
  "rds describe-db-snapshots $R" "db-snapshots $R"
same "db-snapshots (clusters)" '.DBClusterSnapshots[] | [.DBClusterSnapshotIdentifier, .DBClusterIdentifier, .SnapshotCreateTime, .SnapshotType, .Status, .StorageEncrypted, .DBClusterSnapshotArn, .Engine]' \
  "rds describe-db-cluster-snapshots $R" "db-snapshots $R"

echo "== listjson: regions"
regions="$(aws_json ec2 describe-regions | jq -r '[.Regions[].RegionName] | sort | join(",")')"
read_all="$(vd_json vaults --region all | jq -r '[.vaultdeck.read[].region] | sort | join(",")')"
if [ -n "$regions" ] && [ "$regions" = "$read_all" ]; then ok "--region all reads what DescribeRegions names: $regions"
else fail "--region all read [$read_all], DescribeRegions names [$regions]"; fi
both="$(vd_json vaults --region us-east-1,us-west-2 | jq '.BackupVaultList | length')"
east="$(vd_json vaults --region us-east-1 | jq '.BackupVaultList | length')"
west="$(vd_json vaults --region us-west-2 | jq '.BackupVaultList | length')"
if [ "$both" -eq $((east + west)) ] && [ "$west" -gt 0 ]; then ok "--region a,b lists both ($east + $west)"; else fail "--region a,b: $both vs $east + $west"; fi

echo "== listjson: csv and table"
csv="$("$VAULTDECK" list recovery-points --vault "$VAULT" $R --endpoint-url "$URL" --output csv)"
header="$(echo "$csv" | head -1 | tr -d '\r')"
col() { echo "$header" | tr ',' '\n' | grep -nx "$1" | cut -d: -f1; }
sc="$(col storageClass)"; ca="$(col coldAt)"
if [ -n "$sc" ] && [ -n "$ca" ]; then
  empty="$(echo "$csv" | tail -n +2 | cut -d, -f"$sc" | grep -cvE '^(WARM|COLD)$' || true)"
  if [ "$empty" = "0" ]; then ok "every CSV row has a storage class"; else fail "$empty CSV rows without WARM or COLD"; fi
else
  fail "the CSV has no storageClass or coldAt column: $header"
fi
"$VAULTDECK" list recovery-points --vault "$VAULT" $R --endpoint-url "$URL" | head -1 | grep -q "COLD AT" \
  && ok "the table has a COLD AT column" || fail "the table has no COLD AT column"

echo "listjson: $failures failures"
[ "$failures" -eq 0 ]
