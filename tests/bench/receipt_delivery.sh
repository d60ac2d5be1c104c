#!/usr/bin/env bash
# How long a receipt takes to turn from "queued" to "reached the head office" with the head office
# online: the real homedesk (headless) and homedesk-hq over TLS on 127.0.0.1, N repairs filed by
# script; prints each delay (store commit -> receipt updated, from the terminal's log) and the
# median. Usage: tests/bench/receipt_delivery.sh [runs] (default 7). Needs a built tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
homedesk=./build/kiosk/app/homedesk
hqbin=./build/sync/hq/homedesk-hq
work=$(mktemp -d)
trap 'kill "${hq_pid:-0}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj "/CN=bench CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout "$work/ca.key" -out "$work/ca.crt" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
  -keyout "$work/hq.key" -out "$work/hq.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$work/hq.ext"
openssl x509 -req -in "$work/hq.csr" -CA "$work/ca.crt" -CAkey "$work/ca.key" -CAcreateserial -days 1 \
  -extfile "$work/hq.ext" -out "$work/hq.crt" 2>/dev/null
community=$("$hqbin" --db "$work/hq.db" community add --name Bench)
for b in 1 2 3; do "$hqbin" --db "$work/hq.db" building add --community "$community" --name "B$b" >/dev/null; done
port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$hqbin" --db "$work/hq.db" serve --host 127.0.0.1 --port "$port" --cert "$work/hq.crt" --key "$work/hq.key" >"$work/hq.log" 2>&1 &
hq_pid=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
printf '[headoffice]\nurl = "https://127.0.0.1:%s"\nca_file = "%s"\n' "$port" "$work/ca.crt" >"$work/homedesk.toml"
{
  echo "await sync.synced"
  printf 'tap %s\n' home.tile.repair repair.category.lighting repair.where.home repair.building.b3 keypad.2 repair.next \
    repair.urgency.normal repair.phrase.1 repair.next
  for d in 1 3 9 0 0 0 0 5 6 7 8; do echo "tap keypad.$d"; done
  printf 'tap %s\n' repair.next repair.slot.any repair.confirm
  echo "await receipt.delivered 10000"
} >"$work/repair.script"

delays=()
for i in $(seq "$runs"); do
  data=$work/terminal-$i
  code=$("$hqbin" --db "$work/hq.db" enroll-code create --community "$community" | head -n 1)
  "$homedesk" --config "$work/homedesk.toml" --data "$data" --enroll "$code" >/dev/null
  log=$("$homedesk" --headless --config "$work/homedesk.toml" --data "$data" --script "$work/repair.script" \
    --screenshots "$work/shots" 2>&1)
  ms=$(printf '%s\n' "$log" | /usr/bin/python3 -c '
import re, sys, datetime
t = {}
for line in sys.stdin:
    m = re.match(r"\[(\S+ \S+)\].*repair \S+ (saved|reached)", line)
    if m: t[m.group(2)] = datetime.datetime.strptime(m.group(1), "%Y-%m-%d %H:%M:%S.%f")
print(round((t["reached"] - t["saved"]).total_seconds() * 1000))')
  delays+=("$ms")
  echo "run $i: receipt delivered $ms ms after the commit"
done
printf '%s\n' "${delays[@]}" | sort -n | awk '{a[NR]=$1} END {print "median " a[int((NR+1)/2)] " ms over " NR " runs"}'
