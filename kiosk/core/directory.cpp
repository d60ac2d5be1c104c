#include "kiosk/core/directory.hpp"

namespace homedesk {

const Building* Directory::building(const std::string& id) const {
    for (const auto& b : buildings)
        if (b.id == id) return &b;
    return nullptr;
}

const Place* Directory::place(const std::string& id) const {
    for (const auto& p : places)
        if (p.id == id) return &p;
    return nullptr;
}

std::vector<const Place*> Directory::placesIn(const std::string& buildingId) const {
    std::vector<const Place*> out;
    for (const auto& p : places)
        if (p.buildingId == buildingId) out.push_back(&p);
    return out;
}

}  // namespace homedesk
