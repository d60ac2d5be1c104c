// Survey definitions and responses.
#include "kiosk/store/sqlite_surveys.hpp"

#include <ctime>
#include <nlohmann/json.hpp>

#include "kiosk/store/input_rules.hpp"
#include "kiosk/store/outbox_enqueue.hpp"
#include "kiosk/store/store_open.hpp"

namespace homedesk::store {

Status SqliteSurveys::saveDefinition(const SurveyDefinition& d, std::int64_t receivedAt) {
    return guarded<Done>("store.surveys.saveDefinition", [&]() -> Status {
        auto stmt = m_db.prepare(
            "INSERT INTO survey_definitions (id, version, title, title_en, definition, "
            "received_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id, version) DO UPDATE SET title = "
            "excluded.title, "
            "title_en = excluded.title_en, definition = excluded.definition, received_at = "
            "excluded.received_at");
        if (!stmt) return stmt.error();
        stmt->bind(1, d.id)
            .bind(2, d.version)
            .bind(3, storableText(d.title))
            .bind(4, storableText(d.titleEn))
            .bind(5, d.definitionJson)
            .bind(6, receivedAt);
        return stmt->run();
    });
}

Result<std::optional<SurveyDefinition>> SqliteSurveys::latest(const std::string& surveyId) {
    return guarded<std::optional<SurveyDefinition>>(
        "store.surveys.latest", [&]() -> Result<std::optional<SurveyDefinition>> {
            auto stmt = m_db.prepare(
                "SELECT id, version, title, title_en, definition FROM survey_definitions WHERE id "
                "= ?1 AND active = 1 "
                "ORDER BY version DESC LIMIT 1");
            if (!stmt) return stmt.error();
            stmt->bind(1, surveyId);
            auto row = stmt->step();
            if (!row) return row.error();
            if (!*row) return std::optional<SurveyDefinition>();
            return std::optional<SurveyDefinition>(SurveyDefinition{
                stmt->text(0), stmt->integer(1), stmt->text(2), stmt->text(3), stmt->text(4)});
        });
}

Status SqliteSurveys::submit(const SurveyResponse& r) {
    return guarded<Done>("store.surveys.submit", [&]() -> Status {
        if (!isValidClientId(r.clientId))
            return invalidInput("store.surveys.submit",
                                "client id must be 8-64 letters, digits, '_' or '-'");
        const auto answers = nlohmann::json::parse(storableText(r.answersJson), nullptr, false);
        if (answers.is_discarded() || !answers.is_object())
            return invalidInput("store.surveys.submit", "answers must be a JSON object");

        nlohmann::json payload = {
            {"survey_id", r.surveyId}, {"survey_version", r.surveyVersion}, {"answers", answers}};
        if (r.ticketNumber) payload["ticket_number"] = *r.ticketNumber;
        if (r.ticketNumber && r.trackingCode) payload["tracking_code"] = *r.trackingCode;
        const std::string payloadText =
            payload.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);

        auto tx = Transaction::begin(m_db);
        if (!tx) return tx.error();
        auto response = m_db.prepare(
            "INSERT INTO survey_responses (client_id, survey_id, survey_version, ticket_number, "
            "answers, created_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (client_id) DO NOTHING");
        if (!response) return response.error();
        response->bind(1, r.clientId)
            .bind(2, r.surveyId)
            .bind(3, r.surveyVersion)
            .bind(4, r.ticketNumber)
            .bind(5, answers.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
            .bind(6, r.createdAt);
        if (auto done = response->run(); !done) return done.error();
        if (m_db.changes() == 0) return Done{};  // already stored: a repeated tap

        if (auto done =
                enqueue(m_db, {r.clientId, "survey", r.createdAt, payloadText, std::nullopt});
            !done)
            return done.error();
        return tx->commit();
    });
}

}  // namespace homedesk::store
