// Table: layout, rendering, sort, filter, selection, scrolling, mouse and
// virtualization (only visible rows are formatted).
#include "widgets/table.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include "widgets/memory_canvas.hpp"

using namespace vd::widgets;

namespace {

// A generated source of `n` rows that counts how often it formats a row.
class CountingSource final : public RowSource {
public:
    explicit CountingSource(std::size_t n) : n_(n) {}

    std::size_t row_count() const override { return n_; }
    void format_row(std::size_t row, std::vector<TableCell>& cells) const override {
        ++formatted;
        cells = {{name(row)}, {state(row), state(row) == "FAILED" ? Role::Critical : Role::Ok},
                 {std::to_string(size(row))}};
    }
    SortKey sort_key(std::size_t row, std::size_t column) const override {
        switch (column) {
        case 0: return SortKey::of(name(row));
        case 1: return SortKey::of(state(row));
        default: return SortKey::of(static_cast<double>(size(row)));
        }
    }
    std::string_view filter_text(std::size_t row, std::size_t column,
                                 std::string& scratch) const override {
        ++filtered;
        scratch = column == 0 ? name(row) : column == 1 ? state(row) : std::to_string(size(row));
        return scratch;
    }
    std::string row_id(std::size_t row) const override { return name(row); }

    static std::string name(std::size_t row) { return fmt::format("db-{:05}", row); }
    static std::string state(std::size_t row) { return row % 7 == 3 ? "FAILED" : "COMPLETED"; }
    static std::size_t size(std::size_t row) { return (row * 37) % 101; }

    mutable std::size_t formatted = 0;
    mutable std::size_t filtered = 0;

private:
    std::size_t n_;
};

// A small fixed source: resource, status, size.
std::shared_ptr<VectorRowSource> small_source() {
    std::vector<TableRow> rows = {
        {{{"orders-db"}, {"COMPLETED", Role::Ok}, {"20"}}, {SortKey::of("orders-db"), SortKey::of("completed"), SortKey::of(20.0)}, "arn:1"},
        {{{"users-db"}, {"FAILED", Role::Critical}, {"5"}}, {SortKey::of("users-db"), SortKey::of("failed"), SortKey::of(5.0)}, "arn:2"},
        {{{"billing"}, {"RUNNING", Role::Info}, {"120"}}, {SortKey::of("billing"), SortKey::of("running"), SortKey::of(120.0)}, "arn:3"},
        {{{"audit-log"}, {"FAILED", Role::Critical}, {"5"}}, {SortKey::of("audit-log"), SortKey::of("failed"), SortKey::of(5.0)}, "arn:4"},
    };
    return std::make_shared<VectorRowSource>(std::move(rows));
}

std::vector<Column> small_columns() {
    return {{"resource", "Resource", 10, 1},
            {"status", "Status", 9},
            {"size", "Size GiB", 8, 0, Align::Right}};
}

Theme utf8_theme() { return dark_theme(utf8_glyphs()); }
Theme ascii_theme() { return dark_theme(ascii_glyphs()); }

}  // namespace

TEST(TableLayoutTest, FlexibleColumnsShareSpareWidth) {
    const std::vector<Column> cols = {{"a", "A", 4, 1}, {"b", "B", 3}, {"c", "C", 4, 3}};
    // 4+3+4 + 2 separators = 13; 27 leaves 14 spare: 3.5 and 10.5.
    EXPECT_EQ(layout_columns(cols, 27), (std::vector<int>{8, 3, 14}));
    EXPECT_EQ(layout_columns(cols, 13), (std::vector<int>{4, 3, 4}));
    // Too narrow: the rightmost columns are cut, then dropped.
    EXPECT_EQ(layout_columns(cols, 10), (std::vector<int>{4, 3, 1}));
    EXPECT_EQ(layout_columns(cols, 6), (std::vector<int>{4, 1, 0}));
}

TEST(TableRenderTest, DrawsHeaderRowsAndSortIndicatorInUtf8) {
    Table table(small_columns());
    table.set_source(small_source());
    table.sort_by(2, false);
    MemoryCanvas c(30, 6);
    table.render(c, utf8_theme());
    EXPECT_EQ(c.to_string(),
              "Resource    Status     Size… ▼\n"
              "billing     RUNNING        120\n"
              "orders-db   COMPLETED       20\n"
              "users-db    FAILED           5\n"
              "audit-log   FAILED           5\n"
              "\n");
    EXPECT_EQ(table.position_text(), "2/4");  // the selection followed orders-db
}

