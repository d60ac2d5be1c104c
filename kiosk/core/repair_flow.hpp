// The repair request as a state machine: category → (gas warning) → where → urgency →
// description → phone → time slot → read-back → durable commit → receipt. For a public place
// the open tickets already filed there come first, and "me too" joins one instead of filing a
// duplicate. Inputs are checked here; a refused input leaves the draft as it was and names the
// problem by catalog key. The flow asks the app for I/O through effects and never waits.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/core/directory.hpp"
#include "kiosk/core/lookup_effects.hpp"
#include "base/result.hpp"
#include "kiosk/core/survey.hpp"
#include "kiosk/core/ticket.hpp"

namespace homedesk {

namespace effect {
struct LoadOpenTickets {
    std::string placeId;
};
struct Submit {  // a repair or a complaint (ticket.kind says which flow asked)
    NewTicket ticket;
};
struct LoadSurvey {  // the newest version of a survey definition (survey flow)
    std::string surveyId;
};
struct SubmitSurvey {
    NewSurveyResponse response;
};
}  // namespace effect
using Effect = std::variant<effect::LoadOpenTickets, effect::Submit, effect::RecordDisplay, effect::FindTicket,
                            effect::LoadSurvey, effect::SubmitSurvey>;

// The answer to an input: refused with a message key, or accepted, perhaps with I/O to do.
struct FlowOutcome {
    std::string errorKey;  // empty when accepted
    std::optional<Effect> effect;
    bool accepted() const { return errorKey.empty(); }
};

class RepairFlow {
public:
    enum class Step {
        Category, GasWarning, WhereKind, Building, Unit, Place, MeToo, Urgency,
        Description, Phone, Slot, Confirm, Submitting, Receipt
    };
    static constexpr size_t kMaxDescription = 500;  // characters
    static constexpr size_t kMaxUnit = 16;

    explicit RepairFlow(const Directory& directory) : m_directory(&directory) {}

    Step step() const { return m_steps.back(); }
    const NewTicket& draft() const { return m_draft; }
    const std::vector<TicketRecord>& openTickets() const { return m_openTickets; }
    const std::optional<Receipt>& receipt() const { return m_receipt; }
    const std::string& lastError() const { return m_error; }

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
    void submitted(const Receipt& receipt);  // the store committed it
    void submitFailed(const Error& error);   // back to the read-back, nothing lost
    void delivered();  // the sync engine got the receipt's submission to the head office

    // One step back; false when there is nothing before (the caller leaves the flow).
    bool back();

private:
    FlowOutcome go(Step next);
    FlowOutcome refuse(std::string key);

    const Directory* m_directory;
    std::vector<Step> m_steps{Step::Category};
    NewTicket m_draft;
    std::vector<TicketRecord> m_openTickets;
    std::optional<Receipt> m_receipt;
    std::string m_error;
};

// A stable name for each step, for automation and logs: "category", "me_too", "receipt".
std::string_view stepName(RepairFlow::Step step);

}  // namespace homedesk
