// Listing output: CSV quoting (RFC 4180), table alignment with non-ASCII
// text, JSON keys and types, and the per-kind listings of `vaultdeck list`.
// The tui/ formatting code is part of the executable, not a library, so it
// is compiled into this test directly.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "backend/core/time_format.hpp"
#include "tui/cli/listings.cpp"
#include "tui/cli/output_format.cpp"

namespace vd::cli {
namespace {

TimePoint at(const char* iso) { return *parse_time(iso); }

Listing two_columns() {
    Listing l;
    l.columns = {{"name", "NAME"}, Column{"count", "COUNT", Show::Everywhere, Align::Right}};
    return l;
}

TEST(Csv, FieldsAreQuotedOnlyWhenNeededAndQuotesDoubled) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field(""), "");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    // No raw control character in a record (RFC 4180 allows quoted line
    // breaks, but a name from AWS must not split a row or reach a terminal).
    EXPECT_EQ(csv_field("two\nlines"), "two\\x0alines");
    EXPECT_EQ(csv_field("cr\rhere"), "cr\\x0dhere");
    EXPECT_EQ(csv_field("plan\x1b]52;c;eA==\a,x"), "\"plan\\x1b]52;c;eA==\\x07,x\"");
    EXPECT_EQ(csv_field("rtl\xe2\x80\xae"), "rtl\\u202e");
    EXPECT_EQ(csv_field("produção-vault"), "produção-vault");
    EXPECT_EQ(csv_field(" spaced "), " spaced ");
}

TEST(Csv, HeaderRowOfKeysAndCrlfRecords) {
    Listing l = two_columns();
    l.columns.push_back(Column{"when", "WHEN"});
    l.columns.push_back(Column{"label", "LABEL", Show::TableOnly});
    l.add({std::string("x,y"), int64_t{3}, at("2025-11-22T03:00:00Z"), std::string("table only")});
    l.add({Cell{}, true});
    EXPECT_EQ(format_csv(l), "name,count,when\r\n\"x,y\",3,2025-11-22T03:00:00Z\r\n,true,\r\n");
}

TEST(Table, ColumnsAlignByDisplayWidthNotBytes) {
    Listing l = two_columns();
    l.add({std::string("produção-vault"), int64_t{12}});
    l.add({std::string("a"), int64_t{1432}});
    l.add({std::string("日本"), Cell{}});
    std::string expected =
        "NAME            COUNT\n"
        "produção-vault     12\n"
        "a                1432\n"
        "日本                -\n";
    EXPECT_EQ(format_table(l), expected);
}

TEST(Table, LongCellsAreCutAndControlCharactersNeutralised) {
    Listing l;
    l.columns = {Column{"msg", "MESSAGE", Show::Everywhere, Align::Left, Display::Plain, 10}, Column{"n", "N"}};
    l.add({std::string("ação não autorizada pela chave"), std::string("\x1b[31mred")});
    EXPECT_EQ(format_table(l), "MESSAGE     N\nação não …  \\x1b[31mred\n");  // the escape written out, not sent
    EXPECT_EQ(display_width("ação não …"), 10u);
}

TEST(Table, BytesAreHumanAndDataOnlyColumnsHidden) {
    Listing l;
    l.columns = {Column{"size", "SIZE", Show::Everywhere, Align::Right, Display::Bytes}, Column{"arn", "", Show::DataOnly}};
    l.add({int64_t{53687091200}, std::string("arn:aws:backup:x")});
    l.add({int64_t{512}, Cell{}});
    EXPECT_EQ(format_table(l), "    SIZE\n50.0 GiB\n   512 B\n");
    EXPECT_EQ(human_bytes(1536), "1.5 KiB");
}

TEST(Json, AnArrayOfObjectsWithTypedValuesInColumnOrder) {
    Listing l = two_columns();
    l.columns.push_back(Column{"when", "WHEN"});
    l.columns.push_back(Column{"tags", "", Show::DataOnly});
    l.add({std::string("produção-vault"), int64_t{7}, at("2025-11-22T03:00:00Z"), nlohmann::ordered_json{{"team", "orders"}}});
    l.add({Cell{}, false});
    std::string out = format_json(l);
    auto parsed = nlohmann::ordered_json::parse(out);
    ASSERT_TRUE(parsed.is_array());
    ASSERT_EQ(parsed.size(), 2u);
    EXPECT_EQ(parsed[0]["name"], "produção-vault");
    EXPECT_EQ(parsed[0]["count"], 7);
    EXPECT_EQ(parsed[0]["when"], "2025-11-22T03:00:00Z");
    EXPECT_EQ(parsed[0]["tags"]["team"], "orders");
    EXPECT_TRUE(parsed[1]["name"].is_null());
    EXPECT_EQ(parsed[1]["count"], false);
    EXPECT_EQ(parsed[0].begin().key(), "name");
    EXPECT_EQ(format_json(Listing{}), "[]\n");
}

