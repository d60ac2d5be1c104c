#include "kiosk/core/complaint_flow.hpp"

#include "kiosk/core/phone.hpp"
#include "kiosk/core/typed_text.hpp"

namespace homedesk {

std::string_view stepName(ComplaintFlow::Step step) {
    using S = ComplaintFlow::Step;
    switch (step) {
        case S::Category: return "category";
        case S::Description: return "description";
        case S::Route: return "route";
        case S::Identity: return "identity";
        case S::Phone: return "phone";
        case S::Confirm: return "confirm";
        case S::Submitting: return "submitting";
        case S::Receipt: return "receipt";
    }
    return "unknown";
}

std::string_view ComplaintFlow::stepName() const { return homedesk::stepName(step()); }

EntrySpec ComplaintFlow::entrySpec() const {
    if (step() == Step::Description) return {EntryMode::Text, kMaxDescription};
    if (step() == Step::Phone) return {EntryMode::Digits, 12};
    return {};
}

std::optional<std::string> ComplaintFlow::draftText() const {
    if (step() == Step::Description) return m_draft.description;
    return std::nullopt;
}

void ComplaintFlow::keepTyped(const std::string& entry) {
    if (step() == Step::Description) (void)setDescription(entry);
}

FlowOutcome ComplaintFlow::chooseCategory(ComplaintCategory category) {
    if (step() != Step::Category) return refuse("flow.wrong_step");
    m_draft.complaintCategory = category;
    return go(Step::Description);
}

FlowOutcome ComplaintFlow::setDescription(const std::string& text) {
    if (step() != Step::Description) return refuse("flow.wrong_step");
    TypedText clean = cleanTyped(text);
    // Too long: refused whole, so what was there before stays as it was.
    if (clean.characters > kMaxDescription) return refuse("complaint.error.description_too_long");
    m_draft.description = std::move(clean.text);
    // Unshowable characters are left out and the rest kept; the resident is told.
    if (clean.removed) return refuse("complaint.error.bad_text");
    m_steps.clearError();
    return {};
}

FlowOutcome ComplaintFlow::addPhrase(const std::string& phrase) {
    if (step() != Step::Description) return refuse("flow.wrong_step");
    const std::string joined = m_draft.description + phraseSeparator(m_draft.description, phrase) + phrase;
    return setDescription(joined);
}

FlowOutcome ComplaintFlow::finishDescription() {
    if (step() != Step::Description) return refuse("flow.wrong_step");
    if (m_draft.description.find_first_not_of(" \n") == std::string::npos)
        return refuse("complaint.error.description_empty");
    return go(Step::Route);
}

FlowOutcome ComplaintFlow::chooseRoute(bool toGeneralManager) {
    if (step() != Step::Route) return refuse("flow.wrong_step");
    m_draft.toGeneralManager = toGeneralManager;
    return go(Step::Identity);
}

FlowOutcome ComplaintFlow::chooseAnonymous(bool anonymous) {
    if (step() != Step::Identity) return refuse("flow.wrong_step");
    m_draft.anonymous = anonymous;
    if (anonymous) {
        m_draft.phone.clear();  // anonymous means no phone is asked or kept
        return go(Step::Confirm);
    }
    return go(Step::Phone);
}

FlowOutcome ComplaintFlow::setPhone(const std::string& digits) {
    if (step() != Step::Phone) return refuse("flow.wrong_step");
    if (!phone::isValid(digits)) return refuse("complaint.error.phone");
    m_draft.phone = digits;
    return go(Step::Confirm);
}

FlowOutcome ComplaintFlow::confirm(const std::string& clientId, std::int64_t now) {
    if (step() != Step::Confirm || clientId.empty()) return refuse("flow.wrong_step");
    if (m_draft.anonymous) m_draft.phone.clear();
    // A retry after a failed save is the same submission: the first id stays (idempotent).
    if (m_draft.clientId.empty()) m_draft.clientId = clientId;
    m_draft.createdAt = now;
    go(Step::Submitting);
    return {"", effect::Submit{m_draft, kScreen}};
}

void ComplaintFlow::submitted(const Receipt& receipt) {
    if (step() != Step::Submitting) return;
    m_receipt = receipt;
    m_draft.phone.clear();  // the store has it, encrypted; the UI keeps no copy
    m_steps.restart(Step::Receipt);  // Back from the receipt leaves the flow
}


void ComplaintFlow::submitFailed(const Error&) {
    if (step() != Step::Submitting) return;
    m_steps.saveFailed("complaint.error.not_saved");
}

bool ComplaintFlow::back() {
    if (step() == Step::Submitting) return true;  // wait for the store's answer
    return m_steps.back();
}

}  // namespace homedesk
