// The complaint & suggestion (投诉建议) as a state machine: category → description (quick
// phrases or typed text) → route (front desk, or the general manager's mailbox 总经理信箱) →
// named or anonymous → phone (named only; an anonymous complaint keeps no phone) → read-back →
// durable commit → receipt. A refused input leaves the draft as it was and names the problem by
// catalog key; I/O is asked for through effects, like RepairFlow.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/repair_flow.hpp"

namespace homedesk {

inline constexpr ComplaintCategory kComplaintCategories[] = {
    ComplaintCategory::Service,    ComplaintCategory::Environment, ComplaintCategory::Security,
    ComplaintCategory::Facilities, ComplaintCategory::Fees,        ComplaintCategory::Neighbours,
    ComplaintCategory::Suggestion, ComplaintCategory::Other};

class ComplaintFlow {
public:
    enum class Step { Category, Description, Route, Identity, Phone, Confirm, Submitting, Receipt };
    static constexpr size_t kMaxDescription = 500;  // characters

    Step step() const { return m_steps.back(); }
    const NewTicket& draft() const { return m_draft; }
    const std::optional<Receipt>& receipt() const { return m_receipt; }
    const std::string& lastError() const { return m_error; }

    FlowOutcome chooseCategory(ComplaintCategory category);
    FlowOutcome addPhrase(const std::string& phrase);
    FlowOutcome setDescription(const std::string& text);  // the whole text as typed so far
    FlowOutcome finishDescription();
    FlowOutcome chooseRoute(bool toGeneralManager);
    FlowOutcome chooseAnonymous(bool anonymous);
    FlowOutcome setPhone(const std::string& digits);
    FlowOutcome confirm(const std::string& clientId, std::int64_t now);
    void submitted(const Receipt& receipt);  // the store committed it
    void submitFailed(const Error& error);   // back to the read-back, nothing lost

    // One step back; false when there is nothing before (the caller leaves the flow).
    bool back();

private:
    FlowOutcome go(Step next);
    FlowOutcome refuse(std::string key);

    std::vector<Step> m_steps{Step::Category};
    NewTicket m_draft = [] {
        NewTicket t;
        t.kind = TicketKind::Complaint;
        t.urgency = Urgency::Normal;  // the estate answers complaints within 24 hours
        return t;
    }();
    std::optional<Receipt> m_receipt;
    std::string m_error;
};

// A stable name for each step, for automation and logs.
std::string_view stepName(ComplaintFlow::Step step);

}  // namespace homedesk
