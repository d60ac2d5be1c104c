#!/usr/bin/env python3
"""T1 A/B for a start-up change: interleaved launches of the floor, a "before" terminal and the
built one (`--headless --exit-after-first-frame`, the bench's T1 command), spawn -> exit wall
time and the child's CPU time (wait4's rusage), medians. "before" runs with libcurl preloaded:
the libraries the terminal mapped at start-up before the sync engine moved into
libhomedesk_sync.so. Usage: python3 tests/bench/t1_ab.py ROUNDS BEFORE_BINARY [BUILD_DIR]"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

rounds, before = int(sys.argv[1]), sys.argv[2]
build = sys.argv[3] if len(sys.argv) > 3 else "build"
data = tempfile.mkdtemp()
curl = next(line.split()[-1] for line in subprocess.check_output(["ldconfig", "-p"], text=True).splitlines()
            if "libcurl.so.4 " in line)
first_frame = ["--headless", "--exit-after-first-frame", "--data", data]
programs = {
    "floor": ([build + "/tests/bench/homedesk-floor", "--headless"], {}),
    "before": ([before] + first_frame, {"LD_PRELOAD": curl}),
    "after": ([build + "/kiosk/app/homedesk"] + first_frame, {}),
}


def run(argv, env):
    full = dict(os.environ, **env)
    quiet = [(os.POSIX_SPAWN_OPEN, fd, "/dev/null", os.O_WRONLY, 0) for fd in (1, 2)]
    start = time.monotonic()
    pid = os.posix_spawn(argv[0], argv, full, file_actions=quiet)
    _, status, usage = os.wait4(pid, 0)
    if status != 0:
        sys.exit(f"{argv[0]} exited with status {status}")
    return (time.monotonic() - start) * 1000, (usage.ru_utime + usage.ru_stime) * 1000


for argv, env in programs.values():
    run(argv, env)  # warm the page cache and Mesa's shader cache, not counted
figures = {name: ([], []) for name in programs}
for _ in range(rounds):
    for name, (argv, env) in programs.items():
        wall, cpu = run(argv, env)
        figures[name][0].append(wall)
        figures[name][1].append(cpu)
print(f"T1 A/B, {rounds} rounds, load average {' '.join(open('/proc/loadavg').read().split()[:3])}")
floor_wall, floor_cpu = (statistics.median(x) for x in figures["floor"])
for name, (wall, cpu) in figures.items():
    w, c = statistics.median(wall), statistics.median(cpu)
    print(f"{name:7s} wall {w:5.0f} ms (+{w - floor_wall:4.0f} over the floor)   "
          f"cpu {c:5.0f} ms (+{c - floor_cpu:4.0f} over the floor)")
