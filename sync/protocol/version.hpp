// The wire contract's version log and the cursors a terminal must store between runs.
// The contract itself is docs/protocol.md and sync/protocol/openapi.yaml; keep all three in step.
#pragma once

#include <cstdint>
#include <string_view>

namespace homedesk::protocol {

// Version history (bump kProtocolVersion and add a line for every change a peer can notice):
//   1  2026-11  first contract: /api/v1 enroll, submissions (batch, idempotent by client_id),
//               notices?since&wait (long-poll, retractions as changes), tickets/status?since,
//               config, heartbeat; QR tokens "HD1.<kind>.<body>.<sig>" signed with Ed25519.
//   1.1 2026-11 Notice gains optional `title_en` / `body_en` (English translation; absent or
//               empty = none; body_en needs title_en; retractions carry none). A compatible
//               minor change: every decoder ignores unknown fields, so a 1.0 terminal shows the
//               Chinese text of a 1.1 feed, and a 1.1 terminal reads a 1.0 feed as "no English".
//               The header and the path stay at 1 (kProtocolVersion counts breaking changes).
inline constexpr int kProtocolVersion = 1;
inline constexpr int kProtocolMinor = 1;  // additive changes within kProtocolVersion
inline constexpr std::string_view kApiPrefix = "/api/v1";
inline constexpr std::string_view kQrTokenPrefix = "HD1";

// Sent by the terminal on every request; the head office answers 400 version_unsupported to a
// version it does not speak.
inline constexpr std::string_view kVersionHeader = "X-HomeDesk-Protocol";

// What a terminal must keep durably (it resumes from them after a restart):
//   credential       from POST /enroll; the only secret; revoked -> 401, enroll again
//   notices cursor   NoticeFeed::cursor of the last page it applied, opaque
//   tickets cursor   TicketStatusFeed::cursor of the last page it applied, opaque
//   config version   TerminalConfig::config_version it last applied
// Cursors are applied only after the page they end is stored: a crash replays a page, never
// skips one (every change carries enough to be applied twice).

// Limits both ends enforce (the head office answers 413 / 400 beyond them).
inline constexpr std::size_t kMaxRequestBytes = 1024 * 1024;
inline constexpr std::size_t kMaxBatchItems = 100;
inline constexpr std::size_t kMaxPayloadBytes = 16 * 1024;
inline constexpr int kMaxWaitSeconds = 30;
inline constexpr int kMaxFeedPage = 200;
inline constexpr int kMaxJsonDepth = 32;
// Values (objects, arrays, scalars) in one message: a full batch of 100 rich submissions has a
// few thousand; 1 MiB of "[{},{},...]" would be half a million nodes of tree.
inline constexpr std::size_t kMaxJsonElements = 50000;

}  // namespace homedesk::protocol