TEST(TableRenderTest, AsciiModeUsesAsciiIndicatorAndEllipsis) {
    Table table(small_columns());
    table.set_source(small_source());
    table.sort_by(0, true);
    MemoryCanvas c(29, 5);
    table.render(c, ascii_theme());
    EXPECT_EQ(c.to_string(),
              "Resource ^ Status    Size GiB\n"
              "audit-log  FAILED           5\n"
              "billing    RUNNING        120\n"
              "orders-db  COMPLETED       20\n"
              "users-db   FAILED           5\n");
    table.sort_by(1, false);  // the selection (orders-db) moves to the end
    MemoryCanvas narrow(26, 3);
    table.render(narrow, ascii_theme());
    EXPECT_EQ(narrow.to_string(),
              "Resource   Status v  Siz~\n"
              "audit-log  FAILED       5|\n"
              "orders-db  COMPLETED   20#\n");
}

TEST(TableRenderTest, SelectedRowAndStateColours) {
    Table table(small_columns());
    table.set_source(small_source());
    table.move(1);
    MemoryCanvas c(30, 5);
    const Theme theme = utf8_theme();
    table.render(c, theme);
    EXPECT_EQ(c.cell(0, 2).style, theme.style(Role::Selected));
    EXPECT_EQ(c.cell(29, 2).style, theme.style(Role::Selected));
    EXPECT_EQ(c.cell(12, 1).style, theme.style(Role::Ok));
    EXPECT_EQ(c.cell(12, 4).style, theme.style(Role::Critical));
    EXPECT_EQ(c.cell(0, 0).style, theme.style(Role::Header));
    table.render(c, theme, false);
    EXPECT_EQ(c.cell(0, 2).style, theme.style(Role::SelectedInactive));
}

TEST(TableRenderTest, EmptyAndNoMatchMessages) {
    Table table(small_columns());
    MemoryCanvas c(30, 3);
    table.render(c, utf8_theme());
    EXPECT_EQ(c.row_text(1), " no rows");
    table.set_source(small_source());
    table.set_filter("nothing-like-this");
    table.render(c, utf8_theme());
    EXPECT_EQ(c.row_text(1), " no rows match the filter");
    EXPECT_EQ(table.position_text(), "0/0");
}

TEST(TableRenderTest, AnUnknownColumnIsNamedWithTheColumnsThereAre) {
    Table table(small_columns());
    table.set_source(small_source());
    table.set_filter("colour:red");
    MemoryCanvas c(120, 3);
    table.render(c, utf8_theme());
    EXPECT_NE(c.row_text(1).find("no rows match the filter: no column 'colour' (columns: "), std::string::npos)
        << c.row_text(1);
    // An ARN is text, not a column.
    table.set_filter("arn:aws:nothing");
    table.render(c, utf8_theme());
    EXPECT_EQ(c.row_text(1), " no rows match the filter");
}

TEST(TableRenderTest, WideCharactersInCellsKeepColumnsAligned) {
    std::vector<TableRow> rows = {{{{"日本語データベース"}, {"OK"}}, {}, ""}};
    Table table({{"name", "Name", 8}, {"state", "State", 5}});
    table.set_source(std::make_shared<VectorRowSource>(rows));
    MemoryCanvas c(14, 2);
    table.render(c, utf8_theme());
    EXPECT_EQ(c.to_string(),
              "Name     State\n"
              "日本語…  OK\n");
}

TEST(TableSortTest, SortIsStableAndToggles) {
    Table table(small_columns());
    table.set_source(small_source());
    table.toggle_sort(1);  // status ascending: completed, failed (users, audit), running
    std::vector<std::size_t> rows;
    for (std::size_t p = 0; p < table.shown_rows(); ++p) rows.push_back(table.row_at_position(p));
    EXPECT_EQ(rows, (std::vector<std::size_t>{0, 1, 3, 2}));
    table.toggle_sort(1);  // descending keeps ties in source order
    rows.clear();
    for (std::size_t p = 0; p < table.shown_rows(); ++p) rows.push_back(table.row_at_position(p));
    EXPECT_EQ(rows, (std::vector<std::size_t>{2, 1, 3, 0}));
    EXPECT_FALSE(table.sort_ascending());
    table.clear_sort();
    EXPECT_FALSE(table.sort_column().has_value());
    EXPECT_EQ(table.row_at_position(0), 0u);
}

TEST(TableSortTest, SelectionFollowsTheRowWhenSorting) {
    Table table(small_columns());
    table.set_source(small_source());
    table.select(2);  // billing
    table.sort_by(0, true);
    EXPECT_EQ(table.selected_row(), 2u);
    EXPECT_EQ(table.selected_position(), 1u);
}

