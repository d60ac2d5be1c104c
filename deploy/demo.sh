#!/usr/bin/env bash
# Sets up this Debian 12 machine, builds HomeDesk, starts a head office (homedesk-hq) on
# 127.0.0.1 with a CA and certificate made for this run, enrolls the terminals against it, and
# runs the terminal: headless through a scripted tour of every screen in both orientations
# (screenshots in demo-screenshots/), and then, with a display, in a window. Demo staff accounts
# (admin, desk, technician, notice editor) sign in to the staff console at /console/, where the
# tour's tickets wait; a receipt's QR opens the head office's /t/ phone page. The head office
# stops when the script ends (run from a terminal, it waits for Enter first). Everything the demo
# makes is under build/demo-data, fresh each run.
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default

homedesk=./build/kiosk/app/homedesk
hqbin=./build/sync/hq/homedesk-hq
out=demo-screenshots
data=build/demo-data   # the demo's own databases, certificates and configuration
rm -rf "$out" "$data"
mkdir -p "$data/hq"

# The head office's CA and its server certificate for 127.0.0.1 (the terminal trusts only this CA).
pki=$data/hq
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=HomeDesk demo CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
  -keyout "$pki/ca.key" -out "$pki/ca.crt" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
  -keyout "$pki/hq.key" -out "$pki/hq.csr" 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n' >"$pki/hq.ext"
openssl x509 -req -in "$pki/hq.csr" -CA "$pki/ca.crt" -CAkey "$pki/ca.key" -CAcreateserial -days 2 \
  -extfile "$pki/hq.ext" -out "$pki/hq.crt" 2>/dev/null

# The community and buildings of assets/demo/community.json (b1, b2, b3), and a few notices.
hq() { "$hqbin" --db "$pki/hq.db" "$@"; }
community=$(hq community add --name 示范小区)
for name in 1号楼 2号楼 3号楼; do hq building add --community "$community" --name "$name" >/dev/null; done
hq notice publish --title "3号楼 11月25日 9:00-12:00 停水" --category outage --target building:b3 --pinned \
  --body "因二次供水设备检修，3号楼 11月25日 9:00-12:00 停水，请提前储水。" >/dev/null
hq notice publish --title "周末社区义诊" --category event --target "community:$community" \
  --body "本周六上午 9:00-11:30 在会所一楼举行义诊，欢迎业主参加。" >/dev/null
hq notice publish --title "2026年第三季度收支公示" --category finance --target all \
  --body "第三季度物业费收入与公共支出明细已在服务中心公示栏张贴。" >/dev/null

# Demo staff for the console (docs/console.md): the password goes in on stdin, never as an argument.
staff_list=$data/staff.txt
: >"$staff_list"
chmod 600 "$staff_list"
add_staff() {  # username role communities name
  local password
  password=$(openssl rand -base64 12 | tr -d '/+=' | cut -c1-12)
  printf '%s\n' "$password" | hq staff add --username "$1" --role "$2" --communities "$3" --name "$4" >/dev/null
  printf '  %-10s %-14s %s\n' "$1" "$2" "$password" >>"$staff_list"
}
add_staff admin admin '*' 李管理
add_staff desk desk "$community" 王客服
add_staff tech technician "$community" 张师傅
add_staff editor notice_editor "$community" 陈编辑

port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$hqbin" --db "$pki/hq.db" serve --host 127.0.0.1 --port "$port" --cert "$pki/hq.crt" --key "$pki/hq.key" \
  >"$pki/serve.log" 2>&1 &
hq_pid=$!
trap 'kill "$hq_pid" 2>/dev/null || true; wait "$hq_pid" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$hq_pid" 2>/dev/null || { cat "$pki/serve.log"; exit 1; }
  sleep 0.1
done
echo "Head office: https://127.0.0.1:$port (log: $pki/serve.log)"

standalone=deploy/homedesk.example.toml   # a terminal on its own: the demo notices
config=$data/homedesk.toml
{
  # A scanned receipt opens this head office's phone page.
  sed "s#^ticket_url = .*#ticket_url = \"https://127.0.0.1:$port/t/\"#" deploy/homedesk.example.toml
  printf '\n[headoffice]\nurl = "https://127.0.0.1:%s"\nca_file = "%s"\ndevice_name = "演示终端"\n' "$port" "$(pwd)/$pki/ca.crt"
} >"$config"

