// Theme choice, role styles and glyph sets.
#include "widgets/theme.hpp"

#include <clocale>
#include <cstdlib>

#include <gtest/gtest.h>

using namespace vd::widgets;

namespace {

// Sets NO_COLOR for one test and restores it afterwards.
class NoColorEnv {
public:
    explicit NoColorEnv(const char* value) {
        if (const char* old = std::getenv("NO_COLOR")) {
            had_ = true;
            old_ = old;
        }
        if (value) {
            setenv("NO_COLOR", value, 1);
        } else {
            unsetenv("NO_COLOR");
        }
    }
    ~NoColorEnv() {
        if (had_) {
            setenv("NO_COLOR", old_.c_str(), 1);
        } else {
            unsetenv("NO_COLOR");
        }
    }

private:
    bool had_ = false;
    std::string old_;
};

// Theme options with a name, a colour count and the glyph mode.
ThemeOptions options(std::string name = "", int colors = 256, bool no_color = false,
                     bool utf8 = true, bool honour_env = true) {
    ThemeOptions o;
    o.name = std::move(name);
    o.colors = colors;
    o.no_color = no_color;
    o.utf8 = utf8;
    o.honour_env = honour_env;
    return o;
}

}  // namespace

TEST(ThemeTest, DefaultIsDark256) {
    NoColorEnv env(nullptr);
    const Theme t = choose_theme({});
    EXPECT_EQ(t.name(), "dark");
    EXPECT_GE(t.style(Role::Critical).fg, 16);
    EXPECT_NE(t.style(Role::EnvProduction), t.style(Role::EnvDev));
}

TEST(ThemeTest, FewColoursFallBackTo16) {
    NoColorEnv env(nullptr);
    const Theme t = choose_theme(options("", 16));
    EXPECT_EQ(t.name(), "dark16");
    for (std::size_t i = 0; i < kRoleCount; ++i) {
        const Style& s = t.style(static_cast<Role>(i));
        EXPECT_LT(s.fg, 16) << role_name(static_cast<Role>(i));
        EXPECT_LT(s.bg, 16) << role_name(static_cast<Role>(i));
    }
}

TEST(ThemeTest, NoColorEnvironmentSelectsMonochrome) {
    NoColorEnv env("1");
    EXPECT_TRUE(no_color_requested());
    const Theme t = choose_theme(options("light"));
    EXPECT_EQ(t.name(), "mono");
    for (std::size_t i = 0; i < kRoleCount; ++i) {
        const Style& s = t.style(static_cast<Role>(i));
        EXPECT_EQ(s.fg, kDefaultColor);
        EXPECT_EQ(s.bg, kDefaultColor);
    }
    EXPECT_EQ(t.style(Role::Selected).attrs, kAttrReverse);
}

TEST(ThemeTest, EmptyNoColorIsIgnored) {
    NoColorEnv env("");
    EXPECT_FALSE(no_color_requested());
    EXPECT_EQ(choose_theme({}).name(), "dark");
}

TEST(ThemeTest, NoColorFlagAndLightTheme) {
    NoColorEnv env(nullptr);
    EXPECT_EQ(choose_theme(options("", 256, true)).name(), "mono");
    EXPECT_EQ(choose_theme(options("light")).name(), "light");
    EXPECT_EQ(choose_theme(options("", 0)).name(), "mono");
}

TEST(ThemeTest, GlyphsFollowTheLocale) {
    const Theme ascii = choose_theme(options("", 256, false, false, false));
    EXPECT_EQ(ascii.glyphs().hline, "-");
    EXPECT_EQ(ascii.glyphs().arrow_up, "^");
    EXPECT_EQ(ascii.glyphs().levels[0], ".");
    const Theme utf8 = choose_theme(options("", 256, false, true, false));
    EXPECT_EQ(utf8.glyphs().hline, "─");
    EXPECT_EQ(utf8.glyphs().levels[7], "█");

    std::setlocale(LC_ALL, "C");
    EXPECT_FALSE(locale_is_utf8());
    EXPECT_FALSE(glyphs_for_locale().utf8);
    if (std::setlocale(LC_ALL, "C.UTF-8") != nullptr) {
        EXPECT_TRUE(locale_is_utf8());
        EXPECT_TRUE(glyphs_for_locale().utf8);
    }
    std::setlocale(LC_ALL, "C");
}

TEST(ThemeTest, EveryRoleHasAName) {
    EXPECT_EQ(role_name(Role::EnvProduction), "env_production");
    EXPECT_EQ(role_name(Role::TabInactive), "tab_inactive");
    EXPECT_EQ(role_name(Role::NowLine), "now_line");
}
