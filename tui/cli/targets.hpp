// Which accounts and regions a command covers. One rule for the console,
// status, list, render and drills:
//   --demo                      the demo account in us-east-1 and us-west-2
//                               (--region narrows it);
//   --profile, --region or      one account (the profile, else AWS_PROFILE,
//   --endpoint-url given        else default) in those regions, else in the
//                               profile's region;
//   else a configuration with   each configured account in its regions;
//   accounts
//   else                        the default profile in its region.
// --region all stands for every region the account has enabled
// (EC2 DescribeRegions), asked once when the command starts.
#pragma once

#include <string>
#include <vector>

#include "backend/config/config.hpp"
#include "backend/core/result.hpp"
#include "backend/poll/poller.hpp"
#include "tui/cli/commands.hpp"

namespace vd::cli {

// The demo scenario's regions.
inline constexpr const char* kDemoPrimaryRegion = "us-east-1";
inline constexpr const char* kDemoDrRegion = "us-west-2";

// The accounts and regions for the options and configuration; sets
// *organization when a chosen account asks for the organization view.
// `endpoint_url` is the simulator's in --demo, else --endpoint-url.
std::vector<poll::PollTarget> command_targets(const GlobalOptions& g, const config::Config& cfg,
                                              const std::string& endpoint_url, bool* organization);

// Replaces "all" in each target's regions by the regions DescribeRegions
// names for that account.
Status expand_all_regions(std::vector<poll::PollTarget>& targets);

}  // namespace vd::cli
