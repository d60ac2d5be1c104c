// A notice published from the console reaches the terminal (its store and its notices screen),
// the terminal's display of it comes back with a heartbeat and the notice's detail in the
// console lists that display; then the editor retracts it after a confirm.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { makeWorld } from './lib/world.mjs';
import { runTerminal, until, sql } from './lib/harness.mjs';
import { launch, newPage, signIn } from './lib/browser.mjs';

const TITLE = '3号楼 明天 9:00-11:00 电梯保养';
const BODY = '电梯年度保养，请走楼梯或使用2号楼电梯。';

describe('console: a notice from the editor to the terminal and its display back', () => {
  let world; let browser; let page; let term; let noticeId; let terminalId;

  before(async () => {
    world = await makeWorld('notice', { kioskExtra: 'heartbeat_s = 10' });
    term = world.terminal(world.communityA, world.buildingsA[2]);
    // A first run so the office has seen the terminal (it is in the fleet list).
    const first = await runTerminal('expect home\nawait sync.synced\nshot home\n', term);
    assert.equal(first.code, 0, first.output);
    terminalId = first.shot('home').sync.terminal_id;
    browser = await launch();
    page = await newPage(browser.context);
  });
  after(async () => {
    await browser?.close();
    await world?.stop();
  });

  it('the editor publishes a notice to the terminal\'s building', async () => {
    await signIn(page, world.base, world.staff.editor.username, world.staff.editor.password);
    await page.goto(world.base + '/console/#/notices/new');
    await page.waitForSelector('#notice-form');
    await page.click('#notice-save');  // empty: refused in words
    assert.match(await page.textContent('#editor-message'), /请填写标题/);
    await page.fill('#notice-title-input', TITLE);
    await page.fill('#notice-body-input', BODY);
    await page.selectOption('#notice-category', 'general');
    await page.check(`#notice-targets input[value="building:${world.buildingsA[2]}"]`);
    // The preview: the terminal's drawings when the server makes them, else a plain "unavailable".
    await page.click('#notice-preview-btn');
    await page.waitForSelector('#notice-preview img, #preview-unavailable', { timeout: 30000 });
    await page.click('#notice-save');
    await page.waitForSelector('#notice-detail #notice-title', { timeout: 10000 });
    assert.equal(await page.textContent('#notice-title'), TITLE);
    noticeId = decodeURIComponent(new URL(page.url()).hash.split('/')[2].split('?')[0]);
    assert.ok(noticeId);
    assert.match(await page.textContent('#flash'), /公告已发布/);
  });

  it('the terminal gets it, shows it, and the console lists the display', async () => {
    let child;
    const script = 'expect home\nawait notices.updated 20000\ntap home.tile.notices\nshot notices\n' +
      `tap notices.item.${noticeId}\nshot notice\nwait 1500\ntap nav.back\nshot back\nwait 120000\n`;
    const running = runTerminal(script, { ...term, started: (c) => { child = c; } });
    try {
      await until(async () => {
        await page.goto(world.base + `/console/#/notices/${encodeURIComponent(noticeId)}?t=${Date.now()}`);
        await page.waitForSelector('#notice-detail #notice-title, #notice-detail .flash-error');
        return (await page.locator(`tr.notice-terminal[data-terminal="${terminalId}"] li.display`).count()) > 0;
      }, 60000, 'the terminal\'s display in the notice\'s detail');
    } finally {
      child?.kill('SIGTERM');
    }
    const run = await running;
    assert.equal(run.shot('notice').notice_open, noticeId, run.output);
    const stored = sql(path.join(term.data, 'homedesk.db'), `SELECT id, title FROM notices WHERE id = '${noticeId.replace(/'/g, "''")}'`);
    assert.equal(stored.length, 1);
    assert.equal(stored[0].title, TITLE);
    const row = await page.textContent(`tr.notice-terminal[data-terminal="${terminalId}"]`);
    assert.match(row, /显示了/);
    await page.goto(world.base + '/console/#/notices');
    await page.waitForSelector('#notice-table');
    assert.match(await page.textContent(`tr.notice-row[data-id="${noticeId}"]`), /已显示 1/);
  });

  it('the editor retracts it after a confirm', async () => {
    await page.goto(world.base + `/console/#/notices/${encodeURIComponent(noticeId)}`);
    await page.click('#notice-retract');
    assert.match(await page.textContent('#notice-message'), /确定撤回/);
    await page.click('#retract-confirm');
    await page.waitForSelector('.nstate-retracted');
    assert.match(await page.textContent('#flash'), /公告已撤回/);
    assert.deepEqual(page.dialogs, []);
  });
});
