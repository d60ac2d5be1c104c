// One head office for a test file: communities A (示范小区, buildings b1-b3) and B, staff of
// every role with random passwords, `homedesk-hq serve` on loopback, and terminals enrolled
// through the terminal's own --enroll.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir, makePki, hq, addStaff, serve, kioskConfig, enroll } from './harness.mjs';

export async function makeWorld(name, { kioskExtra = '' } = {}) {
  const dir = tempDir(name);
  const pki = makePki(dir);
  const db = path.join(dir, 'hq.db');
  const communityA = hq(db, ['community', 'add', '--name', '示范小区']);
  const buildingsA = ['1号楼', '2号楼', '3号楼'].map((n) => hq(db, ['building', 'add', '--community', communityA, '--name', n]));
  const communityB = hq(db, ['community', 'add', '--name', '对照小区']);
  const buildingsB = [hq(db, ['building', 'add', '--community', communityB, '--name', '9号楼'])];
  const pw = () => crypto.randomBytes(12).toString('base64url');
  const staff = {
    admin: { username: 'admin1', password: pw(), role: 'admin', communities: '*', name: '李管理' },
    desk: { username: 'desk1', password: pw(), role: 'desk', communities: communityA, name: '王客服' },
    deskB: { username: 'deskb', password: pw(), role: 'desk', communities: communityB, name: '赵客服' },
    tech: { username: 'tech1', password: pw(), role: 'technician', communities: communityA, name: '张师傅' },
    editor: { username: 'editor1', password: pw(), role: 'notice_editor', communities: communityA, name: '陈编辑' },
    viewer: { username: 'viewer1', password: pw(), role: 'viewer', communities: communityA, name: '刘只读' },
  };
  for (const s of Object.values(staff)) addStaff(db, s);
  const server = await serve(db, pki);
  let terminals = 0;
  const terminal = (community, building) => {
    const data = path.join(dir, `terminal-${++terminals}`);
    fs.mkdirSync(data, { mode: 0o700 });
    const config = kioskConfig(dir + `/t${terminals}`, server.url, pki.ca, kioskExtra);
    const code = hq(db, ['enroll-code', 'create', '--community', community, '--building', building]).split('\n')[0];
    enroll(config, data, code);
    return { data, config, shots: path.join(dir, `shots-${terminals}`) };
  };
  return {
    dir, db, pki, server, staff, communityA, buildingsA, communityB, buildingsB, terminal,
    base: server.url,
    async stop() { await server.stop(); if (!process.env.KEEP_TEST_DIRS) fs.rmSync(dir, { recursive: true, force: true }); },
  };
}
