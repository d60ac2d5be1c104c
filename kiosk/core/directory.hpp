// The community as the terminal knows it from the head office's configuration: buildings,
// public places, stewards. Names in both languages.
#pragma once

#include <string>
#include <vector>

#include "kiosk/core/i18n.hpp"

namespace homedesk {

struct LocalizedName {
    std::string zh;
    std::string en;
    const std::string& in(Language lang) const { return lang == Language::English && !en.empty() ? en : zh; }
};

struct Building {
    std::string id;
    LocalizedName name;  // "3号楼" / "Building 3"
};

struct Place {
    std::string id;
    std::string buildingId;
    LocalizedName name;  // "电梯 2号" / "Lift 2"
};

struct Steward {
    std::string buildingId;
    LocalizedName name;
    std::string phone;
};

// A line of the service guide: "物业服务中心" · "每天 8:00–20:00"; "火警" · "119".
struct GuideRow {
    LocalizedName what;
    LocalizedName detail;
};

struct Directory {
    LocalizedName community;
    std::vector<Building> buildings;
    std::vector<Place> places;
    std::vector<Steward> stewards;
    // The service guide (服务指南).
    std::vector<GuideRow> serviceHours;
    std::vector<GuideRow> fees;
    std::vector<GuideRow> promises;  // the SLA table: what, and the time promised
    std::vector<GuideRow> emergencyNumbers;  // detail: the number, same in both languages

    const Building* building(const std::string& id) const;
    const Place* place(const std::string& id) const;
    std::vector<const Place*> placesIn(const std::string& buildingId) const;
};

}  // namespace homedesk
