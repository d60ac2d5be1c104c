// Screenshots of every console page and of the receipt's phone page, at 1366×768 and 390×844,
// in Chinese and English, against a real head office with tickets filed by the real terminal:
// build/console-screenshots/<lang>-<size>-<page>.png. Also prints the console's first-load
// script size. Run: node tests/browser/screenshots.mjs (not part of CTest).
import fs from 'node:fs';
import path from 'node:path';
import { makeWorld } from './lib/world.mjs';
import { runTerminal, hq } from './lib/harness.mjs';
import { launch, newPage, signIn, DESK, PHONE } from './lib/browser.mjs';
import { fileRepair } from './lib/scripts.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const out = path.resolve(process.env.SCREENSHOT_DIR || path.join(here, '../../build/console-screenshots'));
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

const world = await makeWorld('shots');
const browser = await launch();
const problems = [];
try {
  const term = world.terminal(world.communityA, world.buildingsA[2]);
  const filed = [];
  for (const [description, urgency] of [['卫生间插座冒火花，已经跳闸', 'urgent'], ['厨房水龙头一直滴水，关不紧', 'normal'],
    ['<img src=x onerror=alert(1)> 楼道灯不亮', 'normal']]) {
    const run = await runTerminal(fileRepair({ building: 'b3', description, urgency }), term);
    if (run.code !== 0) throw new Error('the terminal could not file a repair:\n' + run.output);
    filed.push(run.shot('receipt-delivered').receipt_code);
  }
  hq(world.db, ['notice', 'publish', '--title', '3号楼 周六 9:00-12:00 停水', '--category', 'outage', '--target', `building:${world.buildingsA[2]}`,
    '--pinned', '--body', '二次供水设备检修，请提前储水。']);

  // The first-load size: every script the browser fetched for the sign-in page and the inbox.
  const sizes = { script: 0, stylesheet: 0, document: 0, files: 0 };
  {
    const fresh = await launch();
    const page = await newPage(fresh.context);
    page.on('response', async (r) => {
      if (!r.url().includes('/console/') || r.url().includes('/console/api/')) return;
      const type = r.request().resourceType();
      const body = await r.body().catch(() => Buffer.alloc(0));
      if (type in sizes) { sizes[type] += body.length; if (type === 'script') sizes.files += 1; }
    });
    await signIn(page, world.base, world.staff.admin.username, world.staff.admin.password);
    await page.waitForSelector('#ticket-table');
    await fresh.close();
  }

  const shoot = async (page, name) => {
    await page.waitForLoadState('networkidle').catch(() => {});
    await page.screenshot({ path: path.join(out, name + '.png'), fullPage: false });
    if (page.dialogs.length) problems.push(`${name}: dialog ${page.dialogs.join(', ')}`);
    // Nothing wider than the screen (a phone must not scroll sideways).
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    if (scroll > inner) problems.push(`${name}: ${scroll} px wide on a ${inner} px screen`);
  };

  // Work one ticket a little so the pages show more than "submitted".
  {
    const page = await newPage(browser.context);
    await signIn(page, world.base, world.staff.desk.username, world.staff.desk.password);
    await page.goto(world.base + '/console/#/inbox');
    await page.waitForSelector('#ticket-table');
    const first = page.locator('tr.ticket-row', { hasText: '插座' }).locator('a.ticket-link');
    await first.click();
    for (const [name, extra] of [['accept', null], ['dispatch', world.staff.tech.username]]) {
      await page.click('#action-' + name);
      if (extra) {
        const f = page.locator('#action-assignee');
        if ((await f.evaluate((el) => el.tagName)) === 'SELECT') await f.selectOption(extra); else await f.fill(extra);
      }
      await page.click('#action-confirm');
      await page.waitForSelector('#action-result .flash-ok');
    }
    await page.fill('#note-text', '业主白天在家，可直接上门');
    await page.click('#note-submit');
    await page.waitForSelector('#action-result .flash-ok');
    await page.click('#sign-out');
    await page.close();
  }

  const number = async (page, text) => page.locator('tr.ticket-row', { hasText: text }).getAttribute('data-number');
  for (const lang of ['zh', 'en']) {
    for (const [size, viewport] of [['1366x768', DESK], ['390x844', PHONE]]) {
      const prefix = `${lang}-${size}-`;
      const page = await newPage(browser.context, viewport);
      await page.goto(world.base + '/console/');
      await page.waitForSelector('#signin-form');
      const current = await page.getAttribute('#lang-switch', 'lang');
      if ((lang === 'en') !== (current === 'zh')) { await page.click('#lang-switch'); await page.waitForSelector('#signin-form'); }
      await shoot(page, prefix + 'signin');
      await page.fill('#username', world.staff.admin.username);
      await page.fill('#password', 'wrong password');
      await page.click('#signin-submit');
      await page.waitForFunction(() => document.querySelector('#signin-message').textContent !== '');
      await shoot(page, prefix + 'signin-wrong');
      await signIn(page, world.base, world.staff.admin.username, world.staff.admin.password);
      await page.goto(world.base + '/console/#/inbox');
      await page.waitForSelector('#ticket-table');
      await shoot(page, prefix + 'inbox');
      const n = await number(page, '插座');
      await page.goto(world.base + '/console/#/ticket/' + n);
      await page.waitForSelector('#ticket-actions');
      await shoot(page, prefix + 'ticket');
      await page.click('#action-dispatch');
      await page.waitForSelector('#action-form');
      await page.locator('#action-form').scrollIntoViewIfNeeded();
      await shoot(page, prefix + 'ticket-dispatch-form');
      await page.goto(world.base + '/console/#/notices');
      await page.waitForSelector('#notice-table, #notices .empty');
      await shoot(page, prefix + 'notices');
      const link = page.locator('a.notice-link').first();
      if (await link.count()) {
        await link.click();
        await page.waitForSelector('#notice-detail #notice-title');
        await shoot(page, prefix + 'notice-detail');
      }
      await page.goto(world.base + '/console/#/notices/new');
      await page.waitForSelector('#notice-form');
      await page.fill('#notice-title-input', lang === 'zh' ? '周末社区义诊' : 'Weekend health check');
      await page.fill('#notice-body-input', '本周六上午 9:00-11:30 在会所一楼举行义诊。');
      await page.check(`#notice-targets input[value="building:${world.buildingsA[2]}"]`);
      await page.click('#notice-preview-btn');
      await page.waitForSelector('#notice-preview img, #preview-unavailable', { timeout: 30000 }).catch(() => {});
      await shoot(page, prefix + 'notice-editor');
      await page.goto(world.base + '/console/#/fleet');
      await page.waitForSelector('#fleet-table, #fleet .empty, #fleet .flash-error');
      await page.click('#enroll-submit');
      await page.waitForSelector('#enroll-code, #enroll-result .flash-error');
      await shoot(page, prefix + 'fleet');
      await page.goto(world.base + '/console/#/audit');
      await page.waitForSelector('#audit-table, #audit .empty, #audit .flash-error');
      await shoot(page, prefix + 'audit');
      await page.click('#sign-out');
      await page.waitForSelector('#signin-form');
      // The technician's jobs.
      await signIn(page, world.base, world.staff.tech.username, world.staff.tech.password);
      await page.goto(world.base + '/console/#/jobs');
      await page.waitForSelector('#ticket-table, #inbox-empty');
      await shoot(page, prefix + 'jobs');
      await page.click('a.ticket-link');
      await page.waitForSelector('#ticket-actions');
      await shoot(page, prefix + 'job');
      await page.click('#sign-out');
      await page.waitForSelector('#signin-form');
      // The receipt's phone page (one page for both languages: Chinese first, English below).
      await page.goto(world.base + '/t/' + filed[0]);
      await shoot(page, prefix + 'receipt');
      await page.goto(world.base + '/t/00000000');
      await shoot(page, prefix + 'receipt-unknown');
      await page.close();
    }
  }
  console.log(`console first-load script: ${(sizes.script / 1024).toFixed(1)} KB in ${sizes.files} files ` +
    `(${sizes.script} bytes; CSS ${(sizes.stylesheet / 1024).toFixed(1)} KB, HTML ${(sizes.document / 1024).toFixed(1)} KB; target ≤ 300 KB)`);
  if (sizes.script > 300 * 1024) problems.push('first-load script over 300 KB');
  console.log(`screenshots: ${out} (${fs.readdirSync(out).length} files)`);
} finally {
  await browser.close();
  await world.stop();
}
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
