// The terminal program: wires configuration, platform, state and screens, and runs the
// event-driven frame loop. It draws only when input, a timer or new data asks for it.
#pragma once

#include <SDL2/SDL_events.h>

#include <atomic>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/app/announcer.hpp"
#include "kiosk/app/config.hpp"
#include "kiosk/app/effect_runner.hpp"
#include "kiosk/app/frame_stats.hpp"
#include "kiosk/app/input_queue.hpp"
#include "kiosk/app/scan_service.hpp"
#include "kiosk/app/script_driver.hpp"
#include "kiosk/app/sync_link.hpp"
#include "kiosk/app/text_input_service.hpp"
#include "kiosk/core/directory.hpp"
#include "kiosk/core/idle_session.hpp"
#include "kiosk/core/ticket_store.hpp"
#include "kiosk/core/kiosk_state.hpp"
#include "kiosk/core/qr_modules.hpp"
#include "kiosk/store/terminal_db.hpp"
#include "kiosk/ui/kiosk_frame.hpp"
#include "platform/clock.hpp"
#include "platform/speech.hpp"
#include "platform/sdl/gl_renderer.hpp"
#include "platform/sdl/sdl_window.hpp"

namespace homedesk::app {

struct RunOptions {
    bool headless = false;
    std::optional<std::string> script;
    std::string screenshotDir = "screenshots";
    std::optional<std::string> statsPath;
    bool exitAfterFirstFrame = false;
    double runSeconds = 0;  // > 0: exit after this long (benchmarks)
    std::optional<std::tm> fixedWallTime;
    TimePoint started = Clock::now();  // when main() began, for the first-frame figure
    std::optional<std::string> scanFrames;  // image files played as the camera (demo, tests)
};

class KioskApp {
public:
  static Result<std::unique_ptr<KioskApp>> create(const Config& config, const RunOptions& options);
  ~KioskApp();

  // Returns the process exit code: 0, or 3 when a script step failed.
  int run();

  // New notices are in the store (the sync engine's notice thread): re-read them on the UI
  // thread. Safe from any thread.
  void noticesChanged();

private:
    KioskApp(const Config& config, const RunOptions& options);
    Result<bool> init();
    void handleEvent(const SDL_Event& event);
    void updateTimers(TimePoint now);
    int waitTimeoutMs(TimePoint now) const;
    void drawFrame(const std::string* shotName);
    // The frame guard: a frame that throws is logged and counted, the session is dropped and
    // Home shows; the terminal goes on.
    void guardedFrame(const std::string* shotName);
    void recoverFromFault(const char* what);
    void applyIntents(TimePoint now);
    void rebuildFonts();
    void updateTheme();
    void wipeSession();
    void writeShotInfo(const std::string& path) const;
    void runDriver(TimePoint now);
    KioskView makeView(TimePoint now, const std::tm& wall) const;
    void readAloud(const KioskView& view);
    void runEffects();
    Result<bool> openFlowStores();  // the flows' effect runner and the demo survey, once
    void openFlowStoresOrQuit();
    void startSpeech();  // the announcer, once, after the first frame
    bool receiptShown() const;  // an open flow shows its receipt
    Result<bool> seedSurveys();
    Result<bool> startSync();
    void startScanner();   // kiosk_app_scan.cpp
    void onScanWake();
    void updateScanner();
    void watchWedge(const SDL_Event& e);
    void onSyncWake();
    bool fact(std::string_view name) const;  // for the script's `await`
    std::int64_t wallNow() const;
    // kiosk_app_notices.cpp: the store's notices, the demo file, the idle show, lookups.
    Result<bool> openNotices();
    void reloadNotices();
    void updateIdleShow(TimePoint now);
    std::optional<TimePoint> idleShowDeadline(TimePoint now) const;
    // kiosk_app_input.cpp: pinyin and handwriting (loaded after the first frame).
    void startTextInput();
    bool applyCompose(const Intent& intent, const ApplyContext& context);  // true: it was one

    Config m_config;
    RunOptions m_options;
    std::unique_ptr<platform::Clock> m_clock;
    std::unique_ptr<platform::SdlWindow> m_window;
    std::unique_ptr<platform::GlRenderer> m_renderer;
    Translations m_text;
    Directory m_directory;
    std::unique_ptr<store::TerminalDb> m_db;  // the UI thread's database: its one connection
    std::unique_ptr<SyncLink> m_sync;  // declared after the store, stopped first (~KioskApp)
    SyncSnapshot m_syncView;              // what the UI shows: re-read when the engine wakes it
    std::uint32_t m_syncEvent = 0;        // the SDL user event the engine's thread posts
    std::atomic<bool> m_syncWakePosted{false};  // at most one wake-up waiting in SDL's queue
    std::atomic<bool> m_noticesDirty{false};
    std::optional<EffectRunner> m_effects;  // the flows' I/O on m_db's repositories
    TimePoint m_unusedSince;  // when the last session ended (or the program started)
    std::optional<QrModules> m_receiptQr;  // drawn on the receipt; made once when it arrives
    std::unique_ptr<ui::FontAtlas> m_fonts;
    ui::WidgetRegistry m_widgets;
    std::vector<Intent> m_intents;
    std::vector<Intent> m_typed;  // from a physical keyboard or scanner wedge, applied next frame
    std::vector<std::string> m_tapped;
    std::unique_ptr<Announcer> m_announcer;  // read-aloud; null until the first frame is up
    bool m_speechTried = false;
    std::unique_ptr<TextInputService> m_textInput;  // pinyin and handwriting
    ui::KioskFrame m_frame;
    KioskState m_state;
    IdleSession m_session;
    Theme m_theme;
    bool m_themeDirty = true;
    InputQueue m_input;
    std::optional<ScriptDriver> m_driver;
    std::unique_ptr<ScanService> m_scan;  // after the state it reads; stops its thread first
    std::uint32_t m_scanEvent = 0;
    std::atomic<bool> m_scanWakePosted{false};
    FrameStats m_stats;
    int m_pendingFrames = 1;
    bool m_faultNextFrame = false;  // the script's `fault`: the next frame throws
    int m_shownMinute = -1;
    bool m_quit = false;
    int m_exitCode = 0;
    TimePoint m_started;
    TimePoint m_lastFrame;
};

}  // namespace homedesk::app
