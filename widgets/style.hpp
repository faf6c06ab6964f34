// Styles: a concrete colour/attribute pair (what a Canvas draws with) and the
// semantic roles widgets speak in. Widgets never pick colours themselves:
// they ask the Theme for the Style of a Role (theme.hpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vd::widgets {

// Text attributes, combinable as a bit mask.
enum Attr : std::uint8_t {
    kAttrNone = 0,
    kAttrBold = 1 << 0,
    kAttrDim = 1 << 1,
    kAttrUnderline = 1 << 2,
    kAttrReverse = 1 << 3,
    kAttrItalic = 1 << 4,
};

// A colour index: -1 is the terminal default, 0-15 the ANSI colours, 16-255
// the xterm 256-colour cube and grey ramp.
using Color = std::int16_t;
inline constexpr Color kDefaultColor = -1;

// What one cell is drawn with.
struct Style {
    Color fg = kDefaultColor;
    Color bg = kDefaultColor;
    std::uint8_t attrs = kAttrNone;

    bool operator==(const Style&) const = default;
};

// What a piece of text means; the Theme maps each role to a Style.
enum class Role : std::uint8_t {
    Normal,
    Dim,
    Header,          // table headers, section titles
    Title,           // screen and dialog titles
    Selected,        // the selected row of a focused widget
    SelectedInactive,// the selected row of an unfocused widget
    Ok,
    Warning,
    Critical,
    Info,
    Accent,
    Border,
    Key,             // a key name in the footer or help ("?", "Enter")
    Input,           // an editable field
    InputFocused,    // the editable field that has the focus
    Error,           // a validation message
    BadgeReadOnly,
    EnvProduction,
    EnvStaging,
    EnvDev,
    Cold,            // a recovery point in cold storage
    Warm,            // a recovery point in warm storage
    Deleted,         // deleted or expired
    Failed,          // a failed job or backup
    Pitr,            // the continuous point-in-time-restore window
    NowLine,         // the "now" line of the timeline
    Marker,          // a point marker on the timeline
    Scrollbar,
    TabActive,
    TabInactive,
    Count_,          // not a role: the number of roles
};

inline constexpr std::size_t kRoleCount = static_cast<std::size_t>(Role::Count_);

// The role's name in lower snake case ("env_production"), for themes in config.
std::string_view role_name(Role role);

}  // namespace vd::widgets
