// Notice previews drawn by the real terminal (docs/console.md, Notices): the notice is written as
// the terminal's own notice feed file, and `homedesk --headless` opens it in each variant and
// takes a screenshot, so staff see exactly what residents will. Previews are kept in a 0700
// folder for an hour.
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "sync/protocol/notice.hpp"

namespace homedesk::hq {

struct PreviewOptions {
    std::string terminalBinary;  // the `homedesk` program
    std::string assetsDir;       // its assets; empty: the terminal's default
    std::string workDir;         // created 0700; one folder per preview under it
    std::chrono::milliseconds timeout{30000};  // per variant
    std::int64_t keepSeconds = 3600;
};

// "portrait-normal", "portrait-large", "landscape-normal", "landscape-large", and with an
// English translation "portrait-large-en".
struct PreviewImage {
    std::string variant;
    std::string file;  // PNG path
};

struct PreviewSet {
    std::string id;  // 32 hex characters
    std::vector<PreviewImage> images;
};

class NoticePreviewer {
public:
    explicit NoticePreviewer(PreviewOptions options);

    // Draws `notice` as it will look at max(publish_at, now). Blocks for a few seconds.
    Result<PreviewSet> render(const protocol::Notice& notice, std::int64_t now);
    // The PNG file of one image of a preview made earlier, if it is still kept.
    std::optional<std::string> imageFile(const std::string& setId,
                                         const std::string& variant) const;

    static const std::vector<std::string>& variants(bool withEnglish);

private:
    Result<bool> renderVariant(const std::string& dir, const std::string& feedFile,
                               const std::string& variant, const std::string& shownAt);
    void dropOld(std::int64_t now);

    PreviewOptions m_options;
    std::mutex m_mutex;  // one preview at a time: each variant is a whole terminal on 2 cores
};

}  // namespace homedesk::hq
