// Debian's chromium driven through playwright-core (no downloaded browser): a fresh profile per
// launch, every dialog recorded (a fired alert() is a failed test), page errors collected.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DESK = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

export async function launch() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'homedesk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    ignoreHTTPSErrors: true,  // the test's own CA; the terminal pins it, the browser need not
    viewport: DESK,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const closeAll = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close: closeAll };
}

// A page that records dialogs, console errors and CSP violations.
export async function newPage(context, viewport = DESK) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.dialogs = [];
  page.errors = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

// Signs in (signing out first when the profile already holds a session).
export async function signIn(page, base, username, password) {
  await page.goto(base + '/console/');
  await page.waitForSelector('#signin-form, #sign-out');
  if (await page.locator('#sign-out').count()) {
    await page.click('#sign-out');
    await page.waitForSelector('#signin-form');
  }
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#signin-submit');
  await page.waitForSelector('#sign-out', { timeout: 10000 });
}

// A second browser profile, e.g. the technician on a phone beside the desk.
export async function withBrowser(fn) {
  const b = await launch();
  try { return await fn(b.context); } finally { await b.close(); }
}
