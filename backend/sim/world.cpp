#include "backend/sim/world.hpp"

namespace vd::sim {

RegionState& World::region(const std::string& account_id, const std::string& region_name) {
    auto& regions_of_account = accounts[account_id];
    auto it = regions_of_account.find(region_name);
    if (it == regions_of_account.end()) {
        it = regions_of_account.emplace(region_name, RegionState{}).first;
        it->second.account_id = account_id;
        it->second.region = region_name;
    }
    return it->second;
}

RegionState* World::find_region(const std::string& account_id, const std::string& region_name) {
    auto a = accounts.find(account_id);
    if (a == accounts.end()) return nullptr;
    auto r = a->second.find(region_name);
    return r == a->second.end() ? nullptr : &r->second;
}

}  // namespace vd::sim
