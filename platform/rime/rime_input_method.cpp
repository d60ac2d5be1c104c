#include "platform/rime/rime_input_method.hpp"

#include <rime_api.h>

#include <filesystem>
#include <mutex>

namespace homedesk::platform {

namespace {
constexpr int kBackSpace = 0xff08;  // X11 keysym, what librime expects
constexpr const char* kSchema = "luna_pinyin_simp";

// librime is one engine per process: set up once (its logging may be set up only once), and
// started while any adapter lives.
std::mutex g_mutex;
int g_users = 0;

bool startEngine(const RimeFolders& folders) {
    std::lock_guard lock(g_mutex);
    if (g_users > 0) {
        ++g_users;
        return true;
    }
    static std::once_flag setUp;
    std::call_once(setUp, [&] {
        static std::string shared, user, staging, prebuilt;
        shared = folders.shared;
        prebuilt = folders.shared + "/build";
        user = folders.deployed;
        staging = folders.deployed + "/build";
        RIME_STRUCT(RimeTraits, traits);
        traits.shared_data_dir = shared.c_str();
        traits.user_data_dir = user.c_str();
        traits.prebuilt_data_dir = prebuilt.c_str();
        traits.staging_dir = staging.c_str();
        traits.distribution_name = "HomeDesk";
        traits.distribution_code_name = "homedesk";
        traits.distribution_version = "1";
        traits.app_name = "rime.homedesk";
        traits.min_log_level = 2;  // errors only
        traits.log_dir = "";       // to stderr, never files
        RimeSetup(&traits);
    });
    RimeInitialize(nullptr);
    ++g_users;
    return true;
}

void stopEngine() {
    std::lock_guard lock(g_mutex);
    if (--g_users == 0) RimeFinalize();
}
}  // namespace

Result<std::unique_ptr<RimeInputMethod>> RimeInputMethod::create(const RimeFolders& folders) {
    const std::string schema = folders.deployed + "/build/" + kSchema + ".schema.yaml";
    if (!std::filesystem::exists(schema))
        return ioError(schema, "the pinyin schema is not deployed (the build deploys it)");
    startEngine(folders);
    std::unique_ptr<RimeInputMethod> im(new RimeInputMethod());
    im->m_session = RimeCreateSession();
    if (!im->m_session) return ioError(folders.deployed, "librime could not start a session");
    if (!RimeSelectSchema(im->m_session, kSchema))
        return ioError(schema, "librime could not load the schema");
    RimeSetOption(im->m_session, "zh_simp", True);
    return im;
}

RimeInputMethod::~RimeInputMethod() {
    if (m_session) RimeDestroySession(m_session);
    stopEngine();
}

std::string RimeInputMethod::takeCommit() {
    RIME_STRUCT(RimeCommit, commit);
    std::string text;
    if (RimeGetCommit(m_session, &commit)) {
        if (commit.text) text = commit.text;
        RimeFreeCommit(&commit);
    }
    return text;
}

std::string RimeInputMethod::key(char letter) {
    if (m_latin) return std::string(1, letter);
    const bool pinyin = (letter >= 'a' && letter <= 'z') || letter == '\'';
    if (!pinyin) return {};
    RimeProcessKey(m_session, letter, 0);
    return takeCommit();
}

bool RimeInputMethod::backspace() {
    if (preedit().empty()) return false;
    RimeProcessKey(m_session, kBackSpace, 0);
    return true;
}

void RimeInputMethod::clear() { RimeClearComposition(m_session); }

std::string RimeInputMethod::select(std::size_t index) {
    if (!rime_get_api()->select_candidate(m_session, index)) return {};
    return takeCommit();
}

std::string RimeInputMethod::preedit() const {
    RIME_STRUCT(RimeContext, context);
    std::string text;
    if (RimeGetContext(m_session, &context)) {
        if (context.composition.preedit) text = context.composition.preedit;
        RimeFreeContext(&context);
    }
    return text;
}

std::vector<std::string> RimeInputMethod::candidates(std::size_t first, std::size_t count) const {
    std::vector<std::string> out;
    RimeCandidateListIterator it = {};
    if (!RimeCandidateListFromIndex(m_session, &it, static_cast<int>(first))) return out;
    while (out.size() < count && RimeCandidateListNext(&it)) out.emplace_back(it.candidate.text);
    RimeCandidateListEnd(&it);
    return out;
}

void RimeInputMethod::setLatin(bool latin) {
    if (latin) clear();
    RimeSetOption(m_session, "ascii_mode", latin ? True : False);
    m_latin = latin;
}

}  // namespace homedesk::platform
