// Files that hold keys or personal data: owner-only from the moment they exist (folders 0700,
// files 0600), and an existing file that someone widened is narrowed again before it is used.
#pragma once

#include <string>

#include "base/result.hpp"

namespace homedesk {

// Creates the folder and any missing parents with mode 0700. Existing parents are left as they
// are (a data folder may sit under /var/lib); an existing `path` itself is narrowed to 0700 when
// `narrowExisting` (a folder that is ours alone, such as the terminal's data folder).
Status makePrivateFolder(const std::string& path, bool narrowExisting = false);

// Makes sure `path` exists as a regular file of mode 0600 in a private folder: created empty
// with 0600 when missing (never through a symlink), narrowed to 0600 when it exists wider.
// SQLite then creates its -wal and -shm files with the database file's mode.
Status makePrivateFile(const std::string& path);

// Reads a small secret file, or creates it with `fresh` (0600 from its first byte, written to a
// temporary name, fsynced and renamed, so a crash never leaves half a key).
Result<std::string> readOrCreateSecret(const std::string& path, const std::string& fresh);

// Replaces the secret at `path` with `value` the same safe way; the old one is kept beside it as
// `<path>.previous` (0600) for whoever must still read what it protected.
Status replaceSecret(const std::string& path, const std::string& value);

}  // namespace homedesk
