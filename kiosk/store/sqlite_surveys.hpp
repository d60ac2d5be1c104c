// Surveys on the terminal: versioned definitions from the head office, and responses, each
// committed with its outbox item (kind "survey") in one durable transaction. A view on a
// TerminalDb's connection (terminal_db.hpp): it lives on that thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/store/sqlite_db.hpp"

namespace homedesk::store {

struct SurveyDefinition {
    std::string id;
    std::int64_t version = 1;
    std::string title;
    std::string titleEn;
    std::string definitionJson;  // dimensions, scale, follow-up choices
};

struct SurveyResponse {
    std::string clientId;
    std::string surveyId;
    std::int64_t surveyVersion = 1;
    std::optional<std::string> ticketNumber;  // the callback (回访) this answers
    std::string answersJson;                  // {"dimension": score, ...}
    std::int64_t createdAt = 0;
    std::optional<std::string> trackingCode;  // the callback's proof (sent, not kept here)
};

class SqliteSurveys {
  public:
    explicit SqliteSurveys(Db& db) : m_db(db) {}

    Status saveDefinition(const SurveyDefinition& definition, std::int64_t receivedAt);
    // The newest active version of a survey.
    Result<std::optional<SurveyDefinition>> latest(const std::string& surveyId);
    // Response + outbox item, durable before it returns. A repeated client id is not stored twice.
    Status submit(const SurveyResponse& response);

    Db& db() { return m_db; }

  private:
    Db& m_db;
};

}  // namespace homedesk::store
