#!/usr/bin/env bash
# Installs every Debian 12 package that HomeDesk's build, tests and demo need; optional groups
# named as arguments add more (`bench`: Chromium, the benchmarks' reference browser).
# Idempotent: re-running installs nothing new. Uses sudo when not root.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git python3 python3-fonttools
  libsdl2-dev libimgui-dev libstb-dev libfreetype-dev libgl-dev libegl-dev libgles-dev
  libgl1-mesa-dri libegl-mesa0 mesa-utils-bin
  libsqlite3-dev sqlite3 libcurl4-openssl-dev libssl-dev openssl
  libzxing-dev catch2 nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev
  libtomlplusplus-dev libsodium-dev libcpp-httplib-dev
  fonts-noto-cjk libespeak-ng-dev espeak-ng-data
  time procps
)

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
  exit 0
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
