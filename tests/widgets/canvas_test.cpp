// MemoryCanvas drawing, clipping, regions, wide characters and ANSI output.
#include "widgets/memory_canvas.hpp"

#include <gtest/gtest.h>

using namespace vd::widgets;

TEST(CanvasTest, PutWritesTextAndTrimsTrailingSpaces) {
    MemoryCanvas c(10, 2);
    EXPECT_EQ(c.put(2, 0, "hello", {}), 7);
    EXPECT_EQ(c.to_string(), "  hello\n\n");
}

TEST(CanvasTest, TextIsClippedAtTheEdges) {
    MemoryCanvas c(5, 2);
    c.put(3, 0, "abcdef", {});
    c.put(-2, 1, "xyz", {});
    c.put(0, 5, "outside", {});
    EXPECT_EQ(c.to_string(), "   ab\nz\n");
}

TEST(CanvasTest, WideCharactersTakeTwoCells) {
    MemoryCanvas c(6, 1);
    EXPECT_EQ(c.put(0, 0, "日本x", {}), 5);
    EXPECT_EQ(c.cell(0, 0).width, 2);
    EXPECT_EQ(c.cell(1, 0).width, 0);
    EXPECT_EQ(c.cell(4, 0).glyph, "x");
    EXPECT_EQ(c.to_string(), "日本x\n");
}

TEST(CanvasTest, WideCharacterStraddlingTheEdgeBecomesASpace) {
    MemoryCanvas c(3, 1);
    c.put(0, 0, "a日本", {});
    EXPECT_EQ(c.to_string(), "a日\n");
    MemoryCanvas d(3, 1);
    d.put(1, 0, "日本", {});
    EXPECT_EQ(d.row_text(0), " 日");
    MemoryCanvas e(4, 1);
    e.put(-1, 0, "日ab", {});
    EXPECT_EQ(e.row_text(0), " ab");
}

TEST(CanvasTest, OverwritingHalfAWideCharacterBlanksTheOtherHalf) {
    MemoryCanvas c(4, 1);
    c.put(0, 0, "日本", {});
    c.put(1, 0, "x", {});
    EXPECT_EQ(c.row_text(0), " x本");
    c.put(2, 0, "y", {});
    EXPECT_EQ(c.row_text(0), " xy");
}

TEST(CanvasTest, CombiningMarksStayWithTheirBase) {
    MemoryCanvas c(4, 1);
    EXPECT_EQ(c.put(0, 0, "e\u0301x", {}), 2);
    EXPECT_EQ(c.cell(0, 0).glyph, "e\u0301");
    EXPECT_EQ(c.cell(1, 0).glyph, "x");
}

TEST(CanvasTest, ControlCharactersAreNeverDrawn) {
    MemoryCanvas c(6, 1);
    c.put(0, 0, "a\tb\x1b[c", {});
    EXPECT_EQ(c.row_text(0), "ab[c");
}

TEST(CanvasTest, RegionTranslatesAndClips) {
    MemoryCanvas c(8, 3);
    c.fill({0, 0, 8, 3}, ".", {});
    auto r = c.region({2, 1, 4, 1});
    EXPECT_EQ(r.width(), 4);
    EXPECT_EQ(r.height(), 1);
    r.put(0, 0, "abcdefgh", {});
    r.put(0, 1, "never", {});
    r.fill({-5, -5, 100, 100}, "#", {});  // clipped to the region
    r.put(1, 0, "日日", {});
    EXPECT_EQ(c.to_string(), "........\n..#日 ..\n........\n");
}

TEST(CanvasTest, NestedRegionsCompose) {
    MemoryCanvas c(10, 4);
    auto outer = c.region({1, 1, 8, 3});
    auto inner = outer.region({2, 1, 3, 1});
    inner.put(0, 0, "xyzw", {});
    EXPECT_EQ(c.row_text(2), "   xyz");
    inner.show_cursor(1, 0);
    EXPECT_TRUE(c.cursor_visible());
    EXPECT_EQ(c.cursor_x(), 4);
    EXPECT_EQ(c.cursor_y(), 2);
}

TEST(CanvasTest, PutFitPadsToWidth) {
    MemoryCanvas c(10, 1);
    Style s{1, 2, kAttrBold};
    EXPECT_EQ(c.put_fit(1, 0, "abcdefgh", 5, s), 6);
    EXPECT_EQ(c.row_text(0), " abcd…");
    c.put_fit(0, 0, "7", 3, s, Align::Right);
    EXPECT_EQ(c.row_text(0), "  7cd…");
    EXPECT_EQ(c.cell(5, 0).style, s);
}

TEST(CanvasTest, AnsiOutputCarriesStyles) {
    MemoryCanvas c(6, 2);
    c.put(0, 0, "ok", Style{2, kDefaultColor, kAttrBold});
    c.put(3, 0, "x", Style{196, 25, kAttrNone});
    c.put(0, 1, "ab", {});
    EXPECT_EQ(c.to_ansi(),
              "\x1b[0;1;32mok\x1b[0m \x1b[0;38;5;196;48;5;25mx\x1b[0m\n"
              "ab\n");
}

TEST(CanvasTest, SgrCoversAttributesAndBrightColours) {
    EXPECT_EQ(sgr(Style{}), "\x1b[0m");
    EXPECT_EQ(sgr(Style{9, 4, kAttrUnderline | kAttrReverse}), "\x1b[0;4;7;91;44m");
    EXPECT_EQ(sgr(Style{kDefaultColor, 12, kAttrDim}), "\x1b[0;2;104m");
}

TEST(CanvasTest, ChangedRowsFindsOnlyDifferingRows) {
    MemoryCanvas a(5, 4), b(5, 4);
    a.put(0, 1, "row", {});
    b.put(0, 1, "row", {});
    b.put(0, 2, "new", {});
    b.put(0, 3, "", Style{1});
    EXPECT_EQ(changed_rows(a, b), (std::vector<int>{2}));
    b.put(0, 1, "r", Style{1});
    EXPECT_EQ(changed_rows(a, b), (std::vector<int>{1, 2}));
}
