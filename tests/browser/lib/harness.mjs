// The real parts a browser test stands on: the built homedesk-hq and homedesk (paths from the
// environment, as CTest passes them), a CA and server certificate made with openssl, a head
// office serving HTTPS on a free loopback port, staff accounts, and the headless terminal
// enrolled and run with a script (docs/automation.md).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const repo = path.resolve(here, '../../..');
export const HQ = process.env.HOMEDESK_HQ || path.join(repo, 'build/sync/hq/homedesk-hq');
export const TERMINAL = process.env.HOMEDESK || path.join(repo, 'build/kiosk/app/homedesk');
export const ASSETS = process.env.HOMEDESK_ASSETS_DIR || path.join(path.dirname(path.dirname(path.dirname(TERMINAL))), 'share/homedesk');

export function tempDir(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `homedesk-browser-${name}-`));
  fs.chmodSync(dir, 0o700);
  return dir;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// A CA and a server certificate for 127.0.0.1 signed by it (as deploy/demo.sh makes them).
export function makePki(dir) {
  const o = (args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const f = (name) => path.join(dir, name);
  o(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', '/CN=HomeDesk browser test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-keyout', f('ca.key'), '-out', f('ca.crt')]);
  o(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', f('hq.key'), '-out', f('hq.csr')]);
  fs.writeFileSync(f('hq.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n');
  o(['x509', '-req', '-in', f('hq.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', f('hq.ext'), '-out', f('hq.crt')]);
  return { ca: f('ca.crt'), cert: f('hq.crt'), key: f('hq.key') };
}

// One homedesk-hq command against `db`; returns its standard output without the last newline.
export function hq(db, args, input = '') {
  try {
    return execFileSync(HQ, ['--db', db, ...args], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).replace(/\n+$/, '');
  } catch (e) {
    throw new Error(`homedesk-hq ${args.join(' ')} failed (${e.status}): ${e.stderr || ''}${e.stdout || ''}`);
  }
}

export function addStaff(db, { username, password, role, communities, name }) {
  const args = ['staff', 'add', '--username', username, '--role', role, '--communities', communities];
  if (name) args.push('--name', name);
  hq(db, args, password + '\n');
}

function accepts(port) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' }, () => { s.destroy(); resolve(true); });
    s.on('error', () => resolve(false));
  });
}

// `homedesk-hq serve` as a child; ready once its port accepts connections.
export async function serve(db, pki, extra = []) {
  const port = await freePort();
  const log = [];
  const child = spawn(HQ, ['--db', db, 'serve', '--host', '127.0.0.1', '--port', String(port), '--cert', pki.cert, '--key', pki.key, ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  let exited = null;
  child.on('exit', (code) => { exited = code; });
  const deadline = Date.now() + 20000;
  while (!(await accepts(port))) {
    if (exited !== null) throw new Error(`homedesk-hq serve exited ${exited}:\n${log.join('')}`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`homedesk-hq serve did not start:\n${log.join('')}`); }
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    port, url: `https://127.0.0.1:${port}`, log,
    stop: () => new Promise((resolve) => {
      if (exited !== null) return resolve(exited);
      child.once('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    }),
  };
}

export function kioskConfig(dir, url, ca, extra = '') {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'homedesk.toml');
  fs.writeFileSync(file, `[headoffice]\nurl = "${url}"\nca_file = "${ca}"\nconnect_timeout_s = 3\nnotice_wait_s = 5\nretry_max_s = 5\ndevice_name = "Browser test lobby"\n${extra}\n`);
  return file;
}

export function enroll(config, data, code) {
  execFileSync(TERMINAL, ['--config', config, '--data', data, '--assets', ASSETS, '--enroll', code], { stdio: ['ignore', 'pipe', 'pipe'] });
}

// Runs the headless terminal through `script`; the shots' JSON by name. `started` gets the
// child (to end a run whose script waits, once the test saw what it waited for).
export function runTerminal(script, { config, data, shots, flags = [], started = () => {} }) {
  fs.mkdirSync(shots, { recursive: true });
  const file = path.join(shots, `script-${Date.now()}-${Math.random().toString(16).slice(2)}.txt`);
  fs.writeFileSync(file, script);
  return new Promise((resolve) => {
    // The real clock: the terminal's own records (the filing, its status history) must order
    // with the office's times, which a --fixed-time would not.
    const args = ['--headless', '--assets', ASSETS, '--config', config, '--data', data, '--script', file, '--screenshots', shots, ...flags];
    const child = spawn(TERMINAL, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ASAN_OPTIONS: 'detect_leaks=0' } });
    started(child);
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('exit', (code) => resolve({
      code, output,
      shot: (name) => JSON.parse(fs.readFileSync(path.join(shots, name + '.json'), 'utf8')),
    }));
  });
}

export function keypad(digits) {
  return [...digits].map((c) => `tap keypad.${c === '-' ? 'dash' : c}\n`).join('');
}

// Rows of a query on a SQLite file, through Debian's sqlite3 tool (JSON mode).
export function sql(db, query) {
  const out = execFileSync('sqlite3', ['-readonly', '-json', db, query], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

// Polls `probe` until it returns a truthy value (what the test waits for), at most `ms`.
export async function until(probe, ms, what) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try { last = await probe(); } catch (e) { last = e; }
    if (last && !(last instanceof Error)) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}${last instanceof Error ? ': ' + last.message : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// Runs the terminal (idle on Home) until its store has a status change `status` for its
// tickets, pulled from the office's status feed; then ends it. The Track screen run after it
// reads that store.
export async function syncUntil(term, status, ms = 30000) {
  let child;
  const running = runTerminal('expect home\nwait 600000\n', { ...term, started: (c) => { child = c; } });
  try {
    await until(() => {
      try {
        return sql(path.join(term.data, 'homedesk.db'), `SELECT 1 AS found FROM ticket_status_history WHERE status = '${status}'`).length > 0;
      } catch { return false; }  // busy while the terminal writes: look again
    }, ms, `the terminal's store to get "${status}"`);
  } finally {
    child?.kill('SIGTERM');
    await running;
  }
}
