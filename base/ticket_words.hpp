// The words tickets are stored and sent with: one table each for the terminal's core, its store
// and the sync protocol (the head office keeps its own). Stable on disk and on the wire: never
// renamed, only added to. Indexed by the enums' order, which every user static_asserts.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace homedesk::words {

// 已提交 → 已受理 → 已派单 → 处理中 → 已完成 → 已回访
inline constexpr std::string_view kTicketStatus[] = {"submitted",   "accepted", "dispatched",
                                                     "in_progress", "resolved", "callback_done"};
inline constexpr std::string_view kTicketKind[] = {"repair", "complaint"};
inline constexpr std::string_view kUrgency[] = {"urgent", "normal"};
inline constexpr std::string_view kRepairCategory[] = {
    "water_electric", "doors_windows", "elevator", "lighting", "pipes", "gas", "other"};
inline constexpr std::string_view kComplaintCategory[] = {"service",    "environment", "security",
                                                          "facilities", "fees",        "neighbours",
                                                          "suggestion", "other"};

// The word of an enum value (by its position in the table); "unknown" past the end.
template <typename E, std::size_t N>
constexpr std::string_view wordOf(const std::string_view (&table)[N], E value) {
    const auto i = static_cast<std::size_t>(value);
    return i < N ? table[i] : std::string_view("unknown");
}

// The enum value of a word; none for a word the table does not hold.
template <typename E, std::size_t N>
constexpr std::optional<E> valueOf(const std::string_view (&table)[N], std::string_view word) {
    for (std::size_t i = 0; i < N; ++i)
        if (table[i] == word) return static_cast<E>(i);
    return std::nullopt;
}

}  // namespace homedesk::words
