// What the terminal got when it enrolled with the head office: its id and the bearer credential,
// kept in the data folder as headoffice.json (mode 0600, written atomically), never in the
// configuration file. A file that group or others may read is refused, like the phone key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/result.hpp"

namespace homedesk::app {

struct Enrollment {
    std::string hqUrl;  // the head office it enrolled with; another URL in the config needs a new
                        // enrollment
    std::string terminalId;
    std::string credential;
    std::string communityId;
    std::string communityName;
    std::string signingPublicKey;
    std::int64_t enrolledAt = 0;
};

std::string enrollmentPath(const std::string& dataDir);

// Nothing when the terminal has not enrolled yet.
Result<std::optional<Enrollment>> readEnrollment(const std::string& dataDir);
// Replaces the file atomically (temporary file, fsync, rename, fsync of the folder).
Result<bool> writeEnrollment(const std::string& dataDir, const Enrollment& enrollment);

}  // namespace homedesk::app
