#!/usr/bin/env bash
# Sets up this Debian 12 machine, builds HomeDesk and runs the terminal. With a display it opens
# a window; without one it runs headless through a scripted tour of every screen, in both
# orientations, and writes the screenshots to demo-screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default

homedesk=./build/kiosk/app/homedesk
config=deploy/homedesk.example.toml

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$homedesk" --config "$config" --windowed --data build/demo-data/windowed "$@"
fi

out=demo-screenshots
data=build/demo-data   # the demo's own database, fresh each run
rm -rf "$out" "$data"
for orientation in portrait landscape; do
  # Short idle times so the tour also shows the "still there?" prompt and the wipe.
  "$homedesk" --config "$config" --headless --orientation "$orientation" \
    --idle-seconds 3 --prompt-seconds 5 --fixed-time "2026-11-23 09:30" \
    --script deploy/tour/tour.script --screenshots "$out/$orientation" --data "$data/$orientation"
  # One script per flow (deploy/tour/flows/<flow>.script), each walking its screens in both
  # languages and in large text; shot names start with the flow's name.
  for script in deploy/tour/flows/*.script; do
    [ -e "$script" ] || continue
    "$homedesk" --config "$config" --headless --orientation "$orientation" \
      --fixed-time "2026-11-23 09:30" --script "$script" --screenshots "$out/$orientation" \
      --data "$data/$orientation-$(basename "$script" .script)"
  done
  # The idle show: the emergency takeover while the demo's outage notice is in force, and the
  # attract loop of the other notices after it expired (the screenshots get the date in their name).
  for day in 2026-11-23 2026-11-26; do
    "$homedesk" --config "$config" --headless --orientation "$orientation" --attract-seconds 2 \
      --fixed-time "$day 09:30" --script deploy/tour/notices-idle.script --screenshots "$out/$orientation/$day" \
      --data "$data/$orientation-idle-$day"
  done
done
"$homedesk" --config "$config" --headless --high-contrast --fixed-time "2026-11-23 09:30" \
  --script deploy/tour/high-contrast.script --screenshots "$out/high-contrast" --data "$data/high-contrast"
echo
echo "No display here, so the terminal ran headless. Screenshots of the tour:"
echo "  $(pwd)/$out/{portrait,landscape,high-contrast}/*.png"