TEST(TableFilterTest, PlainTermsMatchAnyColumnCaseInsensitive) {
    Table table(small_columns());
    table.set_source(small_source());
    table.set_filter("FAIL");
    EXPECT_EQ(table.shown_rows(), 2u);
    table.set_filter("db");
    EXPECT_EQ(table.shown_rows(), 2u);
    table.set_filter("db fail");  // terms are ANDed
    ASSERT_EQ(table.shown_rows(), 1u);
    EXPECT_EQ(table.row_at_position(0), 1u);
    table.set_filter("");
    EXPECT_EQ(table.shown_rows(), 4u);
}

TEST(TableFilterTest, ColumnTermsMatchOneColumn) {
    Table table(small_columns());
    table.set_source(small_source());
    table.set_filter("size:5");
    EXPECT_EQ(table.shown_rows(), 2u);
    table.set_filter("Size GiB:12");  // a title works too
    EXPECT_EQ(table.shown_rows(), 0u);  // a space splits the term
    table.set_filter("\"size gib:12\"");
    EXPECT_EQ(table.shown_rows(), 1u);
    table.set_filter("status:run");
    ASSERT_EQ(table.shown_rows(), 1u);
    EXPECT_EQ(table.row_at_position(0), 2u);
    table.set_filter("resource:failed");  // no resource contains "failed"
    EXPECT_EQ(table.shown_rows(), 0u);
    table.set_filter("nocolumn:x");  // unknown column: plain text
    EXPECT_EQ(table.shown_rows(), 0u);
}

TEST(TableFilterTest, ParsingAndRefinement) {
    const std::vector<std::vector<std::string>> names = {{"status", "state"}, {"size", "size"}};
    const auto terms = parse_filter("  Prod status:FAILED \"two words\" x:y ", names);
    ASSERT_EQ(terms.size(), 4u);
    EXPECT_EQ(terms[0], (FilterTerm{std::nullopt, "prod"}));
    EXPECT_EQ(terms[1], (FilterTerm{0, "failed"}));
    EXPECT_EQ(terms[2], (FilterTerm{std::nullopt, "two words"}));
    EXPECT_EQ(terms[3], (FilterTerm{std::nullopt, "x:y"}));
    EXPECT_TRUE(is_refinement(parse_filter("pro", names), parse_filter("prod", names)));
    EXPECT_TRUE(is_refinement(parse_filter("prod", names), parse_filter("prod sta", names)));
    EXPECT_FALSE(is_refinement(parse_filter("prod", names), parse_filter("pro", names)));
    EXPECT_FALSE(is_refinement(parse_filter("status", names), parse_filter("status:f", names)));
}

TEST(TableFilterTest, TypingMoreOnlyRechecksRowsThatMatched) {
    auto source = std::make_shared<CountingSource>(700);
    Table table({{"name", "Name", 10}, {"state", "State", 10}, {"size", "Size", 5}});
    table.set_source(source);
    table.set_filter("state:f");
    EXPECT_EQ(table.shown_rows(), 100u);
    EXPECT_EQ(source->filtered, 700u);
    source->filtered = 0;
    table.set_filter("state:fa");
    EXPECT_EQ(table.shown_rows(), 100u);
    EXPECT_EQ(source->filtered, 100u);
    source->filtered = 0;
    table.set_filter("state:f");  // widening rescans everything
    EXPECT_EQ(source->filtered, 700u);
}

TEST(TableFilterTest, SelectionStaysOnTheRowWhenItStillMatches) {
    Table table(small_columns());
    table.set_source(small_source());
    table.select(3);  // audit-log
    table.set_filter("failed");
    EXPECT_EQ(table.selected_row(), 3u);
    table.set_filter("users");
    EXPECT_EQ(table.selected_row(), 1u);
}

