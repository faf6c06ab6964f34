# Amazon RDS listings, filters, paging and errors, and the network a restore
# lands in (subnet groups, EC2 security groups), through the CLI (sourced by conformance.sh).
echo "== conformance: Amazon RDS"
R="$SMALL"
expect "describe-db-instances" "$(cliq "$R" 'length(DBInstances)' rds describe-db-instances)" 3
expect "describe-db-instances --page-size 20" "$(cliq "$R" 'length(DBInstances)' rds describe-db-instances --page-size 20)" 3
expect "describe-db-instances --filters engine=postgres" \
  "$(cliq "$R" 'length(DBInstances)' rds describe-db-instances --filters Name=engine,Values=postgres)" 2
cli_error "$R" DBInstanceNotFound rds describe-db-instances --db-instance-identifier no-such-db
cli_error "$R" InvalidParameterValue rds describe-db-instances --max-records 5
expect "describe-db-clusters" "$(cliq "$R" 'DBClusters[0].DBClusterIdentifier' rds describe-db-clusters)" small-aurora
expect "describe-db-snapshots --snapshot-type manual" \
  "$(cliq "$R" 'length(DBSnapshots)' rds describe-db-snapshots --snapshot-type manual)" 1
expect "describe-db-snapshots awsbackup of small-db" \
  "$(cliq "$R" 'length(DBSnapshots)' rds describe-db-snapshots --snapshot-type awsbackup --db-instance-identifier small-db)" 10
expect "describe-db-cluster-snapshots" "$(cliq "$R" 'length(DBClusterSnapshots)' rds describe-db-cluster-snapshots --db-cluster-identifier small-aurora)" 3
expect "describe-db-subnet-groups --db-subnet-group-name default" \
  "$(cliq "$R" 'DBSubnetGroups[0].SubnetGroupStatus' rds describe-db-subnet-groups --db-subnet-group-name default)" Complete
cli_error "$R" DBSubnetGroupNotFoundFault rds describe-db-subnet-groups --db-subnet-group-name no-such-subnets
SMALL_SG="$(cliq "$R" "DBInstances[?DBInstanceIdentifier=='small-db'].VpcSecurityGroups[0].VpcSecurityGroupId | [0]" rds describe-db-instances)"
expect "ec2 describe-security-groups of small-db's group" \
  "$(cliq "$R" 'SecurityGroups[0].GroupId' ec2 describe-security-groups --group-ids "$SMALL_SG")" "$SMALL_SG"
expect "the security group is in the subnet group's VPC" \
  "$(cliq "$R" 'SecurityGroups[0].VpcId' ec2 describe-security-groups --group-ids "$SMALL_SG")" \
  "$(cliq "$R" 'DBSubnetGroups[0].VpcId' rds describe-db-subnet-groups --db-subnet-group-name default)"
cli_error "$R" InvalidGroup.NotFound ec2 describe-security-groups --group-ids sg-0123456789abcdef0
latest="$(cliq "$R" "DBInstanceAutomatedBackups[?DBInstanceIdentifier=='small-db'].RestoreWindow.LatestTime | [0]" rds describe-db-instance-automated-backups)"
[ -n "$latest" ] && [ "$latest" != None ] && ok "automated backups of small-db restorable up to $latest" || fail "no restore window for small-db"

echo "-- RDS Marker paging on the demo scenario"
D="$DEMO"
all="$(cliq "$D" 'length(DBSnapshots)' rds describe-db-snapshots)"
expect "describe-db-snapshots --page-size 20 (of $all)" "$(cliq "$D" 'length(DBSnapshots)' rds describe-db-snapshots --page-size 20)" "$all"
[ "$all" -gt 20 ] && ok "more than one page of snapshots ($all)" || fail "demo has only $all snapshots"
expect "describe-db-instances --page-size 20 (demo)" "$(cliq "$D" 'length(DBInstances)' rds describe-db-instances --page-size 20)" \
  "$(cliq "$D" 'length(DBInstances)' rds describe-db-instances)"
