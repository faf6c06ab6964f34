# Waits for the jobs changes.sh started (simulated minutes, real seconds)
# and checks what they made (sourced by conformance.sh after the sections).
echo "== conformance: waiting for the changes"
C="$CHANGES"
SMALL_DB=arn:aws:rds:us-east-1:123456789012:db:small-db
source "$work/changes.ids"
wait_for "restore job $RESTORE_JOB" 90 COMPLETED cliq "$C" 'Status' backup describe-restore-job --restore-job-id "$RESTORE_JOB"
expect "restore created" "$(cliq "$C" 'CreatedResourceArn' backup describe-restore-job --restore-job-id "$RESTORE_JOB")" \
  arn:aws:rds:us-east-1:123456789012:db:small-db-restored
wait_for "restored instance small-db-restored" 60 available \
  cliq "$C" 'DBInstances[0].DBInstanceStatus' rds describe-db-instances --db-instance-identifier small-db-restored
expect "restore onto the existing small-dev-db" "$(cliq "$C" 'Status' backup describe-restore-job --restore-job-id "$CLASH_JOB")" FAILED
wait_for "point-in-time restore small-db-pitr" 60 available \
  cliq "$C" 'DBInstances[0].DBInstanceStatus' rds describe-db-instances --db-instance-identifier small-db-pitr
wait_for "backup job $BACKUP_JOB" 90 COMPLETED cliq "$C" 'State' backup describe-backup-job --backup-job-id "$BACKUP_JOB"
cli_error "$C" DBInstanceNotFound rds describe-db-instances --db-instance-identifier small-dev-db
expect "the new backup is listed by its resource" \
  "$(cliq "$C" "length(RecoveryPoints[?BackupVaultName=='small-dev-vault'])" backup list-recovery-points-by-resource --resource-arn "$SMALL_DB")" 1
