// Carries out the flows' effects on the store and answers the flows.
#include "kiosk/app/effect_runner.hpp"

#include <spdlog/spdlog.h>

#include <utility>

namespace homedesk::app {

EffectRunner::Outcome EffectRunner::run(KioskState& state, std::int64_t now) {
    Outcome outcome;
    for (Effect& e : std::exchange(state.effects, {})) {
        std::visit(
            [&](auto& effect) {
                using E = std::decay_t<decltype(effect)>;
                if constexpr (std::is_same_v<E, effect::Submit>) submit(state, effect, outcome);
                if constexpr (std::is_same_v<E, effect::LoadSurvey>) loadSurvey(state, effect);
                if constexpr (std::is_same_v<E, effect::SubmitSurvey>)
                    submitSurvey(state, effect, outcome);
                if constexpr (std::is_same_v<E, effect::FindTicket>) findTicket(state, effect, now);
                if constexpr (std::is_same_v<E, effect::LoadOpenTickets>)
                    loadOpenTickets(state, effect);
                if constexpr (std::is_same_v<E, effect::RecordDisplay>) recordDisplay(effect, now);
            },
            e);
    }
    return outcome;
}

// A repair or a complaint: committed durably with its outbox item before the receipt shows.
void EffectRunner::submit(KioskState& state, const effect::Submit& submit, Outcome& outcome) {
    Flow* flow = state.flowAt(submit.flow);
    if (!flow) return;  // the flow was closed meanwhile
    const std::string kind(toString(submit.ticket.kind));
    auto receipt = m_stores.tickets.submit(submit.ticket);
    if (!receipt) {
        spdlog::error("{} {} not saved: {}", kind, submit.ticket.clientId, receipt.error().message);
        flow->submitFailed(receipt.error());
        return;
    }
    spdlog::info("{} {} saved, tracking code {}", kind, receipt->clientId, receipt->trackingCode);
    flow->submitted(receipt.value());
    outcome.committed = true;
    outcome.receiptCode = receipt->trackingCode;
}

void EffectRunner::loadSurvey(KioskState& state, const effect::LoadSurvey& load) {
    SurveyFlow* flow = state.flow<SurveyFlow>();
    if (!flow) return;
    std::optional<SurveyDefinition> definition;
    auto stored = m_stores.surveys.latest(load.surveyId);
    if (!stored) {
        spdlog::warn("survey {}: {}", load.surveyId, stored.error().message);
    } else if (stored->has_value()) {
        const auto& s = **stored;
        auto parsed =
            parseSurveyDefinition(s.id, s.version, {s.title, s.titleEn}, s.definitionJson);
        if (parsed)
            definition = std::move(parsed).value();
        else
            spdlog::warn("survey {} v{}: {}", s.id, s.version, parsed.error().message);
    }
    flow->definitionLoaded(std::move(definition));
}

void EffectRunner::submitSurvey(KioskState& state, const effect::SubmitSurvey& submit,
                                Outcome& outcome) {
    SurveyFlow* flow = state.flow<SurveyFlow>();
    if (!flow) return;
    const NewSurveyResponse& r = submit.response;
    auto saved = m_stores.surveys.submit(
        {r.clientId, r.surveyId, r.surveyVersion, r.ticketNumber, r.answersJson, r.createdAt,
         r.trackingCode});
    if (!saved) {
        spdlog::error("survey response {} not saved: {}", r.clientId, saved.error().message);
        flow->submitFailed(saved.error());
        return;
    }
    spdlog::info("survey response {} saved ({} v{})", r.clientId, r.surveyId, r.surveyVersion);
    flow->submitted();
    outcome.committed = true;
}

void EffectRunner::findTicket(KioskState& state, const effect::FindTicket& find, std::int64_t now) {
    TrackFlow* flow = state.flow<TrackFlow>();
    if (!flow) return;  // the resident left meanwhile
    auto found = m_stores.tickets.findForTracking(find.number, find.phoneLast4);
    if (found) {
        flow->found(std::move(found).value(), state.trackGuard, now);
    } else {
        spdlog::warn("tracking lookup: {}", found.error().message);
        flow->lookupFailed();
    }
}

void EffectRunner::loadOpenTickets(KioskState& state, const effect::LoadOpenTickets& load) {
    RepairFlow* flow = state.flow<RepairFlow>();
    if (!flow) return;
    auto tickets = m_stores.tickets.openTicketsAt(load.placeId);
    if (!tickets) spdlog::warn("open tickets at {}: {}", load.placeId, tickets.error().message);
    flow->openTicketsLoaded(tickets ? std::move(tickets).value() : std::vector<TicketRecord>{});
}

// Written while offline too: the sync engine reports it with the next heartbeat.
void EffectRunner::recordDisplay(const effect::RecordDisplay& shown, std::int64_t now) {
    auto r = m_stores.notices.recordDisplay(
        {0, shown.noticeId, shown.revision, now, shown.shownMs, shown.context});
    if (!r) spdlog::warn("display record of {}: {}", shown.noticeId, r.error().message);
}

}  // namespace homedesk::app
