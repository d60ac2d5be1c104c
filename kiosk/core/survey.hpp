// Satisfaction surveys as the terminal shows them: a versioned definition from the head office
// (dimensions rated 1-5, "what went wrong" choices for a low score, an optional suggestion) and
// the answers a resident gives. Plain data plus the JSON both travel as.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/core/directory.hpp"
#include "base/result.hpp"

namespace homedesk {

inline constexpr std::string_view kStandingSurveyId = "standing";
inline constexpr int kSurveyScaleMax = 5;  // five faces: 1 very dissatisfied .. 5 very satisfied
inline constexpr int kLowScoreMax = 2;     // 1-2 asks "what went wrong"

struct SurveyChoice {
    std::string id;
    LocalizedName label;
};

struct SurveyDimension {
    std::string id;  // "environment": stable, the key of the answer
    LocalizedName name;
    std::vector<SurveyChoice> followUps;  // asked after a score of 1-2; may be empty
};

struct SurveyDefinition {
    std::string id;
    std::int64_t version = 1;
    LocalizedName title;
    std::vector<SurveyDimension> dimensions;
    bool suggestion = true;  // an optional free-text suggestion at the end
};

// The definition JSON as stored (the survey_definitions.definition column):
// {"dimensions": [{"id", "name": {"zh", "en"}, "follow_up": [{"id", "name": {...}}]}],
//  "suggestion": true}. Anything else is refused with the path of the problem.
Result<SurveyDefinition> parseSurveyDefinition(const std::string& id, std::int64_t version,
                                               LocalizedName title, std::string_view definitionJson);

struct SurveyAnswers {
    std::map<std::string, int> scores;             // dimension id -> 1..5
    std::map<std::string, std::string> followUps;  // dimension id -> choice id (low scores only)
    std::string suggestion;
};

// {"scores": {...}, "follow_up": {...}, "suggestion": "..."} (suggestion only when given).
std::string answersJson(const SurveyAnswers& answers);

// A response as the resident confirmed it, before the store has it.
struct NewSurveyResponse {
    std::string clientId;
    std::string surveyId;
    std::int64_t surveyVersion = 1;
    std::optional<std::string> ticketNumber;  // the callback (回访) of a resolved ticket
    std::string answersJson;
    std::int64_t createdAt = 0;
    // The callback's proof that the resident answers it: the ticket's tracking code (from the
    // receipt they tracked it with). Without it the head office keeps the answers as a survey.
    std::optional<std::string> trackingCode;
};

}  // namespace homedesk
