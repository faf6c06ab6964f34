# AWS Backup vaults and recovery points: counts under every paging, filters through the CLI (sourced by conformance.sh; small scenario).
echo "== conformance: AWS Backup vaults and recovery points"
B="$SMALL"
SMALL_DB=arn:aws:rds:us-east-1:123456789012:db:small-db

expect "list-backup-vaults" "$(cliq "$B" 'length(BackupVaultList)' backup list-backup-vaults)" 2
expect "list-backup-vaults --page-size 1" "$(cliq "$B" 'length(BackupVaultList)' backup list-backup-vaults --page-size 1)" 2
expect "list-backup-vaults us-west-2" "$(cliq "$B" 'length(BackupVaultList)' backup list-backup-vaults --region us-west-2)" 1
expect "describe-backup-vault small-vault Locked" "$(cliq "$B" 'Locked' backup describe-backup-vault --backup-vault-name small-vault)" True

for paging in "" "--page-size 4" "--page-size 1000"; do
  # shellcheck disable=SC2086
  expect "list-recovery-points-by-backup-vault $paging" \
    "$(cliq "$B" 'length(RecoveryPoints)' backup list-recovery-points-by-backup-vault --backup-vault-name small-vault $paging)" 19
done
expect "list-recovery-points-by-backup-vault --max-items 5" \
  "$(cliq "$B" '[length(RecoveryPoints), NextToken != `null`]' backup list-recovery-points-by-backup-vault --backup-vault-name small-vault --max-items 5)" \
  "$(printf '5\tTrue')"
expect "list-recovery-points-by-backup-vault small-dr-vault" \
  "$(cliq "$B" 'length(RecoveryPoints)' backup list-recovery-points-by-backup-vault --backup-vault-name small-dr-vault --region us-west-2 --page-size 6)" 19
expect "recovery points --by-resource-type RDS" \
  "$(cliq "$B" 'length(RecoveryPoints)' backup list-recovery-points-by-backup-vault --backup-vault-name small-vault --by-resource-type RDS)" 10
expect "recovery points --by-resource-arn small-db" \
  "$(cliq "$B" 'length(RecoveryPoints)' backup list-recovery-points-by-backup-vault --backup-vault-name small-vault --by-resource-arn "$SMALL_DB")" 10
POINT="$(cliq "$B" 'RecoveryPoints[0].RecoveryPointArn' backup list-recovery-points-by-backup-vault --backup-vault-name small-vault --by-resource-arn "$SMALL_DB" --max-items 1)"
expect "describe-recovery-point StorageClass" \
  "$(cliq "$B" 'StorageClass' backup describe-recovery-point --backup-vault-name small-vault --recovery-point-arn "$POINT")" WARM
expect "get-recovery-point-restore-metadata" \
  "$(cliq "$B" 'RestoreMetadata.DBInstanceIdentifier' backup get-recovery-point-restore-metadata --backup-vault-name small-vault --recovery-point-arn "$POINT")" small-db
expect "list-recovery-points-by-resource --page-size 3" \
  "$(cliq "$B" 'length(RecoveryPoints)' backup list-recovery-points-by-resource --resource-arn "$SMALL_DB" --page-size 3)" 10

