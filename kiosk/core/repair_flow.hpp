// The repair request as a state machine: category → (gas warning) → where → urgency →
// description → phone → time slot → read-back → durable commit → receipt. For a public place
// the open tickets already filed there come first, and "me too" joins one instead of filing a
// duplicate. Inputs are checked here; a refused input leaves the draft as it was and names the
// problem by catalog key. The flow asks the app for I/O through effects and never waits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "kiosk/core/directory.hpp"
#include "kiosk/core/flow.hpp"
#include "kiosk/core/step_stack.hpp"
#include "kiosk/core/ticket.hpp"

namespace homedesk {

class RepairFlow final : public ReceiptFlow {
public:
    static constexpr ScreenId kScreen = ScreenId::Repair;
    enum class Step {
        Category, GasWarning, WhereKind, Building, Unit, Place, MeToo, Urgency,
        Description, Phone, Slot, Confirm, Submitting, Receipt
    };
    static constexpr size_t kMaxDescription = 500;  // characters
    static constexpr size_t kMaxUnit = 16;

    explicit RepairFlow(const Directory& directory) : m_directory(&directory) {}

    Step step() const { return m_steps.top(); }
    const NewTicket& draft() const { return m_draft; }
    const std::vector<TicketRecord>& openTickets() const { return m_openTickets; }

    // A scanned household card or location sticker: after the category, the place is filled
    // in as if chosen (Back still walks through it); a place the directory lacks is skipped.
    void presetWhere(TicketLocation where) { m_preset = std::move(where); }
    FlowOutcome chooseCategory(RepairCategory category);
    FlowOutcome continueAfterGasWarning();
    FlowOutcome chooseHome();
    FlowOutcome choosePublicPlace();
    FlowOutcome chooseBuilding(const std::string& buildingId);
    FlowOutcome setUnit(const std::string& unit);
    FlowOutcome choosePlace(const std::string& placeId);
    void openTicketsLoaded(std::vector<TicketRecord> tickets);  // answer to LoadOpenTickets
    FlowOutcome joinTicket(const std::string& ticketNumber);    // "me too"
    FlowOutcome fileNew();
    FlowOutcome chooseUrgency(Urgency urgency);
    FlowOutcome addPhrase(const std::string& phrase);
    FlowOutcome setDescription(const std::string& text);
    FlowOutcome finishDescription();
    FlowOutcome setPhone(const std::string& digits);
    FlowOutcome chooseSlot(const std::string& slot);  // empty: any time
    FlowOutcome confirm(const std::string& clientId, std::int64_t now);

    // Flow
    ScreenId screen() const override { return kScreen; }
    std::string_view stepName() const override;
    const std::string& lastError() const override { return m_steps.lastError(); }
    EntrySpec entrySpec() const override;
    std::optional<std::string> draftText() const override;
    void keepTyped(const std::string& entry) override;
    bool back() override;
    void submitted(const Receipt& receipt) override;  // the store committed it
    void submitFailed(const Error& error) override;   // back to the read-back, nothing lost

private:
    FlowOutcome go(Step next) { return m_steps.go(next); }
    FlowOutcome refuse(std::string key) { return m_steps.refuse(std::move(key)); }
    FlowOutcome applyPreset(FlowOutcome atWhere);

    const Directory* m_directory;
    StepStack<Step> m_steps{Step::Category};
    NewTicket m_draft;
    std::vector<TicketRecord> m_openTickets;
    std::optional<TicketLocation> m_preset;
};

// A stable name for each step, for automation and logs: "category", "me_too", "receipt".
std::string_view stepName(RepairFlow::Step step);

}  // namespace homedesk
