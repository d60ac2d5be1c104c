// The one shape of a resident flow (repair, complaint, survey, notices, track, and the next
// ones): what KioskState and the app need to open, close, type into, step back in, read aloud,
// report and deliver any flow without naming it. The flow's own answers stay on its class.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "kiosk/core/flow_effects.hpp"
#include "kiosk/core/screen_id.hpp"
#include "kiosk/core/text_entry.hpp"
#include "kiosk/core/ticket.hpp"

namespace homedesk {

class Flow {
public:
    virtual ~Flow() = default;

    virtual ScreenId screen() const = 0;            // the screen it lives on (one flow each)
    virtual std::string_view stepName() const = 0;  // stable, for automation and logs
    virtual const std::string& lastError() const;   // catalog key of the last refusal, or ""

    // The I/O to do as the flow opens (the survey loads its definition).
    virtual std::vector<Effect> start() { return {}; }
    // The field of the current step (EntryMode::None when there is none).
    virtual EntrySpec entrySpec() const { return {}; }
    // The text the current step's field edits, put back in the field when the resident comes
    // (back) to it; none when the step has no such text.
    virtual std::optional<std::string> draftText() const { return std::nullopt; }
    // Back was pressed: text typed into the field and not yet taken goes into the draft first.
    virtual void keepTyped(const std::string& /*entry*/) {}
    // One step back; false when there is nothing before (the caller leaves the flow).
    virtual bool back() = 0;

    // Flows that end with a receipt: the store committed (or refused) the Submit effect, and
    // later the sync engine got it to the head office.
    virtual const Receipt* receipt() const { return nullptr; }
    virtual void submitted(const Receipt& /*receipt*/) {}
    virtual void submitFailed(const Error& /*error*/) {}
    virtual void delivered() {}

    // What read-aloud treats as a new question: a change of it is announced like a new screen.
    virtual std::string announceKey() const { return std::string(stepName()); }
    // What the automation reports beside a screenshot, besides "<screen>_step" and "flow_error".
    virtual void report(nlohmann::json& /*out*/) const {}
};

// A flow that ends with a receipt (repair, complaint): keeps it and turns it "delivered" when
// the head office has the submission.
class ReceiptFlow : public Flow {
public:
    const Receipt* receipt() const final { return m_receipt ? &*m_receipt : nullptr; }
    void delivered() final {
        if (m_receipt) m_receipt->delivered = true;
    }

protected:
    std::optional<Receipt> m_receipt;
};

}  // namespace homedesk
