#!/usr/bin/env bash
# Conformance: the AWS CLI from Debian drives every operation the simulator
# implements through --endpoint-url, with dummy credentials, and checks what
# an operator relies on (counts under the CLI's own paging and --page-size,
# filters, a restore to COMPLETED, a point-in-time restore, the errors). The
# CLI must parse every answer. Then every recorded response body is checked
# against the service models (conformance/validate_responses.py).
#
# Needs $VAULTDECK (the binary) and $ROOT (the repository); run by scripts/test.
set -euo pipefail
: "${VAULTDECK:?set VAULTDECK to the vaultdeck binary}"
ROOT="${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}"
MODELS="${VAULTDECK_MODELS:-$ROOT/tests/data/aws-models}"
AWS=/usr/bin/aws
E2E="$(cd "$(dirname "$0")" && pwd)/conformance"
source "$E2E/lib.sh"

open_work

# Never reach real AWS; the CLI gets its own throw-away home and files.
export HOME="$work/home" AWS_CONFIG_FILE="$work/config" AWS_SHARED_CREDENTIALS_FILE="$work/credentials"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export AWS_PAGER="" AWS_MAX_ATTEMPTS=1 AWS_RETRY_MODE=standard
unset AWS_PROFILE AWS_SESSION_TOKEN AWS_ENDPOINT_URL AWS_REGION || true
mkdir -p "$HOME"
: >"$work/failures"; : >"$work/calls"
: > "$AWS_CONFIG_FILE"; : > "$AWS_SHARED_CREDENTIALS_FILE"
# The Debian CLI predates some Backup operations (restore testing, job
# summaries); give it the same model the answers are validated against.
"$AWS" configure add-model --service-name backup --service-model "file://$MODELS/backup/2018-11-15/service-2.json"

RECORD="$work/record.jsonl"
# SMALL answers the counting checks (nothing changes it while the suite runs:
# its plans fire twelve simulated hours later); CHANGES takes the restores,
# backups and deletions on a clock 120 times faster; DEMO has more than one
# page of everything.
start_sim small --scenario small
SMALL="$SIM_URL"
start_sim changes --scenario small --speed 120
CHANGES="$SIM_URL"
start_sim demo --scenario demo
DEMO="$SIM_URL"

run_sections changes backup_points backup_jobs rds sts_s3
SECTION=finish
source "$E2E/finish.sh"

echo "== conformance: validating recorded responses against the models"
validation="$(python3 "$E2E/validate_responses.py" --models "$MODELS" "$RECORD")" || echo "validation" >>"$work/failures"
echo "$validation" | grep -v "^validate: .*responses checked" | head -40 || true
checked="$(echo "$validation" | sed -n 's/^validate: \([0-9]*\) responses checked.*/\1/p')"
echo "conformance: $(calls) CLI calls, ${checked:-0} responses validated, $(failures) failures"
[ "$(failures)" -eq 0 ]
