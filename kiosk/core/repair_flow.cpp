#include "kiosk/core/repair_flow.hpp"

#include <algorithm>

#include "kiosk/core/phone.hpp"
#include "kiosk/core/typed_text.hpp"
#include "kiosk/core/utf8.hpp"

namespace homedesk {

std::string_view stepName(RepairFlow::Step step) {
    using S = RepairFlow::Step;
    switch (step) {
        case S::Category: return "category";
        case S::GasWarning: return "gas_warning";
        case S::WhereKind: return "where";
        case S::Building: return "building";
        case S::Unit: return "unit";
        case S::Place: return "place";
        case S::MeToo: return "me_too";
        case S::Urgency: return "urgency";
        case S::Description: return "description";
        case S::Phone: return "phone";
        case S::Slot: return "slot";
        case S::Confirm: return "confirm";
        case S::Submitting: return "submitting";
        case S::Receipt: return "receipt";
    }
    return "unknown";
}

std::string_view RepairFlow::stepName() const { return homedesk::stepName(step()); }

EntrySpec RepairFlow::entrySpec() const {
    switch (step()) {
        case Step::Unit: return {EntryMode::DigitsDash, kMaxUnit};
        case Step::Phone: return {EntryMode::Digits, 12};
        case Step::Description: return {EntryMode::Text, kMaxDescription};
        default: return {};
    }
}

std::optional<std::string> RepairFlow::draftText() const {
    if (step() == Step::Description) return m_draft.description;
    return std::nullopt;
}

void RepairFlow::keepTyped(const std::string& entry) {
    if (step() == Step::Description) (void)setDescription(entry);
}

FlowOutcome RepairFlow::chooseCategory(RepairCategory category) {
    if (step() != Step::Category) return refuse("flow.wrong_step");
    m_draft.kind = TicketKind::Repair;
    m_draft.repairCategory = category;
    if (category == RepairCategory::Gas) return go(Step::GasWarning);
    return applyPreset(go(Step::WhereKind));
}

FlowOutcome RepairFlow::continueAfterGasWarning() {
    if (step() != Step::GasWarning) return refuse("flow.wrong_step");
    return applyPreset(go(Step::WhereKind));
}

FlowOutcome RepairFlow::applyPreset(FlowOutcome atWhere) {
    if (!m_preset) return atWhere;
    const TicketLocation where = *m_preset;
    const bool home = where.kind == TicketLocation::Kind::Home;
    if (!(home ? chooseHome() : choosePublicPlace()).accepted()) return atWhere;
    if (!chooseBuilding(where.buildingId).accepted() || (home && !setUnit(where.unit).accepted())) {
        m_steps.clearError();  // the resident picks what the card could not fill
        return {};
    }
    if (home) return {};
    FlowOutcome placed = choosePlace(where.placeId);
    if (!placed.accepted()) m_steps.clearError();
    return placed;
}

FlowOutcome RepairFlow::chooseHome() {
    if (step() != Step::WhereKind) return refuse("flow.wrong_step");
    m_draft.location = {TicketLocation::Kind::Home, "", "", ""};
    return go(Step::Building);
}

FlowOutcome RepairFlow::choosePublicPlace() {
    if (step() != Step::WhereKind) return refuse("flow.wrong_step");
    m_draft.location = {TicketLocation::Kind::PublicPlace, "", "", ""};
    return go(Step::Building);
}

FlowOutcome RepairFlow::chooseBuilding(const std::string& buildingId) {
    if (step() != Step::Building) return refuse("flow.wrong_step");
    if (!m_directory->building(buildingId)) return refuse("repair.error.no_such_building");
    m_draft.location.buildingId = buildingId;
    const bool home = m_draft.location.kind == TicketLocation::Kind::Home;
    return go(home ? Step::Unit : Step::Place);
}

FlowOutcome RepairFlow::setUnit(const std::string& unit) {
    if (step() != Step::Unit) return refuse("flow.wrong_step");
    // Room numbers as on the door: digits with an optional dash between entrance and room.
    const bool shape = !unit.empty() && unit.size() <= kMaxUnit && unit.front() != '-' && unit.back() != '-' &&
                       std::all_of(unit.begin(), unit.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
    if (!shape) return refuse("repair.error.unit");
    m_draft.location.unit = unit;
    return go(Step::Urgency);
}

FlowOutcome RepairFlow::choosePlace(const std::string& placeId) {
    if (step() != Step::Place) return refuse("flow.wrong_step");
    const Place* place = m_directory->place(placeId);
    if (!place || place->buildingId != m_draft.location.buildingId) return refuse("repair.error.no_such_place");
    m_draft.location.placeId = placeId;
    m_openTickets.clear();
    m_steps.clearError();
    return {"", effect::LoadOpenTickets{placeId}};
}

void RepairFlow::openTicketsLoaded(std::vector<TicketRecord> tickets) {
    if (step() != Step::Place) return;  // the resident went back meanwhile
    m_openTickets = std::move(tickets);
    go(m_openTickets.empty() ? Step::Urgency : Step::MeToo);
}

FlowOutcome RepairFlow::joinTicket(const std::string& ticketNumber) {
    if (step() != Step::MeToo) return refuse("flow.wrong_step");
    const auto it = std::find_if(m_openTickets.begin(), m_openTickets.end(), [&](const TicketRecord& t) {
        return t.ticketNumber == ticketNumber;
    });
    if (it == m_openTickets.end()) return refuse("repair.error.no_such_ticket");
    m_draft.coReportOf = ticketNumber;
    m_draft.urgency = it->urgency;
    m_draft.description = it->description;
    return go(Step::Phone);
}

FlowOutcome RepairFlow::fileNew() {
    if (step() != Step::MeToo) return refuse("flow.wrong_step");
    m_draft.coReportOf.reset();
    return go(Step::Urgency);
}

FlowOutcome RepairFlow::chooseUrgency(Urgency urgency) {
    if (step() != Step::Urgency) return refuse("flow.wrong_step");
    m_draft.urgency = urgency;
    return go(Step::Description);
}

FlowOutcome RepairFlow::setDescription(const std::string& text) {
    if (step() != Step::Description) return refuse("flow.wrong_step");
    std::string clean = utf8::sanitize(text);
    if (utf8::decode(clean).size() > kMaxDescription) return refuse("repair.error.description_too_long");
    m_draft.description = std::move(clean);
    m_steps.clearError();
    return {};
}

FlowOutcome RepairFlow::addPhrase(const std::string& phrase) {
    if (step() != Step::Description) return refuse("flow.wrong_step");
    const std::string joined = m_draft.description + phraseSeparator(m_draft.description, phrase) + phrase;
    return setDescription(joined);
}

FlowOutcome RepairFlow::finishDescription() {
    if (step() != Step::Description) return refuse("flow.wrong_step");
    const auto trimmed = m_draft.description.find_first_not_of(" \n");
    if (trimmed == std::string::npos) return refuse("repair.error.description_empty");
    return go(Step::Phone);
}

FlowOutcome RepairFlow::setPhone(const std::string& digits) {
    if (step() != Step::Phone) return refuse("flow.wrong_step");
    if (!phone::isValid(digits)) return refuse("repair.error.phone");
    m_draft.phone = digits;
    return go(m_draft.coReportOf ? Step::Confirm : Step::Slot);
}

FlowOutcome RepairFlow::chooseSlot(const std::string& slot) {
    if (step() != Step::Slot) return refuse("flow.wrong_step");
    m_draft.preferredSlot = slot;
    return go(Step::Confirm);
}

FlowOutcome RepairFlow::confirm(const std::string& clientId, std::int64_t now) {
    if (step() != Step::Confirm) return refuse("flow.wrong_step");
    if (clientId.empty()) return refuse("flow.wrong_step");
    m_draft.clientId = clientId;
    m_draft.createdAt = now;
    go(Step::Submitting);
    return {"", effect::Submit{m_draft, kScreen}};
}

void RepairFlow::submitted(const Receipt& receipt) {
    if (step() != Step::Submitting) return;
    m_receipt = receipt;
    m_draft.phone.clear();  // the store has it, encrypted; the UI keeps no copy
    // The receipt is the end: Back from it leaves the flow, it never reopens the form.
    m_steps.restart(Step::Receipt);
}

void RepairFlow::submitFailed(const Error&) {
    if (step() != Step::Submitting) return;
    m_steps.saveFailed("repair.error.not_saved");
}

bool RepairFlow::back() {
    if (step() == Step::Submitting) return true;  // wait for the store's answer
    if (!m_steps.back()) return false;
    if (step() == Step::Place) m_openTickets.clear();
    if (step() == Step::MeToo) m_draft.coReportOf.reset();
    return true;
}

}  // namespace homedesk
