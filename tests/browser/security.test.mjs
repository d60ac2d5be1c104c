// Security in the browser: nothing without a session; plain words for a wrong password and a
// lock; a resident's markup shows as text and runs nothing; community A's desk does not see
// community B; the receipt's phone page shows the timeline and nothing personal.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeWorld } from './lib/world.mjs';
import { runTerminal, until } from './lib/harness.mjs';
import { launch, newPage, signIn } from './lib/browser.mjs';
import { fileRepair } from './lib/scripts.mjs';

const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';

describe('console: security in a real browser', () => {
  let world; let browser; let xssCode; let xssNumber; let bNumber;

  before(async () => {
    world = await makeWorld('security');
    const a = world.terminal(world.communityA, world.buildingsA[0]);
    const run = await runTerminal(fileRepair({ building: 'b1', description: XSS, urgency: 'normal' }), a);
    assert.equal(run.code, 0, run.output);
    xssCode = run.shot('receipt-delivered').receipt_code;
    const b = world.terminal(world.communityB, world.buildingsB[0]);
    const runB = await runTerminal(fileRepair({ building: 'b1', description: '对照小区的报修', urgency: 'normal', unit: '9-901' }), b);
    assert.equal(runB.code, 0, runB.output);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('without a session the console shows only the sign-in page, and its API answers 401', async () => {
    const page = await newPage(browser.context);
    const response = await page.goto(world.base + '/console/');
    assert.match(response.headers()['content-security-policy'] || '', /default-src 'self'/);
    for (const hash of ['#/inbox', '#/ticket/R-000001', '#/notices', '#/fleet', '#/audit']) {
      await page.goto(world.base + '/console/' + hash);
      await page.waitForSelector('#signin-form');
      assert.equal(await page.locator('#main, #sign-out, .ticket-row').count(), 0, hash);
    }
    const api = await page.evaluate(async () => (await fetch('/console/api/tickets')).status);
    assert.equal(api, 401);
    await page.close();
  });

  it('a wrong password and a locked account get plain words', async () => {
    const page = await newPage(browser.context);
    await page.goto(world.base + '/console/');
    const attempt = async () => {
      await page.fill('#username', world.staff.viewer.username);
      await page.fill('#password', 'not-the-password');
      await page.click('#signin-submit');
      await page.waitForFunction(() => document.querySelector('#signin-message').textContent !== '' &&
        !document.querySelector('#signin-submit').disabled);
      const text = await page.textContent('#signin-message');
      await page.evaluate(() => { document.querySelector('#signin-message').textContent = ''; });
      return text;
    };
    assert.match(await attempt(), /用户名或密码不对/);
    let text = '';
    for (let i = 0; i < 6 && !/锁定/.test(text); ++i) text = await attempt();
    assert.match(text, /锁定.*\d+ 分钟/);
    await page.close();
  });

  it('a description with markup shows as text in the inbox and on the ticket page and fires no dialog', async () => {
    const page = await newPage(browser.context);
    await signIn(page, world.base, world.staff.desk.username, world.staff.desk.password);
    await page.goto(world.base + '/console/#/inbox');
    const row = page.locator('tr.ticket-row', { hasText: '<img src=x' });
    await row.waitFor();
    xssNumber = await row.getAttribute('data-number');
    assert.match(await row.textContent(), /<script>alert\(2\)<\/script>/);
    assert.equal(await page.locator('#inbox img, #inbox script').count(), 0);
    await row.locator('a.ticket-link').click();
    await page.waitForSelector('#ticket-description');
    assert.equal(await page.textContent('#ticket-description'), XSS);
    assert.equal(await page.locator('#ticket img, #ticket script').count(), 0);
    assert.deepEqual(page.dialogs, []);
    await page.close();
  });

  it('community A\'s desk does not see community B\'s ticket; B\'s desk does', async () => {
    const b = await newPage(browser.context);
    await signIn(b, world.base, world.staff.deskB.username, world.staff.deskB.password);
    await b.goto(world.base + '/console/#/inbox');
    const row = b.locator('tr.ticket-row', { hasText: '对照小区的报修' });
    await row.waitFor();
    bNumber = await row.getAttribute('data-number');
    assert.equal(await b.locator('tr.ticket-row', { hasText: '<img src=x' }).count(), 0);
    await b.close();

    const browserA = await launch();
    try {
      const a = await newPage(browserA.context);
      await signIn(a, world.base, world.staff.desk.username, world.staff.desk.password);
      await a.goto(world.base + '/console/#/inbox?status=all');
      await a.waitForSelector('#ticket-table');
      assert.equal(await a.locator('tr.ticket-row', { hasText: '对照小区的报修' }).count(), 0);
      assert.equal(await a.locator(`tr.ticket-row[data-number="${bNumber}"]`).count(), 0);
      await a.goto(world.base + '/console/#/ticket/' + bNumber);
      await a.waitForSelector('#ticket .flash-error');
      assert.match(await a.textContent('#ticket'), /没有找到/);
      const status = await a.evaluate(async (n) => (await fetch('/console/api/tickets/' + n)).status, bNumber);
      assert.equal(status, 404);
    } finally {
      await browserA.close();
    }
  });

  it('the receipt\'s phone page shows the timeline and nothing personal', async () => {
    const page = await newPage(browser.context);
    const response = await page.goto(world.base + '/t/' + xssCode);
    assert.equal(response.status(), 200);
    const text = await page.textContent('body');
    assert.ok(text.includes(xssNumber), 'the ticket number');
    assert.match(text, /已提交/);
    for (const personal of ['13800001234', '2-1203', 'onerror', 'alert']) assert.ok(!text.includes(personal), personal);
    assert.equal(await page.locator('script, img[src="x"]').count(), 0);
    assert.deepEqual(page.dialogs, []);
    const wrong = await page.goto(world.base + '/t/00000000');
    assert.equal(wrong.status(), 404);
    assert.match(await page.textContent('body'), /没有找到/);
    await page.close();
  });
});
