#!/usr/bin/env python3
# The front door at fleet size (quality.md S4, issue 14): starts a real homedesk-hq with a test CA,
# enrolls N terminals over TLS, parks N notice long-polls (one connection each, event-driven:
# asyncio, no thread per terminal), then measures while they stay parked: the office's threads
# and memory, heartbeat and config latency, and the time from publishing one notice to its
# arrival on every terminal (S1). Prints a table; figures never fail the command.
import argparse, asyncio, json, os, random, resource, shutil, sqlite3, ssl, statistics
import subprocess, sys, tempfile, time

def proc_status(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            out[k] = v.strip()
    return out

def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def make_pki(d):
    def run(*a):
        subprocess.run(a, check=True, cwd=d, capture_output=True)
    run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=bench CA")
    run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
        "-keyout", "hq.key", "-out", "hq.csr", "-subj", "/CN=127.0.0.1")
    with open(os.path.join(d, "ext"), "w") as f:
        f.write("subjectAltName=IP:127.0.0.1\n")
    run("openssl", "x509", "-req", "-in", "hq.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "hq.crt", "-days", "2", "-extfile", "ext")

class Conn:
    """One keep-alive HTTP/1.1 connection over TLS."""
    def __init__(self, ctx, port):
        self.ctx, self.port, self.r, self.w = ctx, port, None, None

    async def open(self):
        self.r, self.w = await asyncio.open_connection("127.0.0.1", self.port, ssl=self.ctx,
                                                       server_hostname="127.0.0.1")

    async def request(self, method, path, bearer="", body=None):
        if self.w is None:
            await self.open()
        data = b"" if body is None else json.dumps(body).encode()
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(data)}\r\n"
        if bearer:
            head += f"Authorization: Bearer {bearer}\r\n"
        if data:
            head += "Content-Type: application/json\r\n"
        self.w.write(head.encode() + b"\r\n" + data)
        status_line = await self.r.readline()
        if not status_line:
            raise ConnectionError(f"{method} {path}: connection closed by the office")
        length = 0
        while True:
            line = await self.r.readline()
            if line in (b"\r\n", b""):
                break
            k, _, v = line.decode().partition(":")
            if k.lower() == "content-length":
                length = int(v)
        payload = await self.r.readexactly(length) if length else b""
        return int(status_line.split()[1]), payload

