#include "kiosk/app/kiosk_app.hpp"

#include <SDL2/SDL.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <random>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/private_file.hpp"
#include "kiosk/core/datetime.hpp"
#include "kiosk/core/directory_json.hpp"
#include "kiosk/app/later_modules.hpp"
#include "kiosk/app/module_loader.hpp"
#include "platform/qr/qr_code.hpp"
#include "platform/sdl/sdl_audio.hpp"

namespace homedesk::app {

namespace {
double millisSince(TimePoint start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
// 128 random bits in hex: the submission's id from the terminal to the head office.
std::string newClientId() {
    std::random_device rd;
    char buf[33];
    std::snprintf(buf, sizeof buf, "%08x%08x%08x%08x", rd(), rd(), rd(), rd());
    return buf;
}
bool isPress(const SDL_Event& e) {
    return e.type == SDL_FINGERDOWN || e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_KEYDOWN ||
           e.type == SDL_TEXTINPUT;
}
}  // namespace

KioskApp::KioskApp(const Config& config, const RunOptions& options)
    : m_config(config),
      m_options(options),
      m_session(std::chrono::seconds(config.idleSeconds),
                std::chrono::seconds(config.promptSeconds)) {
    m_started = options.started;
    m_lastFrame = m_started;
    m_unusedSince = m_started;
    m_state.defaults = {config.language, config.largeText, false};
    m_state.settings = m_state.defaults;
}

Result<std::unique_ptr<KioskApp>> KioskApp::create(const Config& config,
                                                   const RunOptions& options) {
    std::unique_ptr<KioskApp> app(new KioskApp(config, options));
    if (auto r = app->init(); !r) return r.error();
    return app;
}

Result<bool> KioskApp::init() {
    if (m_options.fixedWallTime)
        m_clock = std::make_unique<platform::FixedWallClock>(*m_options.fixedWallTime);
    else
        m_clock = std::make_unique<platform::SystemClock>();

    const std::string& assets = m_config.assetsDir;
    auto text = Translations::load(assets + "/i18n");
    if (!text) return text.error();
    m_text = std::move(text).value();
    auto regular = ui::FontFile::open(assets + "/fonts/HomeDeskSans-Regular.otf");
    if (!regular) return regular.error();
    auto bold = ui::FontFile::open(assets + "/fonts/HomeDeskSans-Bold.otf");
    if (!bold) return bold.error();
    m_fonts = std::make_unique<ui::FontAtlas>(regular.value(), bold.value());

    const std::string directoryFile =
        m_config.directoryFile.empty() ? assets + "/demo/community.json" : m_config.directoryFile;
    auto directory = loadDirectory(directoryFile);
    if (!directory) return directory.error();
    m_directory = std::move(directory).value();
    m_state.directory = &m_directory;

    if (auto folder = makePrivateFolder(m_config.dataDir, true); !folder) return folder.error();
    // Home shows the notices (the emergency banner): the database opens now; the demo survey,
    // which no flow needs before a tap, is stored after the first frame (openFlowStores).
    auto db = store::TerminalDb::openIn(m_config.dataDir);
    if (!db) return db.error();
    m_db = std::move(db).value();
    if (auto notices = openNotices(); !notices) return notices.error();

    if (m_options.script) {
        std::ifstream in(*m_options.script);
        if (!in) return ioError(*m_options.script, "cannot open the script");
        std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        auto commands = parseScript(body, *m_options.script);
        if (!commands) return commands.error();
        m_driver.emplace(std::move(commands).value());
        m_driver->setFacts([this](std::string_view name) { return fact(name); });
        std::error_code ec;
        std::filesystem::create_directories(m_options.screenshotDir, ec);
        if (ec)
            return ioError(m_options.screenshotDir,
                           "cannot create the screenshot folder: " + ec.message());
    }

    platform::WindowOptions wo;
    wo.width = m_config.width();
    wo.height = m_config.height();
    wo.fullscreen = m_config.fullscreen;
    wo.headless = m_options.headless;
    auto window = platform::SdlWindow::create(wo);
    if (!window) return window.error();
    m_window = std::move(window).value();

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would redraw forever
    io.MouseDrawCursor = false;
    InputQueue::configure(io);
    m_renderer = std::make_unique<platform::GlRenderer>();
    SDL_StartTextInput();
    if (auto sync = startSync(); !sync) return sync.error();
    startScanner();
    startTextInput();
    return true;
}

// Start-up T1: read-aloud (espeak-ng in libhomedesk_speech.so, and the audio device) starts
// after the first frame is on screen; nothing is read before it. Tried once: without it the
// terminal works on, silent, and says why in the log.
void KioskApp::startSpeech() {
    if (std::exchange(m_speechTried, true)) return;
    // A headless terminal has no listener: speech is synthesized but played into nothing.
    if (m_options.headless) SDL_SetHint(SDL_HINT_AUDIODRIVER, "dummy");
    auto open = moduleEntry<SpeechOpenFn>(kSpeechLibrary, kSpeechOpenSymbol);
    auto speech = open ? (*open)(platform::makeSdlAudioOut())
                       : Result<std::unique_ptr<platform::Speech>>(open.error());
    if (!speech) {
        spdlog::error("read-aloud is unavailable: {}: {}", speech.error().where,
                      speech.error().message);
        return;
    }
    m_announcer = std::make_unique<Announcer>(std::move(speech).value());
    m_announcer->setDefaultLevels({m_config.speechVolume, m_config.speechRate});
}

KioskApp::~KioskApp() {
    m_sync.reset();  // joins the sync threads before anything they wake goes away
    m_announcer.reset();
    m_textInput.reset();
    m_renderer.reset();
    if (ImGui::GetCurrentContext()) {
        ui::FontAtlas::release(*ImGui::GetIO().Fonts);
        ImGui::DestroyContext();
    }
}

void KioskApp::handleEvent(const SDL_Event& e) {
    if (e.type == SDL_QUIT) {
        m_quit = true;
        return;
    }
    if (m_syncEvent != 0 && e.type == m_syncEvent) {
        onSyncWake();
        return;
    }
    if (m_scanEvent != 0 && e.type == m_scanEvent) {
        onScanWake();
        return;
    }
    if (e.type == SDL_WINDOWEVENT && (e.window.event == SDL_WINDOWEVENT_EXPOSED ||
                                      e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)) {
        m_pendingFrames = std::max(m_pendingFrames, 1);
    }
    int w = 0, h = 0;
    m_window->size(w, h);
    // The idle show: a key or a scanner's text only wakes the terminal; a finger's tap reaches
    // the show's own tap area, never what is under it.
    if (m_state.idleShow.showing() && (e.type == SDL_KEYDOWN || e.type == SDL_TEXTINPUT)) {
        m_intents.assign(
            1, intent::Wake{});  // only this: the last frame's intents were applied already
        applyIntents(m_clock->now());
        m_intents.clear();
        m_pendingFrames = std::max(m_pendingFrames, 1);
        return;
    }
    if (!m_input.push(e, w, h)) return;
    // While the prompt or the idle show is up, only its own tap continues the session.
    if (!isPress(e) || m_session.prompting() || m_state.idleShow.showing()) return;
    m_session.touch(m_clock->now());
    if (e.type == SDL_TEXTINPUT) m_typed.push_back(intent::Type{e.text.text});
    watchWedge(e);  // a barcode scanner's burst + Enter becomes a scan, on any screen
    if (e.type == SDL_KEYDOWN && e.key.keysym.scancode == SDL_SCANCODE_BACKSPACE)
        m_typed.push_back(intent::Key{intent::Key::kBackspace});
}

void KioskApp::updateTimers(TimePoint now) {
    const bool wasPrompting = m_session.prompting();
    const int secondsBefore = m_session.secondsLeft(now);
    if (m_session.update(now)) {
        spdlog::info("session ended after {} s without a touch: wiped",
                     m_config.idleSeconds + m_config.promptSeconds);
        wipeSession();
    }
    // Publish and expiry times pass by the minute: the notices are re-read before the frame that
    // shows the new minute, so the two changes cost one frame (T3).
    const std::tm wall = m_clock->localTime();
    if (wall.tm_min != m_shownMinute) {
        m_pendingFrames = std::max(m_pendingFrames, 1);
        if (m_shownMinute >= 0) m_noticesDirty = true;
    }
    if (m_noticesDirty.exchange(false)) reloadNotices();
    updateIdleShow(now);
    updateScanner();
    if (m_session.prompting() != wasPrompting ||
        (m_session.prompting() && m_session.secondsLeft(now) != secondsBefore))
        m_pendingFrames = std::max(m_pendingFrames, 1);
}

int KioskApp::waitTimeoutMs(TimePoint now) const {
    TimePoint next = now + std::chrono::seconds(60 - std::min(59, m_clock->localTime().tm_sec));
    if (auto d = m_session.nextDeadline(now)) next = std::min(next, *d);
    if (auto d = idleShowDeadline(now)) next = std::min(next, *d);
    if (m_driver) next = std::min(next, m_driver->deadline().value_or(now));
    if (m_options.runSeconds > 0)
        next = std::min(next, m_started + std::chrono::milliseconds(
                                              static_cast<long>(m_options.runSeconds * 1000)));
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(next - now).count();
    return static_cast<int>(std::clamp<long long>(ms, 0, 60'000));
}

void KioskApp::wipeSession() {
    const Change change = wipe(m_state);
    m_receiptQr.reset();
    if (m_announcer) {
        m_announcer->stop();
        m_announcer->resetLevels();
    }
    m_session.reset();
    m_unusedSince = m_clock->now();
    m_input.clear();
    m_typed.clear();
    m_fonts->forgetGlyphs();  // the atlas shrinks back to what Home needs
    m_textInput->reset();
    if (change.largeText) m_themeDirty = true;
    m_pendingFrames = std::max(m_pendingFrames, 1);
}

void KioskApp::updateTheme() {
    m_theme = makeTheme({m_state.settings.largeText, m_config.highContrast, m_config.pxPerMm()});
    m_themeDirty = false;
    rebuildFonts();
}

void KioskApp::rebuildFonts() {
    const auto start = Clock::now();
    ImGuiIO& io = ImGui::GetIO();
    const ui::AtlasImage image = m_fonts->build(*io.Fonts, m_theme);
    m_renderer->uploadFontTexture(image.pixels, image.width, image.height);
    io.Fonts->ClearTexData();  // the GPU has it now
    m_stats.atlasMillis.push_back(millisSince(start));
    m_stats.atlasBytes = m_fonts->textureBytes();
    m_stats.atlasBytesMax = m_fonts->textureBytesMax();
    m_stats.atlasGlyphs = m_fonts->glyphCount();
}

void KioskApp::applyIntents(TimePoint now) {
    for (const Intent& intent : m_intents) {
        if (std::holds_alternative<intent::ContinueSession>(intent) ||
            std::holds_alternative<intent::Wake>(intent))
            m_session.touch(now);
        ApplyContext context{wallNow(), ""};
        if (const auto* r = std::get_if<intent::Repair>(&intent);
            r && r->kind == intent::Repair::Kind::Confirm)
            context.newClientId = newClientId();
        if (const auto* c = std::get_if<intent::Complaint>(&intent);
            c && c->kind == intent::Complaint::Kind::Confirm)
            context.newClientId = newClientId();
        if (const auto* v = std::get_if<intent::Survey>(&intent);
            v && v->kind == intent::Survey::Kind::Submit)
            context.newClientId = newClientId();
        if (applyCompose(intent, context)) continue;
        const Change change = apply(m_state, intent, context);
        if (change.screen || std::holds_alternative<intent::SetInputMethod>(intent))
            m_textInput->reset();
        if (!receiptShown()) m_receiptQr.reset();
        if (change.largeText) m_themeDirty = true;
        if (change.any()) spdlog::debug("now on {}", screenName(m_state.screen()));
    }
    runEffects();
    if (auto code = std::exchange(m_state.enrollRequest, std::nullopt)) m_sync->enroll(*code);
}

// Start-up T1: the demo survey is stored after the first frame is on screen, or sooner if a
// flow asks for the stores.
Result<bool> KioskApp::openFlowStores() {
    if (m_effects) return true;
    if (auto surveys = seedSurveys(); !surveys) return surveys.error();
    m_effects.emplace(EffectRunner::Stores{m_db->tickets(), m_db->surveys(), m_db->notices()});
    return true;
}

void KioskApp::openFlowStoresOrQuit() {
    if (auto opened = openFlowStores(); !opened) {
        spdlog::critical("{}: {}", opened.error().where, opened.error().message);
        m_exitCode = 2;
        m_quit = true;
    }
}

// The flows' I/O, between UI passes: local SQLite only, never the network.
void KioskApp::runEffects() {
    if (m_state.effects.empty()) return;
    openFlowStoresOrQuit();
    if (!m_effects) return;
    const EffectRunner::Outcome outcome = m_effects->run(m_state, wallNow());
    if (outcome.committed) m_sync->wake();  // committed: the engine sends it now
    if (outcome.receiptCode) {
        auto qr = platform::encodeQr(m_config.site.ticketUrl + *outcome.receiptCode);
        if (qr) m_receiptQr = std::move(qr).value();
        else spdlog::warn("receipt QR: {}", qr.error().message);
    }
}

bool KioskApp::receiptShown() const {
    for (const Flow* f : m_state.openFlows())
        if (f->receipt()) return true;
    return false;
}

std::int64_t KioskApp::wallNow() const {
    std::tm wall = m_clock->localTime();
    return static_cast<std::int64_t>(std::mktime(&wall));
}

void KioskApp::drawFrame(const std::string* shotName) {
    ImGuiIO& io = ImGui::GetIO();
    int width = 0, height = 0;
    m_window->size(width, height);
    const TimePoint now = m_clock->now();
    io.DeltaTime = std::max(1e-4f, std::chrono::duration<float>(now - m_lastFrame).count());
    m_lastFrame = now;
    io.DisplaySize = ImVec2(float(width), float(height));
    m_input.applyNext(io);
    m_tapped.clear();
    if (!m_typed.empty()) {
        m_intents = std::exchange(m_typed, {});
        applyIntents(now);
    }

    const std::tm wall = m_clock->localTime();
    m_shownMinute = wall.tm_min;
    // A pass that changed state or met new characters is drawn again before anything is shown,
    // so a tap's effect is on the very next frame and no glyph is ever missing on screen.
    for (int pass = 0; pass < 4; ++pass) {
        if (m_themeDirty) updateTheme();
        else if (m_fonts->needsRebuild()) rebuildFonts();

        const KioskView view = makeView(now, wall);
        const ui::Ui ui{m_theme,   m_text.catalog(m_state.settings.language),
                        *m_fonts,  m_widgets,
                        m_intents, m_tapped};
        const auto start = Clock::now();
        ImGui::NewFrame();
        m_widgets.beginFrame();
        m_intents.clear();
        if (std::exchange(m_faultNextFrame, false)) {
            ImGui::Begin("fault");  // a screen that fails halfway through its window
            throw std::runtime_error("the script's fault: a frame that throws");
        }
        m_frame.draw(ui, view, float(width), float(height));
        ImGui::Render();
        m_stats.uiMicros[std::string(screenName(m_state.screen()))].push_back(millisSince(start) *
                                                                              1000);
        ++m_stats.passes;

        const bool acted = !m_intents.empty();
        applyIntents(now);
        if (!acted && !m_themeDirty && !m_fonts->needsRebuild()) break;
        io.DeltaTime = 1e-4f;
    }

    readAloud(makeView(now, wall));
    m_renderer->render(ImGui::GetDrawData(), width, height);
    if (shotName) {
        const std::string base = m_options.screenshotDir + "/" + *shotName;
        if (auto r = m_renderer->writePng(base + ".png", width, height); !r)
            spdlog::error("{}: {}", r.error().where, r.error().message);
        writeShotInfo(base + ".json");
    }
    m_window->swap();
    if (++m_stats.framesPresented == 1)
        m_stats.firstFrameSeconds = millisSince(m_started) / 1000;
    m_pendingFrames = std::max(0, m_pendingFrames - 1);
}

void KioskApp::guardedFrame(const std::string* shotName) {
    try {
        drawFrame(shotName);
    } catch (const std::exception& e) {
        recoverFromFault(e.what());
    } catch (...) {
        recoverFromFault("an unknown exception");
    }
}

void KioskApp::recoverFromFault(const char* what) {
    ++m_stats.frameFaults;
    spdlog::error("a frame on {} failed: {}; the session is dropped and Home shows",
                  screenName(m_state.screen()), what);
    // Close what the failed frame left open in ImGui, so the next frame starts clean.
    if (ImGui::GetCurrentContext() && ImGui::GetCurrentContext()->WithinFrameScope) {
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ImGui::EndFrame();
    }
    m_intents.clear();
    wipeSession();
}

KioskView KioskApp::makeView(TimePoint now, const std::tm& wall) const {
    const Language lang = m_state.settings.language;
    return KioskView{m_state,
                     m_config.site,
                     formatDate(wall, lang),
                     formatTime(wall),
                     m_syncView,
                     m_session.prompting(),
                     m_session.secondsLeft(now),
                     wallNow(),
                     receiptShown() && m_receiptQr ? &*m_receiptQr : nullptr,
                     m_scan ? &m_scan->view() : nullptr, &m_textInput->view()};
}

int KioskApp::run() {
    while (!m_quit) {
        TimePoint now = m_clock->now();
        const bool settled = m_pendingFrames == 0 && m_input.empty();
        SDL_Event event;
        if (settled && SDL_WaitEventTimeout(&event, waitTimeoutMs(now))) handleEvent(event);
        while (SDL_PollEvent(&event)) handleEvent(event);

        now = m_clock->now();
        updateTimers(now);
        if (m_pendingFrames > 0 || !m_input.empty()) guardedFrame(nullptr);
        if (m_stats.framesPresented > 0 && !m_options.exitAfterFirstFrame) {
            if (!m_effects) openFlowStoresOrQuit();
            startSpeech();
            m_textInput->warmUp();
        }

        if (m_options.exitAfterFirstFrame && m_stats.framesPresented > 0) m_quit = true;
        if (m_options.runSeconds > 0 && millisSince(m_started) >= m_options.runSeconds * 1000)
            m_quit = true;
        if (m_driver && !m_quit && m_pendingFrames == 0 && m_input.empty() &&
            !SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT))
            runDriver(m_clock->now());
    }
    m_stats.imeKeyMillis = m_textInput->keyMillis();
    m_stats.inkStrokeMillis = m_textInput->strokeMillis();
    if (m_options.statsPath) {
        if (auto r = m_stats.write(*m_options.statsPath); !r)
            spdlog::error("{}", r.error().message);
    }
    return m_exitCode;
}

}  // namespace homedesk::app
