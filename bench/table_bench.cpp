// Table speed on 100k rows: sorting, filtering (typing a term, then one more
// character), and rendering one 120x40 viewport.
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include <memory>
#include <string>
#include <vector>

#include "widgets/memory_canvas.hpp"
#include "widgets/table.hpp"

namespace {

using namespace vd::widgets;

// One recovery point, stored as the screens would keep it.
struct PointRow {
    std::string resource;
    std::string type;
    std::string status;
    std::string storage;
    std::int64_t created = 0;
    std::uint64_t size = 0;
    std::string vault;
    std::string created_text;  // formatted once per snapshot, as screens do
    std::string size_text;
};

// A RowSource over 100k generated recovery points.
class PointRows final : public RowSource {
public:
    explicit PointRows(std::size_t n) {
        static const char* kStatus[] = {"COMPLETED", "PARTIAL", "EXPIRED", "DELETING"};
        static const char* kTypes[] = {"RDS", "Aurora", "EBS", "DynamoDB", "EFS"};
        rows_.reserve(n);
        for (std::size_t i = 0; i < n; ++i) {
            rows_.push_back({fmt::format("arn:aws:rds:eu-west-1:123456789012:db:orders-{:06}", i * 7919 % n),
                             kTypes[i % 5], kStatus[(i / 3) % 4], i % 5 == 0 ? "COLD" : "WARM",
                             1'700'000'000 + static_cast<std::int64_t>((i * 104729) % 9'000'000),
                             (i * 2654435761u) % (500ull << 30),
                             fmt::format("vault-{}", i % 12), {}, {}});
            rows_.back().created_text = std::to_string(rows_.back().created);
            rows_.back().size_text = human_size(rows_.back().size);
        }
    }

    std::size_t row_count() const override { return rows_.size(); }

    void format_row(std::size_t row, std::vector<TableCell>& cells) const override {
        const PointRow& r = rows_[row];
        cells.assign({{r.resource}, {r.type}, {r.status, r.status == "COMPLETED" ? Role::Ok : Role::Warning},
                      {r.storage, r.storage == "COLD" ? Role::Cold : Role::Warm},
                      {r.created_text}, {r.size_text}, {r.vault}});
    }

    SortKey sort_key(std::size_t row, std::size_t column) const override {
        const PointRow& r = rows_[row];
        switch (column) {
        case 4: return SortKey::of(static_cast<double>(r.created));
        case 5: return SortKey::of(static_cast<double>(r.size));
        default: {
            std::string scratch;
            return SortKey::of(std::string(filter_text(row, column, scratch)));
        }
        }
    }

    std::string_view filter_text(std::size_t row, std::size_t column,
                                 std::string&) const override {
        const PointRow& r = rows_[row];
        switch (column) {
        case 0: return r.resource;
        case 1: return r.type;
        case 2: return r.status;
        case 3: return r.storage;
        case 4: return r.created_text;
        case 5: return r.size_text;
        default: return r.vault;
        }
    }

private:
    std::vector<PointRow> rows_;
};

constexpr std::size_t kRows = 100'000;

std::vector<Column> columns() {
    return {{"resource", "Resource", 30, 1}, {"type", "Type", 8}, {"status", "Status", 10},
            {"storage", "Storage", 7}, {"created", "Created", 10, 0, Align::Right},
            {"size", "Size", 10, 0, Align::Right}, {"vault", "Vault", 10}};
}

std::shared_ptr<const PointRows> source() {
    static const auto s = std::make_shared<const PointRows>(kRows);
    return s;
}

// Sorting 100k rows on a text column and on a numeric column.
void BM_Sort100k(benchmark::State& state) {
    Table table(columns());
    table.set_source(source());
    const auto column = static_cast<std::size_t>(state.range(0));
    bool ascending = true;
    for (auto _ : state) {
        table.sort_by(column, ascending);
        ascending = !ascending;
        benchmark::DoNotOptimize(table.shown_rows());
    }
    state.SetLabel(column == 0 ? "text column" : "numeric column");
}
BENCHMARK(BM_Sort100k)->Arg(0)->Arg(4)->Unit(benchmark::kMillisecond);

// Filtering 100k rows from scratch (any column, and one column).
void BM_Filter100k(benchmark::State& state) {
    Table table(columns());
    table.set_source(source());
    const std::string terms[] = {"orders-0001", "status:expired"};
    const std::string& term = terms[state.range(0)];
    for (auto _ : state) {
        table.set_filter("");
        table.set_filter(term);
        benchmark::DoNotOptimize(table.shown_rows());
    }
    state.SetLabel(term);
}
BENCHMARK(BM_Filter100k)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// One more character typed into a filter that already matched a tenth of the rows.
void BM_FilterTypeOneMore(benchmark::State& state) {
    Table table(columns());
    table.set_source(source());
    for (auto _ : state) {
        table.set_filter("orders-01");
        table.set_filter("orders-012");
        benchmark::DoNotOptimize(table.shown_rows());
    }
}
BENCHMARK(BM_FilterTypeOneMore)->Unit(benchmark::kMillisecond);

// Rendering one 120x40 viewport of a sorted, filtered 100k table.
void BM_RenderViewport(benchmark::State& state) {
    Table table(columns());
    table.set_source(source());
    table.sort_by(4, false);
    table.set_filter("rds");
    table.select(50'000);
    MemoryCanvas canvas(120, 40);
    const Theme theme = dark_theme();
    for (auto _ : state) {
        table.render(canvas, theme);
        benchmark::ClobberMemory();
    }
}
BENCHMARK(BM_RenderViewport)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
