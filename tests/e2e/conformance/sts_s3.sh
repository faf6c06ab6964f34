# STS and S3 through the CLI, and the demo scenario's paging (sourced by conformance.sh).
echo "== conformance: STS and S3"
S="$SMALL"
expect "sts get-caller-identity" "$(cliq "$S" 'Account' sts get-caller-identity)" 123456789012
read -r AK SK TOKEN <<<"$(cliq "$S" 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' sts assume-role \
  --role-arn arn:aws:iam::210987654321:role/BackupAuditor --role-session-name conformance)"
expect "assume-role gives temporary keys" "${AK:0:4}" ASIA
count_call; count_call
expect "the assumed role's account" \
  "$(AWS_ACCESS_KEY_ID="$AK" AWS_SECRET_ACCESS_KEY="$SK" AWS_SESSION_TOKEN="$TOKEN" "$AWS" --endpoint-url "$S" --output text --query Account sts get-caller-identity 2>"$work/$SECTION.err")" \
  210987654321
expect "the assumed role's account has no vaults" \
  "$(AWS_ACCESS_KEY_ID="$AK" AWS_SECRET_ACCESS_KEY="$SK" AWS_SESSION_TOKEN="$TOKEN" "$AWS" --endpoint-url "$S" --output text --query 'length(BackupVaultList)' backup list-backup-vaults 2>"$work/$SECTION.err")" \
  0
count_call
if AWS_SECRET_ACCESS_KEY=wrong "$AWS" --endpoint-url "$S" sts get-caller-identity >/dev/null 2>"$work/$SECTION.err"; then
  fail "sts accepted a wrong secret"
else
  grep -q '(SignatureDoesNotMatch)' "$work/$SECTION.err" && ok "sts wrong secret: SignatureDoesNotMatch" || fail "sts wrong secret: $(cat "$work/$SECTION.err")"
fi

expect "s3api list-buckets" "$(cliq "$S" 'length(Buckets)' s3api list-buckets)" 2
expect "get-bucket-lifecycle-configuration small-media" \
  "$(cliq "$S" 'Rules[0].[Transitions[0].StorageClass, Transitions[0].Days, Expiration.Days]' s3api get-bucket-lifecycle-configuration --bucket small-media)" \
  "$(printf 'GLACIER\t45\t365')"
cli_error "$S" NoSuchLifecycleConfiguration s3api get-bucket-lifecycle-configuration --bucket small-logs
cli_error "$S" NoSuchBucket s3api get-bucket-lifecycle-configuration --bucket no-such-bucket

echo "-- the demo scenario"
D="$DEMO"
jobs_all="$(cliq "$D" 'length(BackupJobs)' backup list-backup-jobs)"
expect "demo list-backup-jobs --page-size 100 (of $jobs_all)" "$(cliq "$D" 'length(BackupJobs)' backup list-backup-jobs --page-size 100)" "$jobs_all"
[ "$jobs_all" -gt 300 ] && ok "demo has 90 days of jobs ($jobs_all)" || fail "demo has only $jobs_all jobs"
# Plan jobs may be running too when the suite runs near 03:00 UTC; the planted one is on demand.
expect "demo on-demand job running now" "$(cliq "$D" 'length(BackupJobs[?!CreatedBy])' backup list-backup-jobs --by-state RUNNING)" 1
points_all="$(cliq "$D" 'length(RecoveryPoints)' backup list-recovery-points-by-backup-vault --backup-vault-name prod-vault)"
expect "demo prod-vault points --page-size 25" \
  "$(cliq "$D" 'length(RecoveryPoints)' backup list-recovery-points-by-backup-vault --backup-vault-name prod-vault --page-size 25)" "$points_all"
expect "demo media bucket lifecycle" \
  "$(cliq "$D" 'Rules[0].[Transitions[0].StorageClass, Transitions[0].Days, Expiration.Days]' s3api get-bucket-lifecycle-configuration --bucket acme-media-prod)" \
  "$(printf 'GLACIER\t45\t365')"
expect "demo prod-vault is locked" "$(cliq "$D" 'Locked' backup describe-backup-vault --backup-vault-name prod-vault)" True
