#!/usr/bin/env bash
# Installs every Debian 12 package that HomeDesk's build, tests and demo need (Chromium and node
# for the staff console's browser tests), then the browser tests' npm packages exactly as
# tests/browser/package-lock.json pins them. Optional groups named as arguments add more
# (`bench` is kept for old callers; Chromium is in the default list now).
# Idempotent: re-running installs nothing new. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3 python3-fonttools
  libsdl2-dev libimgui-dev libstb-dev libfreetype-dev libgl-dev libegl-dev libgles-dev
  libgl1-mesa-dri libegl-mesa0 mesa-utils-bin
  libsqlite3-dev sqlite3 libcurl4-openssl-dev libssl-dev openssl
  libzxing-dev catch2 nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev
  libtomlplusplus-dev libsodium-dev libboost1.81-dev
  fonts-noto-cjk libespeak-ng-dev espeak-ng-data
  librime-dev librime-bin rime-data-luna-pinyin rime-data-stroke rime-prelude rime-essay libopencc-data
  libzinnia-dev tegaki-zinnia-simplified-chinese
  time procps
  chromium nodejs
)
# Debian's nodejs comes without npm (a package of its own); a node that bundles npm needs none.
command -v npm >/dev/null 2>&1 || packages+=(npm)

for group in "$@"; do
  case "$group" in
    bench) packages+=(chromium) ;;
    *) echo "setup: unknown package group \"$group\" (known: bench)" >&2; exit 2 ;;
  esac
done

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
else
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The browser tests' packages (playwright-core only; it drives /usr/bin/chromium, it downloads
# no browser). Skipped when node_modules was installed from this very lock file.
browser_tests="$(cd "$(dirname "$0")/.." && pwd)/tests/browser"
lock_sum=$(sha256sum "$browser_tests/package-lock.json" | cut -d' ' -f1)
stamp="$browser_tests/node_modules/.homedesk-lock-sha256"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
  echo "setup: browser test packages already match tests/browser/package-lock.json"
else
  echo "setup: npm ci in tests/browser"
  npm ci --prefix "$browser_tests" --no-audit --no-fund --ignore-scripts
  echo "$lock_sum" >"$stamp"
fi
