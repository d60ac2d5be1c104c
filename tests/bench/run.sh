#!/usr/bin/env bash
# The benchmark command: installs what the benchmarks need (Chromium included), builds the
# terminal and the benchmarks, and prints quality.md's T1-T4 and T7 (see BENCHMARKS.md).
# Arguments go to homedesk-bench (--quick for a one-minute run and fewer T7 commits). HOMEDESK_BENCH_BUILD_DIR builds elsewhere
# than the default preset's build/.
set -euo pipefail
cd "$(dirname "$0")/../.."

bash deploy/setup.sh bench
build=${HOMEDESK_BENCH_BUILD_DIR:-build}
if [ "$build" = build ]; then
  cmake --preset default >/dev/null
else
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target homedesk-bench homedesk-store-bench

mkdir -p bench-out
"$build/tests/bench/homedesk-bench" "$@" | tee bench-out/latest.txt
# T7: the store's durable submission commit, on this machine's disk (bench-out is on it).
commits=2000
for arg in "$@"; do [ "$arg" = --quick ] && commits=500; done
echo
rm -rf bench-out/t7
"$build/tests/reliability/homedesk-store-bench" --commits "$commits" --dir bench-out/t7 | tee -a bench-out/latest.txt
