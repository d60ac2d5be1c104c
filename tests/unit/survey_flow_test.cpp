#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/survey_flow.hpp"

using namespace homedesk;
using Step = SurveyFlow::Step;
using nlohmann::json;

namespace {
SurveyDefinition twoDimensions() {
    SurveyDefinition d;
    d.id = "standing";
    d.version = 3;
    d.title = {"满意度评价", "Satisfaction survey"};
    d.dimensions = {{"environment", {"物业环境", "Environment"}, {{"litter", {"垃圾", "Litter"}}, {"other", {"其他", "Other"}}}},
                    {"fees", {"收费合理性", "Fees"}, {{"too_high", {"偏高", "Too high"}}}}};
    return d;
}
SurveyFlow loaded(std::optional<std::string> ticket = std::nullopt) {
    SurveyFlow f("standing", std::move(ticket));
    CHECK(f.step() == Step::Loading);
    CHECK(f.load().surveyId == "standing");
    f.definitionLoaded(twoDimensions());
    return f;
}
}  // namespace

TEST_CASE("a survey with a low score asks what went wrong, then goes on", "[core][survey]") {
    SurveyFlow f = loaded();
    REQUIRE(f.step() == Step::Rate);
    CHECK(f.dimension()->id == "environment");
    REQUIRE(f.rate(2).accepted());
    REQUIRE(f.step() == Step::FollowUp);
    CHECK(f.dimension()->id == "environment");
    CHECK(f.chooseFollowUp("nonsense").errorKey == "survey.error.no_such_choice");
    REQUIRE(f.chooseFollowUp("litter").accepted());
    REQUIRE(f.step() == Step::Rate);
    CHECK(f.dimensionIndex() == 1);
    REQUIRE(f.rate(4).accepted());  // a good score asks nothing more
    REQUIRE(f.step() == Step::Suggestion);
    REQUIRE(f.setSuggestion("希望多种树").accepted());
    REQUIRE(f.finishSuggestion().accepted());
    REQUIRE(f.step() == Step::Review);
    const FlowOutcome out = f.submit("survey-0001", 1'790'000'000);
    REQUIRE(out.effect);
    const NewSurveyResponse& r = std::get<effect::SubmitSurvey>(*out.effect).response;
    CHECK(r.clientId == "survey-0001");
    CHECK(r.surveyId == "standing");
    CHECK(r.surveyVersion == 3);  // the definition's version travels with the answers
    CHECK_FALSE(r.ticketNumber);
    const json answers = json::parse(r.answersJson);
    CHECK(answers["scores"] == json({{"environment", 2}, {"fees", 4}}));
    CHECK(answers["follow_up"] == json({{"environment", "litter"}}));
    CHECK(answers["suggestion"] == "希望多种树");
    CHECK(f.step() == Step::Submitting);
    CHECK(f.back());
    CHECK(f.step() == Step::Submitting);
    f.submitted();
    CHECK(f.step() == Step::Thanks);
    CHECK_FALSE(f.back());  // the thank-you is the end
}

TEST_CASE("survey: Back retraces every question and keeps the answers", "[core][survey]") {
    SurveyFlow f = loaded();
    f.rate(1);
    f.chooseFollowUp("other");
    f.rate(5);
    f.finishSuggestion();
    REQUIRE(f.step() == Step::Review);
    CHECK(f.answers().suggestion.empty());  // skipped: optional
    REQUIRE(f.back());
    CHECK(f.step() == Step::Suggestion);
    REQUIRE(f.back());
    CHECK(f.step() == Step::Rate);
    CHECK(f.dimensionIndex() == 1);
    REQUIRE(f.back());
    CHECK(f.step() == Step::FollowUp);
    REQUIRE(f.back());
    CHECK(f.step() == Step::Rate);
    CHECK(f.dimensionIndex() == 0);
    CHECK(f.answers().scores.at("environment") == 1);  // still there to be seen and changed
    // Changing a low score to a good one drops its "what went wrong".
    REQUIRE(f.rate(3).accepted());
    CHECK(f.answers().followUps.count("environment") == 0);
    CHECK(f.step() == Step::Rate);
    CHECK(f.dimensionIndex() == 1);
    REQUIRE(f.back());
    REQUIRE(f.back() == false);  // the first question: Back leaves the survey
}

TEST_CASE("survey: bad input is refused and nothing given is lost", "[core][survey]") {
    SurveyFlow f = loaded();
    CHECK(f.rate(0).errorKey == "survey.error.score");
    CHECK(f.rate(6).errorKey == "survey.error.score");
    CHECK(f.step() == Step::Rate);
    CHECK(f.answers().scores.empty());
    f.rate(4);
    f.rate(4);
    REQUIRE(f.step() == Step::Suggestion);
    REQUIRE(f.setSuggestion("多装路灯").accepted());
    CHECK(f.setSuggestion(std::string(10'000, 'y')).errorKey == "survey.error.suggestion_too_long");
    CHECK(f.answers().suggestion == "多装路灯");
    CHECK(f.setSuggestion("多装路灯 👍\x07\xc3").errorKey == "survey.error.bad_text");
    CHECK(f.answers().suggestion == "多装路灯 ");
    CHECK(f.chooseFollowUp("litter").errorKey == "flow.wrong_step");
    CHECK(f.rate(3).errorKey == "flow.wrong_step");
}

TEST_CASE("survey: no definition in the store says so instead of an empty form", "[core][survey]") {
    SurveyFlow f;
    f.definitionLoaded(std::nullopt);
    CHECK(f.step() == Step::Unavailable);
    CHECK(f.rate(5).errorKey == "flow.wrong_step");
    CHECK_FALSE(f.back());
    f.definitionLoaded(twoDimensions());  // a late answer changes nothing
    CHECK(f.step() == Step::Unavailable);
}

TEST_CASE("survey: a callback carries its ticket, and a failed save keeps everything and the id", "[core][survey]") {
    SurveyFlow f = loaded(std::string("R-000123"));
    f.rate(5);
    f.rate(2);
    f.chooseFollowUp("too_high");
    f.finishSuggestion();
    auto first = std::get<effect::SubmitSurvey>(*f.submit("survey-first", 10).effect).response;
    CHECK(first.ticketNumber == std::optional<std::string>("R-000123"));
    f.submitFailed(ioError("store", "disk full"));
    CHECK(f.step() == Step::Review);
    CHECK(f.lastError() == "survey.error.not_saved");
    auto retry = std::get<effect::SubmitSurvey>(*f.submit("survey-second", 11).effect).response;
    CHECK(retry.clientId == "survey-first");
    CHECK(retry.answersJson == first.answersJson);
}

TEST_CASE("survey definitions are checked like any outside input", "[core][survey]") {
    const auto ok = parseSurveyDefinition("standing", 1, {"满意度", "Survey"},
                                          R"({"dimensions":[{"id":"environment","name":{"zh":"物业环境","en":"Environment"},
                                              "follow_up":[{"id":"litter","name":{"zh":"垃圾","en":"Litter"}}]}],"suggestion":false})");
    REQUIRE(ok.ok());
    CHECK(ok->dimensions.size() == 1);
    CHECK(ok->dimensions[0].followUps[0].label.in(Language::English) == "Litter");
    CHECK_FALSE(ok->suggestion);
    for (const char* bad : {"", "[]", "{not json", R"({"dimensions":[]})", R"({"dimensions":[{"id":"A B","name":{"zh":"x"}}]})",
                            R"({"dimensions":[{"id":"a","name":{"zh":"x"}},{"id":"a","name":{"zh":"y"}}]})",
                            R"({"dimensions":[{"id":"a","name":{"en":"x"}}]})", R"({"dimensions":[{"id":"a","name":{"zh":"x"}}],"suggestion":1})",
                            R"({"dimensions":[{"id":"a","name":{"zh":"x"},"follow_up":{}}]})"}) {
        INFO(bad);
        CHECK_FALSE(parseSurveyDefinition("s", 1, {}, bad).ok());
    }
}

TEST_CASE("the survey screen's flow: open, callback entry, Back, Home and the idle wipe", "[core][survey][navigation]") {
    KioskState s;
    apply(s, intent::Open{ScreenId::Survey});
    REQUIRE(s.flow<SurveyFlow>());
    REQUIRE(s.effects.size() == 1);  // the app loads the definition
    CHECK(std::get<effect::LoadSurvey>(s.effects.front()).surveyId == "standing");
    s.effects.clear();
    s.flow<SurveyFlow>()->definitionLoaded(twoDimensions());
    using K = intent::Survey::Kind;
    apply(s, intent::Survey{K::Rate, {}, 5});
    CHECK(s.flow<SurveyFlow>()->dimensionIndex() == 1);
    apply(s, intent::Back{});
    CHECK(s.screen() == ScreenId::Survey);
    CHECK(s.flow<SurveyFlow>()->dimensionIndex() == 0);
    apply(s, intent::Back{});  // from the first question: out of the survey
    CHECK(s.atHome());
    CHECK_FALSE(s.flow<SurveyFlow>());

    // A callback for a resolved ticket (from Track, or a scanned invitation).
    apply(s, intent::StartSurvey{"standing", std::string("R-000042"), std::string("52810034")});
    REQUIRE(s.flow<SurveyFlow>());
    CHECK(s.screen() == ScreenId::Survey);
    CHECK(s.flow<SurveyFlow>()->ticketNumber() == std::optional<std::string>("R-000042"));
    REQUIRE(s.effects.size() == 1);
    s.effects.clear();
    s.flow<SurveyFlow>()->definitionLoaded(twoDimensions());
    apply(s, intent::Survey{K::Rate, {}, 1});
    apply(s, intent::Survey{K::FollowUp, "other"});
    apply(s, intent::Home{});
    CHECK(s.atHome());
    CHECK_FALSE(s.flow<SurveyFlow>());

    apply(s, intent::Open{ScreenId::Survey});
    s.effects.clear();
    s.flow<SurveyFlow>()->definitionLoaded(twoDimensions());
    apply(s, intent::Survey{K::Rate, {}, 2});
    wipe(s);
    CHECK(s.atHome());
    CHECK_FALSE(s.flow<SurveyFlow>());
    CHECK(s.effects.empty());

    // Submitting asks the app for the durable commit with its fresh id.
    apply(s, intent::Open{ScreenId::Survey});
    s.effects.clear();
    s.flow<SurveyFlow>()->definitionLoaded(twoDimensions());
    apply(s, intent::Survey{K::Rate, {}, 4});
    apply(s, intent::Survey{K::Rate, {}, 4});
    apply(s, intent::Survey{K::FinishSuggestion});
    apply(s, intent::Survey{K::Submit}, ApplyContext{99, "survey-99"});
    REQUIRE(s.effects.size() == 1);
    CHECK(std::get<effect::SubmitSurvey>(s.effects.front()).response.clientId == "survey-99");
    // Survey intents do nothing off the survey screen.
    KioskState other;
    CHECK_FALSE(apply(other, intent::Survey{K::Rate, {}, 4}).any());
    CHECK_FALSE(apply(other, intent::Complaint{intent::Complaint::Kind::Confirm}).any());
}

TEST_CASE("survey suggestion: typed on the keyboard, kept across Back, empty skips", "[core][survey][entry]") {
    KioskState s;
    using K = intent::Survey::Kind;
    apply(s, intent::Open{ScreenId::Survey});
    s.effects.clear();
    s.flow<SurveyFlow>()->definitionLoaded(twoDimensions());
    apply(s, intent::Survey{K::Rate, {}, 5});
    apply(s, intent::Survey{K::Rate, {}, 5});
    REQUIRE(s.flow<SurveyFlow>()->step() == Step::Suggestion);
    CHECK(entrySpec(s) == EntrySpec{EntryMode::Text, SurveyFlow::kMaxSuggestion});
    apply(s, intent::Type{"More benches"});
    apply(s, intent::Back{});  // to the last question: the suggestion is kept
    CHECK(s.flow<SurveyFlow>()->answers().suggestion == "More benches");
    apply(s, intent::Survey{K::Rate, {}, 4});
    CHECK(s.entry == "More benches");
    apply(s, intent::Survey{K::FinishSuggestion});
    REQUIRE(s.flow<SurveyFlow>()->step() == Step::Review);
    CHECK(s.flow<SurveyFlow>()->answers().suggestion == "More benches");
    CHECK(s.entry.empty());
    apply(s, intent::Back{});
    for (int i = 0; i < 20; ++i) apply(s, intent::Key{intent::Key::kBackspace});
    apply(s, intent::Survey{K::FinishSuggestion});  // optional: nothing typed goes on
    CHECK(s.flow<SurveyFlow>()->step() == Step::Review);
    CHECK(s.flow<SurveyFlow>()->answers().suggestion.empty());
}

TEST_CASE("a callback answered from Track carries the ticket's tracking code as its proof",
          "[core][survey][callback]") {
    using K = intent::Survey::Kind;
    const auto submitted = [](std::optional<std::string> code) {
        KioskState s;
        apply(s, intent::StartSurvey{"standing", std::string("R-000042"), code});
        s.effects.clear();
        s.flow<SurveyFlow>()->definitionLoaded(twoDimensions());
        apply(s, intent::Survey{K::Rate, {}, 4});
        apply(s, intent::Survey{K::Rate, {}, 4});
        apply(s, intent::Survey{K::FinishSuggestion});
        apply(s, intent::Survey{K::Submit}, ApplyContext{99, "survey-42"});
        REQUIRE(s.effects.size() == 1);
        return std::get<effect::SubmitSurvey>(s.effects.front()).response;
    };
    const NewSurveyResponse proved = submitted(std::string("52810034"));
    CHECK(proved.ticketNumber == std::optional<std::string>("R-000042"));
    CHECK(proved.trackingCode == std::optional<std::string>("52810034"));
    CHECK_FALSE(submitted(std::nullopt).trackingCode);
}
