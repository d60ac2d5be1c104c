#!/usr/bin/env bash
# Sets up this Debian 12 machine, builds HomeDesk and runs every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default -j2
