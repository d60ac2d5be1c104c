// What `homedesk-hq` does besides serving: set-up commands an installer runs against the
// database file. Each prints its result on stdout and returns a process exit code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sync/hq/http_server.hpp"

namespace homedesk::hq::cli {

struct NoticeOptions {
    std::string title;
    std::string body;
    std::string title_en;  // English translation, optional
    std::string body_en;
    // A JSON file in the notice feed's shape (assets/demo/notices.json): every notice in it is
    // published (text, English, category, flags, publish and expiry times from the file) to
    // `targets`. Keyed by the file's notice ids, so running it again changes nothing, and a
    // changed notice becomes a revision.
    std::string file;
    std::string category = "general";
    std::vector<std::string> targets;  // "all", "community:c1", "building:b2", "terminal:t.."
    bool emergency = false;
    bool pinned = false;
    double expires_in_hours = 0;  // 0: no expiry
};

int communityAdd(const std::string& db, const std::string& name);
int buildingAdd(const std::string& db, const std::string& community, const std::string& name);
int enrollCodeCreate(const std::string& db, const std::string& community,
                     const std::optional<std::string>& building, double hours,
                     const std::string& hqUrl);
int terminalList(const std::string& db);
int terminalRevoke(const std::string& db, const std::string& id);
struct StaffOptions {
    std::string username;
    std::string role = "viewer";
    std::string communities;  // "c1,c2" or "*"
    std::string name;
};

// The password comes from stdin: typed twice without echo at a terminal, else one line.
int staffAdd(const std::string& db, const StaffOptions& options);
// username, role, communities, name, state (active / disabled / locked); by username.
int staffList(const std::string& db);
int staffDisable(const std::string& db, const std::string& username);
int noticePublish(const std::string& db, const NoticeOptions& options);
int noticeRetract(const std::string& db, const std::string& id);
// number, kind, status, due (UTC, "-" when none), follows ("-"), note; newest first.
int ticketList(const std::string& db, bool openOnly);
int ticketStatus(const std::string& db, const std::string& number, const std::string& status,
                 const std::string& note);
int signingKeyShow(const std::string& db);
// A new signing key file; the old one kept as `.previous`. Prints the new public key.
int signingKeyRotate(const std::string& db);
struct ServeOptions {
    std::string config;      // the --config TOML file ([sla], [console]); empty: defaults
    std::string consoleDir;  // --console-dir; empty: [console] dir, else next to the program
    int keepAlive = 0;       // --keep-alive; 0: [server] idle_timeout_s
};

int serve(const std::string& db, const ServerOptions& options, const ServeOptions& extra);

}  // namespace homedesk::hq::cli