async def main(o):
    hq = os.path.abspath(o.hq)
    d = tempfile.mkdtemp(prefix="hd-doorbench-")
    make_pki(d)
    db = os.path.join(d, "hq.db")
    community = subprocess.run([hq, "--db", db, "community", "add", "--name", "bench"],
                               check=True, capture_output=True, text=True).stdout.strip()
    # Enrollment codes straight into the database: setup, not what is measured.
    con = sqlite3.connect(db)
    codes = [f"bench{i:06d}x{random.randrange(1 << 30):08x}" for i in range(o.terminals)]
    con.executemany("INSERT INTO enroll_codes(code, community_id, building_id, expires_at) "
                    "VALUES (?, ?, NULL, ?)", [(c, community, int(time.time()) + 3600) for c in codes])
    con.commit()
    con.close()
    with open(os.path.join(d, "hq.toml"), "w") as f:
        f.write(f"[server]\nconnections_per_address = {o.terminals + 200}\n"
                f"connections_total = {o.terminals + 200}\n")
    port = o.port
    server = subprocess.Popen(
        [hq, "--db", db, "--config", os.path.join(d, "hq.toml"), "serve", "--cert",
         os.path.join(d, "hq.crt"), "--key", os.path.join(d, "hq.key"), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=open(os.path.join(d, "hq.log"), "w"))
    ctx = ssl.create_default_context(cafile=os.path.join(d, "ca.crt"))
    try:
        for _ in range(200):
            try:
                c = Conn(ctx, port)
                await c.open()
                c.w.close()
                break
            except OSError:
                await asyncio.sleep(0.05)
        note = lambda what: print(f"[{time.strftime('%H:%M:%S')}] {what}", file=sys.stderr, flush=True)
        note(f"office up in {d}")
        idle = proc_status(server.pid)
        rows = [("setup", "terminals / office threads at rest / RSS at rest",
                 f"{o.terminals} / {idle['Threads']} / {int(idle['VmRSS'].split()[0]) // 1024} MB")]

        # Enroll over 32 connections.
        creds = [None] * o.terminals
        t0 = time.monotonic()
        async def enroller(k):
            c = Conn(ctx, port)
            for i in range(k, o.terminals, 32):
                s, b = await c.request("POST", "/api/v1/enroll", body={"code": codes[i],
                                       "device_name": f"sim-{i}", "app_version": "bench"})
                creds[i] = json.loads(b)["credential"] if s in (200, 201) else None
                if s not in (200, 201) and k == 0 and i == 0:
                    print("enroll refused:", s, b[:200], file=sys.stderr)
        await asyncio.gather(*(enroller(k) for k in range(32)))
        enrolled = sum(1 for c in creds if c)
        rows.append(("setup", "enrolled (per second, 32 at a time)",
                     f"{enrolled} ({enrolled / (time.monotonic() - t0):.0f}/s)"))

        note(f"{enrolled} enrolled")
        # Every terminal parks its long-poll on its own connection; each answer is re-polled.
        arrivals, published = {}, {}
        cursors = ["0"] * o.terminals
        connected = asyncio.Event()
        opened = [0]
        async def terminal(i):
            c = Conn(ctx, port)
            await c.open()
            opened[0] += 1
            if opened[0] == o.terminals:
                connected.set()
            while True:
                s, b = await c.request("GET", f"/api/v1/notices?since={cursors[i]}&wait=30",
                                       creds[i])
                if s != 200:
                    return
                feed = json.loads(b)
                cursors[i] = feed.get("cursor", cursors[i])
                for ch in feed.get("changes", []):
                    nid = ch.get("id")
                    if nid in published and (nid, i) not in arrivals:
                        arrivals[(nid, i)] = time.monotonic() - published[nid]
        t0 = time.monotonic()
        tasks = [asyncio.create_task(terminal(i)) for i in range(o.terminals) if creds[i]]
        await asyncio.wait_for(connected.wait(), timeout=600)
        await asyncio.sleep(2)  # the last requests reach the office and park
        note("connected")
        parked = proc_status(server.pid)
        rss = int(parked["VmRSS"].split()[0]) // 1024
        rows.append(("S4", "connections opened, all polls sent (s)", f"{time.monotonic() - t0:.1f}"))
        rows.append(("S4", "office threads with every poll parked", parked["Threads"]))
        rows.append(("S4", "office RSS with every poll parked (per 1,000 terminals)",
                     f"{rss} MB ({(rss - int(idle['VmRSS'].split()[0]) // 1024) * 1000 / o.terminals:.1f} MB)"))

        # Requests answered meanwhile: heartbeats and config from 20 terminals, sequentially each.
        lat = []
        cpu0, w0 = cpu_seconds(server.pid), time.monotonic()
        async def asker(k):
            c = Conn(ctx, port)
            await c.open()
            for j in range(o.requests // 20):
                t = time.monotonic()
                if j % 2:
                    s, _ = await c.request("GET", "/api/v1/config", creds[k])
                else:
                    s, _ = await c.request("POST", "/api/v1/heartbeat", creds[k],
                                           {"app_version": "bench", "sent_at": int(time.time()),
                                            "queue_depth": 0, "displayed": [], "errors": []})
                if s == 200:
                    lat.append(time.monotonic() - t)
                await asyncio.sleep(0.05)
        await asyncio.gather(*(asker(k) for k in range(20)))
        cpu = (cpu_seconds(server.pid) - cpu0) / (time.monotonic() - w0)
        lat.sort()
        p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000
        rows.append(("S4", f"heartbeat/config p50 / p99 / max, {len(lat)} ok of {o.requests // 20 * 20}",
                     f"{p(0.5):.1f} / {p(0.99):.1f} / {lat[-1] * 1000:.1f} ms"))
        rows.append(("S4", "office CPU meanwhile (share of one core)", f"{cpu * 100:.1f} %"))

        note("requests measured")
        # S1: one notice to all; time until each parked terminal has it.
        nid_out = subprocess.run([hq, "--db", db, "notice", "publish", "--title", "停水通知",
                                  "--body", "bench", "--target", "all"],
                                 check=True, capture_output=True, text=True).stdout.strip()
        published[nid_out.split()[-1]] = time.monotonic()
        deadline = time.monotonic() + 60
        while len(arrivals) < enrolled and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        delays = sorted(arrivals.values())
        if delays:
            q = lambda x: delays[min(len(delays) - 1, int(x * len(delays)))]
            rows.append(("S1", f"publish → terminal p50 / p95 / max, {len(delays)} of {enrolled}",
                         f"{q(0.5):.2f} / {q(0.95):.2f} / {delays[-1]:.2f} s"))
        else:
            rows.append(("S1", "publish → terminal", f"none arrived (notice {nid_out!r})"))
        after = proc_status(server.pid)
        rows.append(("S4", "office threads / RSS / peak RSS after", f"{after['Threads']} / "
                     f"{int(after['VmRSS'].split()[0]) // 1024} MB / {int(after['VmHWM'].split()[0]) // 1024} MB"))
        own = resource.getrusage(resource.RUSAGE_SELF)
        rows.append(("sim", "simulator CPU seconds (one Python thread) / max RSS",
                     f"{own.ru_utime + own.ru_stime:.0f} s / {own.ru_maxrss // 1024} MB"))
        for t in tasks:
            t.cancel()
    finally:
        server.terminate()
        server.wait(timeout=30)
        if o.keep:
            print("kept", d)
        else:
            shutil.rmtree(d, ignore_errors=True)
    w = max(len(r[1]) for r in rows)
    for r in rows:
        print(f"{r[0]:5} {r[1]:<{w}}  {r[2]}")

if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--hq", default="build/sync/hq/homedesk-hq")
    ap.add_argument("--terminals", type=int, default=10000)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--port", type=int, default=18443)
    ap.add_argument("--keep", action="store_true", help="keep the temp dir (hq.log)")
    o = ap.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, o.terminals * 2 + 1024)), hard))
    asyncio.run(main(o))