# Terminals with the head office show its notices from their publish time (now): their clock is
# fixed a minute ahead. Terminals on their own keep the demo notices' date, 2026-11-23 09:30.
hq_time=$(date -d '+1 min' '+%Y-%m-%d %H:%M')

# A fresh one-time enrollment code for building 3.
new_code() { hq enroll-code create --community "$community" --building b3 | head -n 1; }
# A terminal's data folder, enrolled through the terminal's own code path (homedesk --enroll).
enrolled() { "$homedesk" --config "$config" --data "$1" --enroll "$(new_code)" >/dev/null; echo "$1"; }

for orientation in portrait landscape; do
  # Short idle times so the tour also shows the "still there?" prompt and the wipe.
  "$homedesk" --config "$config" --headless --orientation "$orientation" \
    --idle-seconds 3 --prompt-seconds 5 --fixed-time "$hq_time" \
    --script deploy/tour/tour.script --screenshots "$out/$orientation" --data "$(enrolled "$data/$orientation")"
  # One script per flow (deploy/tour/flows/<flow>.script), each walking its screens in both
  # languages and in large text; shot names start with the flow's name. A script that types
  # @ENROLL_CODE@ starts on the Enroll screen and gets a fresh code; one that taps the demo
  # notices (notices.item.demo-…, dated for the fixed time) runs on a terminal of its own without
  # the head office, where those are loaded; the others start enrolled.
  for script in deploy/tour/flows/*.script; do
    [ -e "$script" ] || continue
    flow_data=$data/$orientation-$(basename "$script" .script)
    run_script=$script
    run_config=$config
    run_time=$hq_time
    if grep -q '@ENROLL_CODE@' "$script"; then
      run_script=$data/$orientation-$(basename "$script")
      sed "s/@ENROLL_CODE@/$(new_code)/" "$script" >"$run_script"
    elif grep -q 'notices.item.demo-' "$script"; then
      run_config=$standalone
      run_time="2026-11-23 09:30"
    else
      enrolled "$flow_data" >/dev/null
    fi
    "$homedesk" --config "$run_config" --headless --orientation "$orientation" \
      --fixed-time "$run_time" --script "$run_script" --screenshots "$out/$orientation" --data "$flow_data"
  done
  # The idle show: the emergency takeover while the demo's outage notice is in force, and the
  # attract loop of the other notices after it expired (the screenshots get the date in their name).
  # The demo notices are dated for these days: a terminal without the head office.
  for day in 2026-11-23 2026-11-26; do
    "$homedesk" --config "$standalone" --headless --orientation "$orientation" --attract-seconds 2 \
      --fixed-time "$day 09:30" --script deploy/tour/notices-idle.script --screenshots "$out/$orientation/$day" \
      --data "$data/$orientation-idle-$day"
  done
done
"$homedesk" --config "$config" --headless --high-contrast --fixed-time "$hq_time" \
  --script deploy/tour/high-contrast.script --screenshots "$out/high-contrast" --data "$(enrolled "$data/high-contrast")"
echo
echo "Screenshots of the headless tour:"
echo "  $(pwd)/$out/{portrait,landscape,high-contrast}/*.png"
echo "Tickets filed on the tour, at the head office: $hqbin --db $pki/hq.db ticket list"
echo "Terminals enrolled: $hqbin --db $pki/hq.db terminal list"
echo
echo "Staff console: https://127.0.0.1:$port/console/"
echo "  (the certificate is the demo's own CA, $pki/ca.crt: accept the browser's warning or import it)"
echo "  Sign in with one of these demo accounts (username, role, password):"
cat "$staff_list"
echo "  desk: the tour's tickets in the inbox; tech: 'my jobs' (try it at phone width); editor: notices;"
echo "  admin: everything, the terminals and the audit log. A receipt's phone page: https://127.0.0.1:$port/t/<tracking code>"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Opening the terminal in a window (enrolled; close it to stop the head office)."
  "$homedesk" --config "$config" --windowed --data "$(enrolled "$data/windowed")" "$@"
elif [ -t 0 ]; then
  read -r -p "The head office keeps running for the console; press Enter to stop it. " _ || true
fi
