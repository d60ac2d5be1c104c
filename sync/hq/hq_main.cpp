// homedesk-hq: the head-office service and its set-up commands, as CLI11 subcommands.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "sync/hq/cli_codes.hpp"
#include "sync/hq/cli_commands.hpp"

using namespace homedesk::hq;

int main(int argc, char** argv) {
    CLI::App app{"HomeDesk head office: HTTPS API for terminals and set-up commands"};
    app.require_subcommand(1);
    app.fallthrough();
    app.set_config("--config", "", "TOML file with the same option names (db, host, port, ...)");
    std::string db = "homedesk-hq.db";
    app.add_option("--db", db, "SQLite database file")->envname("HOMEDESK_HQ_DB");
    bool verbose = false;
    app.add_flag("-v,--verbose", verbose, "log every request (path and status only)");

    int rc = 0;
    auto* serve = app.add_subcommand("serve", "serve the terminals' API over HTTPS");
    ServerOptions options;
    serve->add_option("--host", options.host, "address to listen on")->capture_default_str();
    serve->add_option("--port", options.port, "port")->capture_default_str();
    serve->add_option("--cert", options.cert_file, "PEM certificate chain")->required();
    serve->add_option("--key", options.key_file, "PEM private key")->required();
    serve->add_option("--threads", options.threads,
                      "worker threads for requests that touch the database (not one per "
                      "connection: long-polls and slow clients hold none)")
        ->capture_default_str();
    serve->add_option("--io-threads", options.io_threads, "threads for TLS and HTTP")
        ->capture_default_str();
    cli::ServeOptions serveExtra;
    serve->add_option("--keep-alive", serveExtra.keepAlive,
                      "seconds an idle connection is kept for its next request (default: "
                      "[server] idle_timeout_s, 30)");
    serve->add_option("--console-dir", serveExtra.consoleDir,
                      "the staff console's files (default: share/homedesk-hq/console next to "
                      "the program)");
    serve->callback([&] {
        spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::info);
        if (auto* config = app.get_config_ptr(); config && config->count() > 0)
            serveExtra.config = config->as<std::string>();
        rc = cli::serve(db, options, serveExtra);
    });

    auto* community =
        app.add_subcommand("community", "communities (estates)")->require_subcommand(1);
    std::string name, communityId, buildingId, id;
    auto* communityAdd = community->add_subcommand("add", "add a community; prints its id");
    communityAdd->add_option("--name", name)->required();
    communityAdd->callback([&] { rc = cli::communityAdd(db, name); });

    auto* building = app.add_subcommand("building", "buildings")->require_subcommand(1);
    auto* buildingAdd = building->add_subcommand("add", "add a building; prints its id");
    buildingAdd->add_option("--community", communityId)->required();
    buildingAdd->add_option("--name", name)->required();
    buildingAdd->callback([&] { rc = cli::buildingAdd(db, communityId, name); });

    auto* enroll =
        app.add_subcommand("enroll-code", "one-time enrollment codes")->require_subcommand(1);
    auto* enrollCreate = enroll->add_subcommand(
        "create", "prints the code, and with --hq-url also its signed QR token");
    double hours = 24;
    std::string hqUrl;
    enrollCreate->add_option("--community", communityId)->required();
    enrollCreate->add_option("--building", buildingId);
    enrollCreate->add_option("--hours", hours, "valid for")->capture_default_str();
    enrollCreate->add_option("--hq-url", hqUrl, "head office URL to put in the QR token");
    enrollCreate->callback([&] {
        rc = cli::enrollCodeCreate(db, communityId,
                                   buildingId.empty() ? std::nullopt : std::optional(buildingId),
                                   hours, hqUrl);
    });

    auto* terminal = app.add_subcommand("terminal", "enrolled terminals")->require_subcommand(1);
    terminal->add_subcommand("list", "list terminals")->callback([&] {
        rc = cli::terminalList(db);
    });
    auto* revoke = terminal->add_subcommand("revoke", "refuse a terminal's credential from now on");
    revoke->add_option("--id", id)->required();
    revoke->callback([&] { rc = cli::terminalRevoke(db, id); });

    auto* staff = app.add_subcommand("staff", "staff accounts")->require_subcommand(1);
    auto* staffAdd = staff->add_subcommand(
        "add", "add a console account; the password is read from stdin (asked twice, unechoed, "
               "at a terminal)");
    cli::StaffOptions staffOptions;
    staffAdd->add_option("--username", staffOptions.username)->required();
    staffAdd->add_option("--role", staffOptions.role,
                         "admin, desk, technician, notice_editor, viewer")
        ->capture_default_str();
    staffAdd->add_option("--communities", staffOptions.communities,
                         "community ids it may see, c1,c2, or * for all")
        ->required();
    staffAdd->add_option("--name", staffOptions.name, "display name, e.g. 张三");
    staffAdd->callback([&] { rc = cli::staffAdd(db, staffOptions); });
    staff->add_subcommand("list", "accounts (tab-separated)")->callback([&] {
        rc = cli::staffList(db);
    });
    auto* staffDisable =
        staff->add_subcommand("disable", "disable an account and end its sessions");
    std::string username;
    staffDisable->add_option("--username", username)->required();
    staffDisable->callback([&] { rc = cli::staffDisable(db, username); });

    auto* notice = app.add_subcommand("notice", "notices")->require_subcommand(1);
    auto* publish = notice->add_subcommand(
        "publish", "publish now; prints the notice id (with --file: id, what happened, file id)");
    cli::NoticeOptions n;
    auto* titleOption = publish->add_option("--title", n.title, "Chinese title");
    publish->add_option("--body", n.body, "Chinese text");
    publish->add_option("--title-en", n.title_en, "English title (optional)");
    publish->add_option("--body-en", n.body_en, "English text (needs --title-en)");
    publish->add_option("--file", n.file,
                        "publish every notice of a JSON file in the feed's shape "
                        "(assets/demo/notices.json); again = no change")
        ->excludes(titleOption);
    publish->add_option("--category", n.category, "outage, finance, event, general")
        ->capture_default_str();
    publish->add_option("--target", n.targets, "all | community:ID | building:ID | terminal:ID")
        ->required();
    publish->add_flag("--emergency", n.emergency);
    publish->add_flag("--pinned", n.pinned);
    publish->add_option("--expires-in-hours", n.expires_in_hours);
    publish->callback([&] { rc = cli::noticePublish(db, n); });
    auto* retract = notice->add_subcommand("retract", "retract a notice everywhere");
    retract->add_option("--id", id)->required();
    retract->callback([&] { rc = cli::noticeRetract(db, id); });

    auto* ticket = app.add_subcommand("ticket", "tickets")->require_subcommand(1);
    auto* status = ticket->add_subcommand("status", "move a ticket to a new status");
    std::string number, state, note;
    status->add_option("--number", number)->required();
    status->add_option("--status", state)->required();
    status->add_option("--note", note, "shown to the resident");
    status->callback([&] { rc = cli::ticketStatus(db, number, state, note); });
    auto* list = ticket->add_subcommand("list", "tickets, newest first (tab-separated)");
    bool openOnly = false;
    list->add_flag("--open", openOnly, "only those not yet resolved");
    list->callback([&] { rc = cli::ticketList(db, openOnly); });

    auto* key = app.add_subcommand("signing-key", "the QR signing key")->require_subcommand(1);
    key->add_subcommand("show", "print the public key")->callback([&] {
        rc = cli::signingKeyShow(db);
    });
    key->add_subcommand("rotate", "make a new key (terminals get it with their next config)")
        ->callback([&] { rc = cli::signingKeyRotate(db); });

    // Codes for the terminals to scan (cli_codes.cpp).
    auto* codes = app.add_subcommand("codes", "location stickers, household cards, staff badges")
                      ->require_subcommand(1);
    auto* issue = codes->add_subcommand(
        "issue", "issue one code (a staff badge's PIN from stdin); prints its token");
    CodeRequest codeRequest;
    std::string codeKind = "location", codeHtml, sheetFile;
    issue->add_option("--kind", codeKind, "location, household or badge")
        ->check(CLI::IsMember({"location", "household", "badge"}));
    issue->add_option("--community", codeRequest.community, "community id")->required();
    issue->add_option("--building", codeRequest.building, "building id");
    issue->add_option("--unit", codeRequest.unit, "household: the unit, e.g. 2-301");
    issue->add_option("--place", codeRequest.place, "location: the place id");
    issue->add_option("--asset", codeRequest.asset, "location: an asset tag");
    issue->add_option("--staff", codeRequest.staffId, "badge: staff id");
    issue->add_option("--name", codeRequest.name, "badge: the name shown");
    issue->add_option("--label", codeRequest.label, "printed under the code");
    issue->add_option("--days", codeRequest.days, "valid for this many days (default 365)");
    issue->add_option("--html", codeHtml, "also write a printable page here");
    issue->callback([&] {
        codeRequest.kind = codeKind == "household" ? CodeRequest::Kind::Household
                           : codeKind == "badge"   ? CodeRequest::Kind::StaffBadge
                                                   : CodeRequest::Kind::Location;
        rc = cli::codesIssue(db, codeRequest, codeHtml);
    });
    auto* sheet =
        codes->add_subcommand("sheet", "a printable page of stickers and cards from a TSV file");
    double sheetDays = 365;
    sheet
        ->add_option("file", sheetFile,
                     "kind<TAB>community<TAB>building<TAB>unit-or-place<TAB>label")
        ->required();
    sheet->add_option("--html", codeHtml, "the page to write")->required();
    sheet->add_option("--days", sheetDays, "valid for this many days");
    sheet->callback([&] { rc = cli::codesSheet(db, sheetFile, codeHtml, sheetDays); });

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    spdlog::set_level(verbose ? spdlog::level::debug : spdlog::level::info);
    return rc;
}
