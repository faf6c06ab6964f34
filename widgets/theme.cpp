// The built-in themes and the startup choice between them.
#include "widgets/theme.hpp"

#include <cstdlib>
#include <initializer_list>
#include <utility>

namespace vd::widgets {
namespace {

// A role with its style, for the tables below.
struct Entry {
    Role role;
    Style style;
};

// Builds a theme from a list of role styles; roles not listed stay plain.
Theme make_theme(std::string name, const Glyphs& glyphs, std::initializer_list<Entry> entries) {
    Theme theme(std::move(name), glyphs);
    for (const auto& e : entries) {
        theme.set(e.role, e.style);
    }
    return theme;
}

constexpr Style fg(Color c, std::uint8_t attrs = kAttrNone) { return {c, kDefaultColor, attrs}; }
constexpr Style fgbg(Color f, Color b, std::uint8_t attrs = kAttrNone) { return {f, b, attrs}; }
constexpr Style attr(std::uint8_t attrs) { return {kDefaultColor, kDefaultColor, attrs}; }

}  // namespace

Theme::Theme(std::string name, const Glyphs& glyphs) : name_(std::move(name)), glyphs_(&glyphs) {}

Theme dark_theme(const Glyphs& g) {
    return make_theme("dark", g, {
        {Role::Dim, fg(245)},
        {Role::Header, fgbg(252, 236, kAttrBold)},
        {Role::Title, fg(75, kAttrBold)},
        {Role::Selected, fgbg(231, 25)},
        {Role::SelectedInactive, fgbg(252, 238)},
        {Role::Ok, fg(71)},
        {Role::Warning, fg(214)},
        {Role::Critical, fg(196, kAttrBold)},
        {Role::Info, fg(74)},
        {Role::Accent, fg(141)},
        {Role::Border, fg(240)},
        {Role::Key, fg(220, kAttrBold)},
        {Role::Input, fgbg(252, 236)},
        {Role::InputFocused, fgbg(231, 238, kAttrUnderline)},
        {Role::Error, fg(203)},
        {Role::BadgeReadOnly, fgbg(16, 214, kAttrBold)},
        {Role::EnvProduction, fgbg(231, 160, kAttrBold)},
        {Role::EnvStaging, fgbg(16, 178)},
        {Role::EnvDev, fgbg(16, 71)},
        {Role::Cold, fg(45)},
        {Role::Warm, fg(179)},
        {Role::Deleted, fg(242)},
        {Role::Failed, fg(196)},
        {Role::Pitr, fg(35)},
        {Role::NowLine, fg(201, kAttrBold)},
        {Role::Marker, fg(231, kAttrBold)},
        {Role::Scrollbar, fg(240)},
        {Role::TabActive, fgbg(231, 25, kAttrBold)},
        {Role::TabInactive, fg(245)},
    });
}

Theme dark16_theme(const Glyphs& g) {
    return make_theme("dark16", g, {
        {Role::Dim, fg(8)},
        {Role::Header, fg(15, kAttrBold)},
        {Role::Title, fg(12, kAttrBold)},
        {Role::Selected, fgbg(15, 4)},
        {Role::SelectedInactive, attr(kAttrReverse)},
        {Role::Ok, fg(2)},
        {Role::Warning, fg(3)},
        {Role::Critical, fg(9, kAttrBold)},
        {Role::Info, fg(6)},
        {Role::Accent, fg(5)},
        {Role::Border, fg(8)},
        {Role::Key, fg(11, kAttrBold)},
        {Role::Input, attr(kAttrUnderline)},
        {Role::InputFocused, attr(kAttrReverse)},
        {Role::Error, fg(9)},
        {Role::BadgeReadOnly, fgbg(0, 11, kAttrBold)},
        {Role::EnvProduction, fgbg(15, 1, kAttrBold)},
        {Role::EnvStaging, fgbg(0, 3)},
        {Role::EnvDev, fgbg(0, 2)},
        {Role::Cold, fg(14)},
        {Role::Warm, fg(11)},
        {Role::Deleted, fg(8)},
        {Role::Failed, fg(9)},
        {Role::Pitr, fg(2)},
        {Role::NowLine, fg(13, kAttrBold)},
        {Role::Marker, fg(15, kAttrBold)},
        {Role::Scrollbar, fg(8)},
        {Role::TabActive, fgbg(15, 4, kAttrBold)},
        {Role::TabInactive, fg(8)},
    });
}

Theme light_theme(const Glyphs& g) {
    return make_theme("light", g, {
        {Role::Dim, fg(8)},
        {Role::Header, fg(0, kAttrBold | kAttrUnderline)},
        {Role::Title, fg(4, kAttrBold)},
        {Role::Selected, fgbg(15, 4)},
        {Role::SelectedInactive, fgbg(0, 7)},
        {Role::Ok, fg(2)},
        {Role::Warning, fg(5, kAttrBold)},
        {Role::Critical, fg(1, kAttrBold)},
        {Role::Info, fg(4)},
        {Role::Accent, fg(5)},
        {Role::Border, fg(8)},
        {Role::Key, fg(4, kAttrBold)},
        {Role::Input, attr(kAttrUnderline)},
        {Role::InputFocused, attr(kAttrReverse)},
        {Role::Error, fg(1)},
        {Role::BadgeReadOnly, fgbg(0, 11, kAttrBold)},
        {Role::EnvProduction, fgbg(15, 1, kAttrBold)},
        {Role::EnvStaging, fgbg(0, 11)},
        {Role::EnvDev, fgbg(15, 2)},
        {Role::Cold, fg(4)},
        {Role::Warm, fg(3)},
        {Role::Deleted, fg(8)},
        {Role::Failed, fg(1)},
        {Role::Pitr, fg(2)},
        {Role::NowLine, fg(5, kAttrBold)},
        {Role::Marker, fg(0, kAttrBold)},
        {Role::Scrollbar, fg(8)},
        {Role::TabActive, fgbg(15, 4, kAttrBold)},
        {Role::TabInactive, fg(8)},
    });
}

Theme mono_theme(const Glyphs& g) {
    return make_theme("mono", g, {
        {Role::Dim, attr(kAttrDim)},
        {Role::Header, attr(kAttrBold | kAttrUnderline)},
        {Role::Title, attr(kAttrBold)},
        {Role::Selected, attr(kAttrReverse)},
        {Role::SelectedInactive, attr(kAttrUnderline)},
        {Role::Warning, attr(kAttrBold)},
        {Role::Critical, attr(kAttrBold | kAttrUnderline)},
        {Role::Accent, attr(kAttrBold)},
        {Role::Key, attr(kAttrBold)},
        {Role::Input, attr(kAttrUnderline)},
        {Role::InputFocused, attr(kAttrReverse)},
        {Role::Error, attr(kAttrBold)},
        {Role::BadgeReadOnly, attr(kAttrReverse | kAttrBold)},
        {Role::EnvProduction, attr(kAttrReverse | kAttrBold)},
        {Role::EnvStaging, attr(kAttrBold)},
        {Role::Cold, attr(kAttrDim)},
        {Role::Deleted, attr(kAttrDim)},
        {Role::Failed, attr(kAttrBold)},
        {Role::NowLine, attr(kAttrBold)},
        {Role::Marker, attr(kAttrBold)},
        {Role::TabActive, attr(kAttrReverse | kAttrBold)},
    });
}

bool no_color_requested() {
    const char* v = std::getenv("NO_COLOR");
    return v != nullptr && v[0] != '\0';
}

Theme choose_theme(const ThemeOptions& o) {
    const Glyphs& g = o.utf8 ? utf8_glyphs() : ascii_glyphs();
    if (o.no_color || (o.honour_env && no_color_requested()) || o.colors < 8 || o.name == "mono") {
        return mono_theme(g);
    }
    if (o.name == "light") {
        return light_theme(g);
    }
    if (o.name == "dark16" || o.colors < 256) {
        return dark16_theme(g);
    }
    return dark_theme(g);
}

}  // namespace vd::widgets
