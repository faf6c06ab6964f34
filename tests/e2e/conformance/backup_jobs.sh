# AWS Backup jobs, plans, restore testing and errors through the CLI (sourced by conformance.sh; small scenario).
echo "== conformance: AWS Backup jobs, plans and errors"
B="$SMALL"
SMALL_DB=arn:aws:rds:us-east-1:123456789012:db:small-db

expect "list-backup-jobs" "$(cliq "$B" 'length(BackupJobs)' backup list-backup-jobs)" 30
expect "list-backup-jobs --page-size 7" "$(cliq "$B" 'length(BackupJobs)' backup list-backup-jobs --page-size 7)" 30
expect "list-backup-jobs --by-state FAILED" "$(cliq "$B" 'length(BackupJobs)' backup list-backup-jobs --by-state FAILED)" 1
expect "list-backup-jobs --by-resource-type EFS" "$(cliq "$B" 'length(BackupJobs)' backup list-backup-jobs --by-resource-type EFS)" 10
expect "list-backup-jobs --by-backup-vault-name" "$(cliq "$B" 'length(BackupJobs)' backup list-backup-jobs --by-backup-vault-name small-dev-vault)" 10
CUT="$(date -u -d '4 days ago' +%Y-%m-%dT%H:%M:%SZ)"
after="$(cliq "$B" 'length(BackupJobs)' backup list-backup-jobs --by-created-after "$CUT")"
before="$(cliq "$B" 'length(BackupJobs)' backup list-backup-jobs --by-created-before "$CUT")"
expect "jobs created after + before $CUT" "$((after + before))" 30
expect "list-backup-job-summaries total" \
  "$(cliq "$B" 'sum(BackupJobSummaries[].Count)' backup list-backup-job-summaries --aggregation-period FOURTEEN_DAYS)" 30
JOB="$(cliq "$B" 'BackupJobs[0].BackupJobId' backup list-backup-jobs --by-state FAILED)"
expect "describe-backup-job" "$(cliq "$B" 'State' backup describe-backup-job --backup-job-id "$JOB")" FAILED

expect "list-copy-jobs" "$(cliq "$B" 'length(CopyJobs)' backup list-copy-jobs)" 19
expect "list-copy-jobs --page-size 5" "$(cliq "$B" 'length(CopyJobs)' backup list-copy-jobs --page-size 5)" 19
expect "list-copy-jobs --by-destination-vault-arn" \
  "$(cliq "$B" 'length(CopyJobs)' backup list-copy-jobs --by-destination-vault-arn arn:aws:backup:us-west-2:123456789012:backup-vault:small-dr-vault --by-state COMPLETED)" 19

expect "list-backup-plans" "$(cliq "$B" 'length(BackupPlansList)' backup list-backup-plans)" 2
PLAN="$(cliq "$B" "BackupPlansList[?BackupPlanName=='small-plan'].BackupPlanId | [0]" backup list-backup-plans)"
expect "get-backup-plan rule" "$(cliq "$B" 'BackupPlan.Rules[0].RuleName' backup get-backup-plan --backup-plan-id "$PLAN")" daily
expect "get-backup-plan --max-scheduled-runs-preview 3" \
  "$(cliq "$B" 'length(ScheduledRunsPreview)' backup get-backup-plan --backup-plan-id "$PLAN" --max-scheduled-runs-preview 3)" 3
expect "list-backup-selections" "$(cliq "$B" 'length(BackupSelectionsList)' backup list-backup-selections --backup-plan-id "$PLAN")" 1
SELECTION="$(cliq "$B" 'BackupSelectionsList[0].SelectionId' backup list-backup-selections --backup-plan-id "$PLAN")"
expect "get-backup-selection" \
  "$(cliq "$B" 'BackupSelection.SelectionName' backup get-backup-selection --backup-plan-id "$PLAN" --selection-id "$SELECTION")" small-resources
expect "list-protected-resources --page-size 2" "$(cliq "$B" 'length(Results)' backup list-protected-resources --page-size 2)" 3
expect "list-restore-testing-plans" "$(cliq "$B" 'length(RestoreTestingPlans)' backup list-restore-testing-plans)" 1
expect "get-restore-testing-plan" \
  "$(cliq "$B" 'RestoreTestingPlan.RecoveryPointSelection.Algorithm' backup get-restore-testing-plan --restore-testing-plan-name small-restore-test)" LATEST_WITHIN_WINDOW
expect "list-restore-jobs --by-status COMPLETED" "$(cliq "$B" 'length(RestoreJobs)' backup list-restore-jobs --by-status COMPLETED)" 1
TEST_RESTORE="$(cliq "$B" 'RestoreJobs[0].RestoreJobId' backup list-restore-jobs-by-protected-resource --resource-arn "$SMALL_DB")"
if cli "$B" backup put-restore-validation-result --restore-job-id "$TEST_RESTORE" --validation-status SUCCESSFUL \
     --validation-status-message "row counts match" >/dev/null; then
  ok "put-restore-validation-result"
else
  fail "put-restore-validation-result: $(cat "$work/$SECTION.err")"
fi

cli_error "$B" ResourceNotFoundException backup describe-backup-vault --backup-vault-name no-such-vault
cli_error "$B" InvalidParameterValueException backup list-backup-jobs --by-state SOMETIMES
cli_error "$B" InvalidParameterValueException backup create-backup-plan --backup-plan \
  '{"BackupPlanName":"weekly-cold","Rules":[{"RuleName":"weekly","TargetBackupVaultName":"small-vault","ScheduleExpression":"cron(0 4 ? * SUN *)","Lifecycle":{"MoveToColdStorageAfterDays":30,"DeleteAfterDays":90}}]}'
NEW_PLAN="$(cliq "$B" 'BackupPlanId' backup create-backup-plan --backup-plan \
  '{"BackupPlanName":"weekly-cold","Rules":[{"RuleName":"weekly","TargetBackupVaultName":"small-vault","ScheduleExpression":"cron(0 4 ? * SUN *)","Lifecycle":{"MoveToColdStorageAfterDays":30,"DeleteAfterDays":120}}]}')"
expect "create-backup-plan with 90 days in cold storage" "${#NEW_PLAN}" 36

count_call
if AWS_SECRET_ACCESS_KEY=wrong "$AWS" --endpoint-url "$B" --debug backup list-backup-vaults >/dev/null 2>"$work/$SECTION.debug"; then
  fail "a wrong secret key was accepted"
else
  grep -q '(InvalidSignatureException)' "$work/$SECTION.debug" && ok "wrong secret: InvalidSignatureException" || fail "wrong secret: no InvalidSignatureException"
  grep -Eq 'HTTP/1.1" 403|status_code=403|Response.*403' "$work/$SECTION.debug" && ok "wrong secret: HTTP 403" || fail "wrong secret: not HTTP 403"
fi

