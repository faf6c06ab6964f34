// Themes map semantic roles to styles and carry the glyph set.
//
// Usage: at startup the app calls
//   ThemeOptions o;
//   o.name = cfg.theme; o.no_color = opts.no_color;
//   o.colors = setup_ncurses_colors(); o.utf8 = locale_is_utf8();
//   Theme theme = choose_theme(o);
// and passes `const Theme&` to every widget's render(). Widgets call
// theme.style(Role::Critical) and theme.glyphs().hline; they never hard-code
// colours or box characters.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include "widgets/glyphs.hpp"
#include "widgets/style.hpp"

namespace vd::widgets {

// A complete mapping from every Role to a Style, plus glyphs.
class Theme {
public:
    Theme(std::string name, const Glyphs& glyphs);

    // The theme's name: dark, dark16, light, mono.
    const std::string& name() const { return name_; }
    // The style a role is drawn with.
    const Style& style(Role role) const { return styles_[static_cast<std::size_t>(role)]; }
    // Replaces the style of one role.
    void set(Role role, Style style) { styles_[static_cast<std::size_t>(role)] = style; }
    // The glyph set (UTF-8 or ASCII).
    const Glyphs& glyphs() const { return *glyphs_; }
    // Switches the glyph set, keeping the styles.
    void set_glyphs(const Glyphs& glyphs) { glyphs_ = &glyphs; }

private:
    std::string name_;
    const Glyphs* glyphs_;
    std::array<Style, kRoleCount> styles_{};
};

// The default: 256 colours on a dark background.
Theme dark_theme(const Glyphs& glyphs = utf8_glyphs());
// The same on 16-colour terminals.
Theme dark16_theme(const Glyphs& glyphs = utf8_glyphs());
// Dark text on a light background (256 colours).
Theme light_theme(const Glyphs& glyphs = utf8_glyphs());
// No colour at all: bold, reverse, underline and dim only.
Theme mono_theme(const Glyphs& glyphs = utf8_glyphs());

// What decides the theme at startup.
struct ThemeOptions {
    std::string name;       // "dark", "light", "dark16", "mono"; empty = dark
    bool no_color = false;  // --no-color
    int colors = 256;       // the terminal's colour count (ncurses COLORS)
    bool utf8 = true;       // locale_is_utf8()
    bool honour_env = true; // look at NO_COLOR in the environment
};

// The theme to use: mono when NO_COLOR is set (non-empty) or --no-color or
// the terminal has no colours; the 16-colour fallback of dark/light when the
// terminal has fewer than 256; otherwise the named theme.
Theme choose_theme(const ThemeOptions& options);

// True when the NO_COLOR environment variable is set to a non-empty value.
bool no_color_requested();

}  // namespace vd::widgets
