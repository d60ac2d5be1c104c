#!/usr/bin/env bash
# Sets up this Debian 12 machine, builds HomeDesk and runs every test through CTest: first the
# normal build, then again under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default -j2

cmake --preset sanitize >/dev/null
cmake --build --preset sanitize
ctest --preset sanitize -j2
