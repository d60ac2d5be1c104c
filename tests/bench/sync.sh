#!/usr/bin/env bash
# The sync benchmark command: builds homedesk-hq and the simulator and prints quality.md's
# S1-S3 (see BENCHMARKS.md, "Sync (S1-S3, R2)"). Arguments go to homedesk-sync-bench
# (--terminals, --window, --outage, ...); `--quick` runs a small fleet in about a minute.
# HOMEDESK_BENCH_BUILD_DIR builds elsewhere than the default preset's build/.
set -euo pipefail
cd "$(dirname "$0")/../.."

build=${HOMEDESK_BENCH_BUILD_DIR:-build}
if [ "$build" = build ]; then
  cmake --preset default >/dev/null
else
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target homedesk-sync-bench homedesk-r2

args=("$@")
if [ "${1:-}" = --quick ]; then
  args=(--terminals 100 --notices 3 --window 30 --drain 2000 --outage 10 "${@:2}")
fi
mkdir -p bench-out
"$build/tests/bench/homedesk-sync-bench" "${args[@]}" | tee bench-out/sync-latest.txt