TEST(TableNavigationTest, KeysMoveSelectionAndScroll) {
    auto source = std::make_shared<CountingSource>(100);
    Table table({{"name", "Name", 10}});
    table.set_source(source);
    MemoryCanvas c(20, 11);  // header + 10 rows
    table.render(c, utf8_theme());
    EXPECT_EQ(table.page_size(), 10);
    EXPECT_TRUE(table.handle(KeyEvent::character(U'j')));
    EXPECT_TRUE(table.handle(KeyEvent::named(Key::Down)));
    EXPECT_EQ(table.selected_position(), 2u);
    EXPECT_TRUE(table.handle(KeyEvent::character(U'k')));
    EXPECT_EQ(table.selected_position(), 1u);
    EXPECT_TRUE(table.handle(KeyEvent::named(Key::PageDown)));
    EXPECT_EQ(table.selected_position(), 11u);
    EXPECT_EQ(table.scroll_offset(), 2u);
    EXPECT_TRUE(table.handle(KeyEvent::character(U'G')));
    EXPECT_EQ(table.selected_position(), 99u);
    EXPECT_EQ(table.scroll_offset(), 90u);
    EXPECT_EQ(table.position_text(), "100/100");
    EXPECT_TRUE(table.handle(KeyEvent::named(Key::PageUp)));
    EXPECT_EQ(table.selected_position(), 89u);
    EXPECT_EQ(table.scroll_offset(), 89u);
    EXPECT_TRUE(table.handle(KeyEvent::character(U'g')));
    EXPECT_EQ(table.selected_position(), 0u);
    EXPECT_EQ(table.scroll_offset(), 0u);
    EXPECT_TRUE(table.handle(KeyEvent::character(U'k')));  // at the top: stays
    EXPECT_EQ(table.selected_position(), 0u);
    EXPECT_FALSE(table.handle(KeyEvent::character(U'x')));
}

TEST(TableNavigationTest, MouseClickSelectsWheelScrollsHeaderSorts) {
    Table table(small_columns());
    table.set_source(small_source());
    MemoryCanvas c(30, 3);  // header + 2 rows
    table.render(c, utf8_theme());
    EXPECT_TRUE(table.handle(KeyEvent::click(3, 2)));
    EXPECT_EQ(table.selected_position(), 1u);
    EXPECT_TRUE(table.handle(KeyEvent::wheel(3, 1, false)));
    EXPECT_EQ(table.scroll_offset(), 2u);
    EXPECT_EQ(table.selected_position(), 2u);  // kept inside the viewport
    EXPECT_TRUE(table.handle(KeyEvent::click(13, 0)));  // "Status" header
    EXPECT_EQ(table.sort_column(), 1u);
    EXPECT_FALSE(table.handle(KeyEvent::click(3, 7)));  // below the table
}

TEST(TableNavigationTest, SelectionFollowsRowIdAcrossNewData) {
    Table table({{"name", "Name", 10}});
    table.set_source(std::make_shared<CountingSource>(50));
    table.select(30);  // db-00030
    table.set_source(std::make_shared<CountingSource>(60));
    table.set_filter("db-0003");
    table.set_source(std::make_shared<CountingSource>(40));
    ASSERT_TRUE(table.selected_row().has_value());
    EXPECT_EQ(CountingSource::name(*table.selected_row()), "db-00030");
}

TEST(TableVirtualizationTest, RenderFormatsOnlyVisibleRows) {
    auto source = std::make_shared<CountingSource>(100'000);
    Table table({{"name", "Name", 10}, {"state", "State", 10}, {"size", "Size", 5}});
    table.set_source(source);
    table.sort_by(2, false);
    table.set_filter("completed");
    EXPECT_EQ(source->formatted, 0u);
    MemoryCanvas c(40, 25);
    table.render(c, utf8_theme());
    EXPECT_EQ(source->formatted, 24u);
    table.handle(KeyEvent::character(U'G'));
    source->formatted = 0;
    table.render(c, utf8_theme());
    EXPECT_EQ(source->formatted, 24u);
    EXPECT_EQ(table.position_text(), fmt::format("{0}/{0}", table.shown_rows()));
}

TEST(TableVirtualizationTest, CursorMoveChangesTwoRows) {
    auto source = std::make_shared<CountingSource>(1000);
    Table table({{"name", "Name", 10}, {"state", "State", 10}});
    table.set_source(source);
    MemoryCanvas before(30, 12), after(30, 12);
    const Theme theme = utf8_theme();
    table.move(3);
    table.render(before, theme);
    table.move(1);
    table.render(after, theme);
    EXPECT_EQ(changed_rows(before, after), (std::vector<int>{4, 5}));
}

TEST(TableVirtualizationTest, ScrollbarShowsThumbPosition) {
    auto source = std::make_shared<CountingSource>(40);
    Table table({{"name", "Name", 8}});
    table.set_source(source);
    MemoryCanvas c(12, 5);  // 4 body rows, thumb of 1
    table.render(c, ascii_theme());
    EXPECT_EQ(c.to_string(),
              "Name\n"
              "db-00000   #\n"
              "db-00001   |\n"
              "db-00002   |\n"
              "db-00003   |\n");
    table.end();
    table.render(c, ascii_theme());
    EXPECT_EQ(c.row_text(1), "db-00036   |");
    EXPECT_EQ(c.row_text(4), "db-00039   #");
}
