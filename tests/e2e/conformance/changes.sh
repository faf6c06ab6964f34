# What changes AWS, through the CLI, on the fast-clock simulator (sourced by
# conformance.sh): an on-demand backup, a restore job to COMPLETED with its
# new DB instance, a point-in-time restore, a restore from a snapshot, a
# cross-region snapshot copy, deleting an instance, then an Aurora cluster. Runs beside the listing
# sections; finish.sh then waits for the jobs it started.
echo "== conformance: changes (small scenario, --speed 120)"
C="$CHANGES"
ROLE=arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole
SMALL_DB=arn:aws:rds:us-east-1:123456789012:db:small-db

CHANGE_POINT="$(cliq "$C" 'RecoveryPoints[0].RecoveryPointArn' backup list-recovery-points-by-backup-vault --backup-vault-name small-vault --by-resource-arn "$SMALL_DB")"
BACKUP_JOB="$(cliq "$C" 'BackupJobId' backup start-backup-job --backup-vault-name small-dev-vault --resource-arn "$SMALL_DB" \
  --iam-role-arn "$ROLE" --idempotency-token conformance-backup-1)"
expect "start-backup-job again with the same token" \
  "$(cliq "$C" 'BackupJobId' backup start-backup-job --backup-vault-name small-dev-vault --resource-arn "$SMALL_DB" --iam-role-arn "$ROLE" --idempotency-token conformance-backup-1)" \
  "$BACKUP_JOB"
RESTORE_JOB="$(cliq "$C" 'RestoreJobId' backup start-restore-job --recovery-point-arn "$CHANGE_POINT" --iam-role-arn "$ROLE" \
  --metadata DBInstanceIdentifier=small-db-restored,DBInstanceClass=db.t4g.medium --idempotency-token conformance-restore-1)"
expect "start-restore-job again with the same token" \
  "$(cliq "$C" 'RestoreJobId' backup start-restore-job --recovery-point-arn "$CHANGE_POINT" --iam-role-arn "$ROLE" --metadata DBInstanceIdentifier=small-db-restored --idempotency-token conformance-restore-1)" \
  "$RESTORE_JOB"
CLASH_JOB="$(cliq "$C" 'RestoreJobId' backup start-restore-job --recovery-point-arn "$CHANGE_POINT" --iam-role-arn "$ROLE" \
  --metadata DBInstanceIdentifier=small-dev-db)"

cli_error "$C" InvalidRestoreFault rds restore-db-instance-to-point-in-time --source-db-instance-identifier small-db \
  --target-db-instance-identifier small-db-pitr --restore-time 2001-01-01T00:00:00Z
expect "restore-db-instance-to-point-in-time" \
  "$(cliq "$C" 'DBInstance.DBInstanceStatus' rds restore-db-instance-to-point-in-time --source-db-instance-identifier small-db \
      --target-db-instance-identifier small-db-pitr --use-latest-restorable-time)" creating
cli_error "$C" DBInstanceAlreadyExists rds restore-db-instance-to-point-in-time --source-db-instance-identifier small-db \
  --target-db-instance-identifier small-dev-db --use-latest-restorable-time
expect "restore-db-instance-from-db-snapshot" \
  "$(cliq "$C" 'DBInstance.DBInstanceIdentifier' rds restore-db-instance-from-db-snapshot --db-instance-identifier small-db-from-snapshot \
      --db-snapshot-identifier small-db-before-upgrade --db-instance-class db.t4g.small)" small-db-from-snapshot
cli_error "$C" DBInstanceAlreadyExists rds restore-db-instance-from-db-snapshot --db-instance-identifier small-db-from-snapshot \
  --db-snapshot-identifier small-db-before-upgrade
expect "copy-db-snapshot across regions" \
  "$(cliq "$C" 'DBSnapshot.SourceRegion' rds copy-db-snapshot --region us-west-2 \
      --source-db-snapshot-identifier arn:aws:rds:us-east-1:123456789012:snapshot:small-db-before-upgrade \
      --target-db-snapshot-identifier small-db-before-upgrade-copy)" us-east-1
cli_error "$C" InvalidParameterCombination rds delete-db-instance --db-instance-identifier small-dev-db
expect "delete-db-instance --skip-final-snapshot" \
  "$(cliq "$C" 'DBInstance.DBInstanceStatus' rds delete-db-instance --db-instance-identifier small-dev-db --skip-final-snapshot)" deleting

cli_error "$C" InvalidDBClusterStateFault rds delete-db-cluster --db-cluster-identifier small-aurora --skip-final-snapshot
expect "delete-db-instance of small-aurora's writer" \
  "$(cliq "$C" 'DBInstance.DBInstanceStatus' rds delete-db-instance --db-instance-identifier small-aurora-1)" deleting
expect "delete-db-cluster --skip-final-snapshot once its instances are deleting" \
  "$(cliq "$C" 'DBCluster.Status' rds delete-db-cluster --db-cluster-identifier small-aurora --skip-final-snapshot)" deleting

# finish.sh waits for these once the listings are checked.
declare -p BACKUP_JOB RESTORE_JOB CLASH_JOB >"$work/changes.ids"
