// The replay guard kept on disk: the ids of single-use codes already scanned, one line each
// ("<id> <expires_at>"), so a restart does not forget them. The file is 0600 from creation.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "base/result.hpp"
#include "sync/protocol/replay_guard.hpp"

namespace homedesk::protocol {

class ReplayFile {
public:
    // Opens (or creates) the file and loads the ids that are still unexpired at `now`.
    static Result<std::unique_ptr<ReplayFile>> open(const std::string& path, std::int64_t now,
                                                    std::size_t capacity = 10000);

    // As ReplayGuard::use; a First is on disk (flushed) before it is returned. If the file
    // cannot be written the id is refused (Full): a code the guard cannot remember does not pass.
    ReplayGuard::Outcome use(const std::string& id, std::int64_t expiresAt, std::int64_t now);
    std::size_t size() const { return m_guard.size(); }

private:
  ReplayFile(std::string path, std::size_t capacity) : m_path(std::move(path)), m_guard(capacity) {}
  bool append(const std::string& id, std::int64_t expiresAt);

  std::string m_path;
  ReplayGuard m_guard;
  std::mutex m_fileMutex;
};

}  // namespace homedesk::protocol
