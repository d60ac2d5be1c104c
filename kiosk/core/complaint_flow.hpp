// The complaint & suggestion (投诉建议) as a state machine: category → description (quick
// phrases or typed text) → route (front desk, or the general manager's mailbox 总经理信箱) →
// named or anonymous → phone (named only; an anonymous complaint keeps no phone) → read-back →
// durable commit → receipt. A refused input leaves the draft as it was and names the problem by
// catalog key; I/O is asked for through effects, like RepairFlow.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "kiosk/core/flow.hpp"
#include "kiosk/core/step_stack.hpp"
#include "kiosk/core/ticket.hpp"

namespace homedesk {

inline constexpr ComplaintCategory kComplaintCategories[] = {
    ComplaintCategory::Service,    ComplaintCategory::Environment, ComplaintCategory::Security,
    ComplaintCategory::Facilities, ComplaintCategory::Fees,        ComplaintCategory::Neighbours,
    ComplaintCategory::Suggestion, ComplaintCategory::Other};

class ComplaintFlow final : public ReceiptFlow {
public:
    static constexpr ScreenId kScreen = ScreenId::Complaint;
    enum class Step { Category, Description, Route, Identity, Phone, Confirm, Submitting, Receipt };
    static constexpr size_t kMaxDescription = 500;  // characters

    Step step() const { return m_steps.top(); }
    const NewTicket& draft() const { return m_draft; }

    FlowOutcome chooseCategory(ComplaintCategory category);
    FlowOutcome addPhrase(const std::string& phrase);
    FlowOutcome setDescription(const std::string& text);  // the whole text as typed so far
    FlowOutcome finishDescription();
    FlowOutcome chooseRoute(bool toGeneralManager);
    FlowOutcome chooseAnonymous(bool anonymous);
    FlowOutcome setPhone(const std::string& digits);
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

    StepStack<Step> m_steps{Step::Category};
    NewTicket m_draft = [] {
        NewTicket t;
        t.kind = TicketKind::Complaint;
        t.urgency = Urgency::Normal;  // the estate answers complaints within 24 hours
        return t;
    }();
};

// A stable name for each step, for automation and logs.
std::string_view stepName(ComplaintFlow::Step step);

}  // namespace homedesk
