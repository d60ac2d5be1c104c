// What a flow asks the app to do (effects, run between UI passes) and how an input was taken.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "kiosk/core/lookup_effects.hpp"
#include "kiosk/core/screen_id.hpp"
#include "kiosk/core/survey.hpp"
#include "kiosk/core/ticket.hpp"

namespace homedesk {

namespace effect {
struct LoadOpenTickets {
    std::string placeId;
};
struct Submit {  // a repair or a complaint; `flow` is the screen whose flow takes the receipt
    NewTicket ticket;
    ScreenId flow = ScreenId::Repair;
};
struct LoadSurvey {  // the newest version of a survey definition (survey flow)
    std::string surveyId;
};
struct SubmitSurvey {
    NewSurveyResponse response;
};
}  // namespace effect
using Effect = std::variant<effect::LoadOpenTickets, effect::Submit, effect::RecordDisplay,
                            effect::FindTicket, effect::LoadSurvey, effect::SubmitSurvey>;

// The answer to an input: refused with a message key, or accepted, perhaps with I/O to do.
struct FlowOutcome {
    std::string errorKey;  // empty when accepted
    std::optional<Effect> effect;
    bool accepted() const { return errorKey.empty(); }
};

}  // namespace homedesk
