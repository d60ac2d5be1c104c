// The flows' I/O between UI passes, on the UI thread's store: local SQLite only, never the
// network. Each effect is answered into the flow that asked (if it is still open). No window
// and no SDL here, so a test runs it on a real store.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/ticket_store.hpp"
#include "kiosk/store/sqlite_notices.hpp"
#include "kiosk/store/sqlite_surveys.hpp"

namespace homedesk::app {

class EffectRunner {
  public:
    struct Stores {
        TicketStore& tickets;
        store::SqliteSurveys& surveys;
        store::SqliteNotices& notices;
    };
    // What the app does after a run.
    struct Outcome {
        bool committed = false;                  // the outbox has something new: wake the sync
        std::optional<std::string> receiptCode;  // a receipt came: the app draws its QR code
    };

    explicit EffectRunner(Stores stores) : m_stores(stores) {}

    // Runs and clears state.effects. `now`: wall seconds, for display records and lookups.
    Outcome run(KioskState& state, std::int64_t now);

  private:
    void submit(KioskState& state, const effect::Submit& submit, Outcome& outcome);
    void loadSurvey(KioskState& state, const effect::LoadSurvey& load);
    void submitSurvey(KioskState& state, const effect::SubmitSurvey& submit, Outcome& outcome);
    void findTicket(KioskState& state, const effect::FindTicket& find, std::int64_t now);
    void loadOpenTickets(KioskState& state, const effect::LoadOpenTickets& load);
    void recordDisplay(const effect::RecordDisplay& shown, std::int64_t now);

    Stores m_stores;
};

}  // namespace homedesk::app
