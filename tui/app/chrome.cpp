// Header, tabs and footer.
#include "tui/app/chrome.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "widgets/status_bar.hpp"
#include "widgets/text.hpp"

namespace vd::tui {

using widgets::Role;

namespace {

// The role of the environment badge.
Role environment_role(const std::string& env) {
    const std::string e = widgets::ascii_lower(env);
    if (e == "production" || e == "prod") return Role::EnvProduction;
    if (e == "staging" || e == "stage") return Role::EnvStaging;
    return Role::EnvDev;
}

// Rank of an environment: production stands out over everything else.
int environment_rank(const std::string& env) {
    const std::string e = widgets::ascii_lower(env);
    if (e == "production" || e == "prod") return 3;
    if (e == "staging" || e == "stage") return 2;
    return e.empty() ? 0 : 1;
}

}  // namespace

std::string HeaderModel::key() const {
    return fmt::format("{}|{}|{}|{}|{}|{}|{}", account, regions, environment, read_only, age, age_warning,
                       problems);
}

HeaderModel header_model(const poll::Snapshot& snapshot, TimePoint now, bool read_only, const Scope& scope) {
    HeaderModel m;
    m.read_only = read_only || snapshot.read_only;
    std::vector<std::string> accounts;
    std::vector<std::string> regions;
    std::optional<TimePoint> newest;
    bool any_cache = false;
    bool any_loaded = false;
    int errors = 0;
    for (const auto& rd : snapshot.regions) {
        if (!scope.includes(rd)) {
            continue;
        }
        const std::string id = !rd.identity.account.empty() ? rd.identity.account : rd.account_id;
        const std::string name = rd.account_name.empty() ? rd.profile : rd.account_name;
        std::string label = name.empty() ? id : (id.empty() ? name : name + " " + id);
        if (label.empty()) label = "account ?";
        if (std::find(accounts.begin(), accounts.end(), label) == accounts.end()) accounts.push_back(label);
        if (std::find(regions.begin(), regions.end(), rd.region) == regions.end()) regions.push_back(rd.region);
        if (environment_rank(rd.environment) > environment_rank(m.environment)) m.environment = rd.environment;
        for (const auto& [kind, st] : rd.status) {
            if (st.loaded) any_loaded = true;
            if (st.from_cache) any_cache = true;
            if (!st.last_error.empty()) ++errors;
            if (st.last_success && (!newest || *st.last_success > *newest)) newest = st.last_success;
        }
    }
    if (accounts.empty()) {
        m.account = snapshot.regions.empty() ? "no accounts configured" : "nothing in this scope";
    } else {
        m.account = accounts.front();
        if (accounts.size() > 1) m.account += fmt::format(" +{} more", accounts.size() - 1);
    }
    for (const auto& r : regions) m.regions += (m.regions.empty() ? "" : ", ") + r;
    if (!newest) {
        m.age = any_loaded ? "data age unknown" : "loading…";
        m.age_warning = !any_loaded && errors > 0;
    } else {
        const auto age = std::chrono::duration_cast<std::chrono::seconds>(now - *newest);
        const auto shown = std::max(age, std::chrono::seconds(0));
        m.age = any_cache ? "cached " + widgets::human_duration(shown) + " ago"
                          : "data " + widgets::human_duration(shown) + " old";
        m.age_warning = any_cache;
    }
    if (errors > 0) {
        m.problems = fmt::format("{} fetch error{}", errors, errors == 1 ? "" : "s");
        m.age_warning = true;
    }
    return m;
}

void draw_header(widgets::Canvas& row, const HeaderModel& m, const widgets::Theme& theme) {
    widgets::StatusBar bar;
    bar.background = Role::Header;
    // Badges first: when the row is narrow the account and regions are cut, never them.
    bar.left.push_back({"vaultdeck", Role::Title});
    if (!m.environment.empty()) {
        std::string env = m.environment;
        for (char& c : env) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        bar.left.push_back({" " + env + " ", environment_role(m.environment)});
    }
    if (m.read_only) bar.left.push_back({" READ-ONLY ", Role::BadgeReadOnly});
    bar.left.push_back({" " + m.account, Role::Header});
    if (!m.regions.empty()) bar.left.push_back({" " + m.regions, Role::Header});
    if (!m.problems.empty()) bar.right.push_back({m.problems, Role::Warning});
    bar.right.push_back({m.age, m.age_warning ? Role::Warning : Role::Header});
    bar.render(row, theme);
}

void draw_key_footer(widgets::Canvas& row, const std::vector<FooterItem>& items, const std::string& extra,
                     const widgets::Theme& theme) {
    const int width = row.width();
    row.fill({0, 0, width, 1}, " ", theme.style(Role::Normal));
    const int extra_w = extra.empty() ? 0 : widgets::display_width(extra) + 2;
    std::vector<widgets::KeyBinding> hints;
    for (const auto& item : items) hints.push_back({item.key, item.label, item.label, true, false});
    auto left = row.region({1, 0, width - 1 - extra_w, 1});
    widgets::render_key_hints(left, theme, hints);
    if (!extra.empty()) {
        row.put(width - extra_w + 1, 0, extra, theme.style(Role::Dim));
    }
}

void draw_too_small(widgets::Canvas& canvas, int need_width, int need_height, const widgets::Theme& theme) {
    const int w = canvas.width();
    const int h = canvas.height();
    canvas.fill({0, 0, w, h}, " ", theme.style(Role::Normal));
    const std::string line1 = fmt::format("terminal too small: need {}x{}, have {}x{}", need_width, need_height, w, h);
    const std::string line2 = "enlarge the window, or press q to quit";
    const auto centre = [&](const std::string& s) { return std::max(0, (w - widgets::display_width(s)) / 2); };
    std::vector<std::string> lines = {line1, line2};
    if (widgets::display_width(line1) > w) {
        lines = {"terminal too small", fmt::format("need {}x{}", need_width, need_height),
                 fmt::format("have {}x{}", w, h), "q quits"};
    }
    const int top = std::max(0, (h - static_cast<int>(lines.size())) / 2);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Role role = i == 0 || (lines.size() > 2 && i < 3) ? Role::Warning : Role::Dim;
        canvas.put(centre(lines[i]), top + static_cast<int>(i), lines[i], theme.style(role));
    }
}

}  // namespace vd::tui