TEST(Json, InvalidUtf8FromAServerDoesNotThrow) {
    Listing l;
    l.columns = {Column{"name", "NAME"}};
    l.add({std::string("bad\xff\xfe")});
    EXPECT_NO_THROW((void)format_json(l));
    EXPECT_NO_THROW((void)format_table(l));
}

TEST(Listings, RecoveryPointsNewestFirstWithStableAwsKeys) {
    model::RecoveryPoint older;
    older.arn = "arn:aws:backup:eu-west-1:1:recovery-point:OLD";
    older.vault_name = "produção-vault";
    older.resource_arn = "arn:aws:rds:eu-west-1:1:db:orders-prod";
    older.creation_date = at("2025-11-21T03:00:00Z");
    older.backup_size_bytes = 2048;
    model::RecoveryPoint newer = older;
    newer.arn = "arn:aws:backup:eu-west-1:1:recovery-point:NEW";
    newer.resource_name = "orders";
    newer.creation_date = at("2025-11-22T03:00:00Z");
    newer.created_by_rule_name = "daily-0300";
    auto listing = recovery_points_listing({older, newer});
    auto json = nlohmann::ordered_json::parse(format_json(listing));
    ASSERT_EQ(json.size(), 2u);
    EXPECT_EQ(json[0]["recoveryPointArn"], newer.arn);
    EXPECT_EQ(json[0]["backupRuleName"], "daily-0300");
    EXPECT_EQ(json[1]["backupSizeInBytes"], 2048);
    EXPECT_EQ(json[1]["backupVaultName"], "produção-vault");
    EXPECT_FALSE(json[0].contains("resource"));  // a table-only column
    std::string table = format_table(listing);
    EXPECT_NE(table.find("orders-prod"), std::string::npos);  // the ARN's tail when no name
    EXPECT_LT(table.find("2025-11-22T03:00:00Z"), table.find("2025-11-21T03:00:00Z"));
    std::string csv = format_csv(listing);
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
              "creationDate,backupVaultName,resourceType,status,storageClass,backupSizeInBytes,backupRuleName,coldAt,"
              "deleteAt,recoveryPointArn,resourceArn,resourceName,completionDate,backupPlanId,backupPlanName,"
              "backupRuleId,isEncrypted,sourceBackupVaultArn,statusMessage");
    EXPECT_NE(table.find("COLD AT"), std::string::npos);
}

TEST(Listings, PlansAreOneRowPerRuleWithCopyActions) {
    model::BackupPlan plan;
    plan.plan_name = "prod-daily";
    plan.plan_id = "p-1";
    model::BackupRule rule;
    rule.rule_name = "daily-0300";
    rule.schedule_expression = "cron(0 3 * * ? *)";
    rule.schedule_expression_timezone = "Europe/Lisbon";
    rule.lifecycle.delete_after_days = 35;
    rule.copy_actions.push_back({"arn:aws:backup:eu-central-1:1:backup-vault:dr-copy", {std::nullopt, 90, false}});
    plan.rules = {rule, rule};
    plan.rules[1].rule_name = "weekly";
    model::BackupPlan empty;
    empty.plan_name = "a-empty";
    auto json = nlohmann::ordered_json::parse(format_json(plans_listing({plan, empty})));
    ASSERT_EQ(json.size(), 3u);
    EXPECT_EQ(json[0]["backupPlanName"], "a-empty");
    EXPECT_TRUE(json[0]["ruleName"].is_null());
    EXPECT_EQ(json[1]["ruleName"], "daily-0300");
    EXPECT_EQ(json[1]["scheduleExpressionTimezone"], "Europe/Lisbon");
    EXPECT_EQ(json[1]["deleteAfterDays"], 35);
    EXPECT_EQ(json[1]["copyActions"][0]["deleteAfterDays"], 90);
    EXPECT_EQ(json[2]["backupPlanId"], "p-1");
    EXPECT_NE(format_table(plans_listing({plan})).find("dr-copy"), std::string::npos);
}

TEST(Listings, DbInstancesCarryEndpointAndTags) {
    model::DbInstance db;
    db.identifier = "orders-prod";
    db.endpoint = {"orders-prod.x.eu-west-1.rds.amazonaws.com", 5432};
    db.latest_restorable_time = at("2025-11-22T03:35:00Z");
    db.tags = {{"team", "orders"}};
    db.backup_retention_period = 14;
    auto json = nlohmann::ordered_json::parse(format_json(db_instances_listing({db})));
    EXPECT_EQ(json[0]["dbInstanceIdentifier"], "orders-prod");
    EXPECT_EQ(json[0]["endpointPort"], 5432);
    EXPECT_EQ(json[0]["latestRestorableTime"], "2025-11-22T03:35:00Z");
    EXPECT_EQ(json[0]["tags"]["team"], "orders");
    EXPECT_EQ(json[0]["backupRetentionPeriod"], 14);
    EXPECT_EQ(arn_tail("arn:aws:backup:eu-west-1:1:backup-vault:prod-primary"), "prod-primary");
    EXPECT_EQ(arn_tail("arn:aws:elasticfilesystem:eu-west-1:1:file-system/fs-1"), "fs-1");
}

}  // namespace
}  // namespace vd::cli
