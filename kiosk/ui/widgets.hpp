// The kiosk's few widgets, drawn from the theme: text and paragraphs with proper line spacing,
// big buttons, toggles and Home tiles. Every tappable widget registers its id and rectangle.
#pragma once

#include <string_view>

#include "kiosk/core/qr_modules.hpp"
#include "kiosk/ui/ui.hpp"

namespace homedesk::ui {

enum class Align { Left, Center, Right };

unsigned toU32(Color c);

// Width of one line of `text` in `role`'s font.
float textWidth(const Ui& ui, FontRole role, std::string_view text);
float fontSize(const Ui& ui, FontRole role);
float lineHeight(const Ui& ui, FontRole role);

// One line at `x, y` (top-left), aligned within `width` when width > 0.
void drawText(const Ui& ui, FontRole role, std::string_view text, float x, float y, Color color,
              Align align = Align::Left, float width = 0);

// Wrapped text inside `box`; returns the height used.
float drawParagraph(const Ui& ui, FontRole role, std::string_view text, Rect box, Color color,
                    Align align = Align::Left);
// The height a paragraph would take at `width`.
float paragraphHeight(const Ui& ui, FontRole role, std::string_view text, float width);

// A filled, rounded rectangle behind text (a message, an entry).
void panel(const Ui& ui, Rect rect, Color color);

// A QR code with its quiet zone, dark on white whatever the theme (phones need that).
void qrCode(const Ui& ui, const QrModules& qr, Rect square);

// An invisible tappable area (registered like every other target); returns true when tapped.
bool tapArea(const Ui& ui, std::string_view id, std::string_view label, Rect rect);

// Primary: filled; Secondary: outlined; On: the filled colour of a toggle that is on.
enum class ButtonStyle { Primary, Secondary, On };

// A big button with a centred label; returns true when tapped (released inside).
bool button(const Ui& ui, std::string_view id, std::string_view label, Rect rect,
            ButtonStyle style = ButtonStyle::Primary, FontRole role = FontRole::Strong);

enum class Icon { Repair, Complaint, Survey, Notices, Track, Scan };

// The largest type a tile's title fits in at this size: Display, then Title, then Strong.
FontRole tileTitleRole(const Ui& ui, std::string_view title, Rect rect);

// A Home tile: icon, title in `titleRole` (the same for a row of tiles) and a hint if it fits.
bool tile(const Ui& ui, std::string_view id, std::string_view title, std::string_view hint,
          Icon icon, Color fill, Rect rect, FontRole titleRole);

}  // namespace homedesk::ui
