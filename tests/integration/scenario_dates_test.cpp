// Scenarios mean the same thing on every date: the demo and the small
// scenario, built at a simulated "now" and polled through the real clients,
// report exactly the problems they declare, whatever the calendar says.
//
// The instants: 400 consecutive days (a different time of day on each), and
// the awkward ones: every 30 minutes from 00:00 to 06:30 UTC around the
// nightly, weekly, monthly and restore-test runs on first and last days of
// months, a second either side of each run time, the DST changes of
// America/New_York and Europe/London, 29 February 2028 and 31 December.
//
// The simulator and the poller share one fixed clock, so requests are
// signed, fetched and judged at the simulated time.
#include <chrono>
#include <map>
#include <set>
#include <vector>

#include <gtest/gtest.h>

#include "backend/config/config.hpp"
#include "backend/core/time_format.hpp"
#include "backend/health/report.hpp"
#include "backend/sim/embedded.hpp"
#include "tests/integration/support/planted.hpp"
#include "tests/integration/support/sim_environment.hpp"

using namespace vd;
using namespace std::chrono;
using vd::test::describe;
using vd::test::Problem;

namespace {

// A UTC instant from its parts.
TimePoint utc(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0) {
    return TimePoint(sys_days(year(y) / month(m) / day(d))) + hours(h) + minutes(min) + seconds(s);
}

// 400 consecutive days from 25 November 2026, each at another time of day
// (the hour and minute walk through the whole day over the run).
std::vector<TimePoint> consecutive_days() {
    std::vector<TimePoint> out;
    TimePoint first = utc(2026, 11, 25);
    for (int i = 0; i < 400; ++i) out.push_back(first + days(i) + hours((i * 7) % 24) + minutes((i * 37) % 60));
    return out;
}

// The instants where calendars are awkward.
std::vector<TimePoint> awkward_instants() {
    std::vector<TimePoint> out;
    // First and last days of months, leap day, year ends: the night's runs
    // (daily 02:00-03:00, weekly Sunday 04:00, monthly 05:00 on the 1st,
    // restore test 06:00 on the 1st) every 30 minutes from midnight.
    const std::vector<TimePoint> days_of_interest = {
        utc(2026, 12, 1), utc(2026, 12, 2),  utc(2026, 12, 31), utc(2027, 1, 1),  utc(2027, 2, 28),
        utc(2027, 3, 1),  utc(2027, 4, 30), utc(2027, 5, 1),   utc(2027, 8, 1),  utc(2027, 12, 31),
        utc(2028, 1, 1),  utc(2028, 2, 28), utc(2028, 2, 29),  utc(2028, 3, 1),  utc(2028, 10, 1),
        utc(2028, 12, 31),
    };
    for (TimePoint day : days_of_interest)
        for (int m = 0; m <= 6 * 60 + 30; m += 30) out.push_back(day + minutes(m));
    // A second either side of each run time, on a 1st that is a Sunday (all rules run).
    for (int h : {2, 3, 4, 5, 6})
        for (int s : {-1, 0, 1}) out.push_back(utc(2027, 8, 1, h) + seconds(s));
    // DST changes: America/New_York and Europe/London, spring and autumn.
    for (TimePoint t : {utc(2027, 3, 14, 7), utc(2027, 11, 7, 6), utc(2027, 3, 28, 1), utc(2027, 10, 31, 1),
                        utc(2028, 3, 12, 7), utc(2028, 11, 5, 6), utc(2028, 3, 26, 1), utc(2028, 10, 29, 1)})
        for (int m : {-30, 0, 30}) out.push_back(t + minutes(m));
    return out;
}

class ScenarioDates : public vd::test::SimEnvironment {
protected:
    // What differs from the declared problems at `t`: missed and invented
    // findings, one line each; empty when the report is exactly the declared set.
    std::string mismatch_at(const std::string& scenario, TimePoint t) {
        auto clock = std::make_shared<FixedClock>(t);
        sim::SimOptions so;
        so.scenario = scenario;
        so.wall_clock = clock;
        so.start_time = t;
        so.threads = 8;  // the poller opens at most 8 connections at once
        sim::EmbeddedSimulator simulator(so);
        auto started = simulator.start();
        if (!started.ok()) return "simulator: " + started.error().to_string();
        std::vector<std::string> unknown_kinds;
        auto expected = vd::test::expected_from(simulator.planted(), &unknown_kinds);
        if (!unknown_kinds.empty()) return "planted kind without an expectation: " + unknown_kinds.front();
        auto poller = poller_for(simulator.endpoint_url(), {}, false, clock);
        if (!poller) return "no poller";
        auto snap = poller->poll_once();
        for (const auto& r : snap->regions)
            for (const auto& [kind, ks] : r.status)
                if (!ks.loaded) return r.region + " " + poll::kind_name(kind) + " did not load";
        auto found = vd::test::problems_of(health::evaluate(*snap, config::Config{}, t));
        std::set<Problem> missed, invented;
        for (const auto& p : expected)
            if (!found.count(p)) missed.insert(p);
        for (const auto& p : found)
            if (!expected.count(p)) invented.insert(p);
        std::string out;
        if (!missed.empty()) out += " declared but not reported:\n" + describe(missed);
        if (!invented.empty()) out += " reported but not declared:\n" + describe(invented);
        return out;
    }

    // Evaluates the scenario at every instant; fails once per distinct
    // mismatch, naming the first instant and how many instants showed it.
    void expect_declared_set_at(const std::string& scenario, const std::vector<TimePoint>& instants) {
        std::map<std::string, std::pair<TimePoint, int>> mismatches;
        for (TimePoint t : instants) {
            std::string m = mismatch_at(scenario, t);
            if (m.empty()) continue;
            auto [it, fresh] = mismatches.try_emplace(m, t, 0);
            ++it->second.second;
        }
        for (const auto& [text, seen] : mismatches)
            ADD_FAILURE() << scenario << " at " << format_iso8601(seen.first) << " (and " << seen.second - 1
                          << " more instants):\n" << text;
    }
};

}  // namespace

TEST_F(ScenarioDates, DemoDeclaresEveryProblemOnEachOf400Days) {
    expect_declared_set_at("demo", consecutive_days());
}

TEST_F(ScenarioDates, DemoDeclaresEveryProblemAtAwkwardInstants) {
    expect_declared_set_at("demo", awkward_instants());
}

TEST_F(ScenarioDates, SmallDeclaresEveryProblemOnEachOf400Days) {
    expect_declared_set_at("small", consecutive_days());
}

TEST_F(ScenarioDates, SmallDeclaresEveryProblemAtAwkwardInstants) {
    expect_declared_set_at("small", awkward_instants());
}
