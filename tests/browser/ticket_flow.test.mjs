// The main end-to-end: a resident files an URGENT repair on the real headless terminal; it is in
// the desk's inbox within 5 s; the desk accepts and dispatches it; the technician, on a phone,
// starts and finishes it with a note; the terminal's Track screen shows each stage and the
// note; the terminal's callback survey scores 2 and a follow-up F-… ticket is in the inbox.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { makeWorld } from './lib/world.mjs';
import { runTerminal, until, sql, syncUntil } from './lib/harness.mjs';
import { launch, newPage, signIn, PHONE } from './lib/browser.mjs';
import { fileRepair, track } from './lib/scripts.mjs';

const DESCRIPTION = '卫生间插座冒火花，已经跳闸';
const FINISH_NOTE = '已更换漏电开关和插座，测试正常';

describe('console: an urgent repair from the terminal to the technician and back', () => {
  let world; let desk; let deskBrowser; let techBrowser; let term; let code; let number;

  before(async () => {
    world = await makeWorld('flow');
    term = world.terminal(world.communityA, world.buildingsA[2]);
    deskBrowser = await launch();
    desk = await newPage(deskBrowser.context);
  });
  after(async () => {
    await deskBrowser?.close();
    await techBrowser?.close();
    await world?.stop();
  });

  // The terminal pulls the office's change into its store, then its Track screen shows it.
  const trackRun = async (status, name, then = '') => {
    await syncUntil(term, status);
    const run = await runTerminal(track(code, name, { then }), term);
    assert.equal(run.code, 0, run.output);
    return run;
  };
  const action = async (page, name, { note, assignee } = {}) => {
    await page.click('#action-' + name);
    await page.waitForSelector('#action-form');
    assert.equal(await page.locator('#action-result .flash-ok').count(), 0);  // the last confirmation went
    if (assignee) {
      const field = page.locator('#action-assignee');
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(assignee);
      else await field.fill(assignee);
    }
    if (note) await page.fill('#action-note', note);
    await page.click('#action-confirm');
    await page.waitForSelector('#action-result .flash-ok', { timeout: 10000 });
    return page.textContent('#action-result');
  };

  it('a resident files an urgent repair on the terminal and the desk sees it within 5 s', async () => {
    // The desk is signed in with the inbox open before the resident starts.
    await signIn(desk, world.base, world.staff.desk.username, world.staff.desk.password);
    await desk.goto(world.base + '/console/#/inbox');
    await desk.waitForSelector('#inbox-empty');
    const run = await runTerminal(fileRepair({ building: 'b3', description: DESCRIPTION }), term);
    assert.equal(run.code, 0, run.output);
    const receipt = run.shot('receipt-delivered');
    assert.equal(receipt.receipt_delivered, true);
    code = receipt.receipt_code;
    assert.match(code, /^\d{8}$/);
    const delivered = Date.now();
    const row = await until(async () => {
      await desk.reload();
      await desk.waitForSelector('#ticket-table, #inbox-empty, #inbox .flash-error');
      const r = desk.locator('tr.ticket-row', { hasText: DESCRIPTION });
      return (await r.count()) === 1 ? r : null;
    }, 5000, 'the repair in the desk inbox');
    assert.ok(Date.now() - delivered < 5000);
    number = await row.getAttribute('data-number');
    assert.match(number, /^R-\d+$/);
    const text = await row.textContent();
    assert.match(text, /紧急/);          // urgency in words
    assert.match(text, /已提交/);        // status in words
    assert.match(text, /响应/);          // the response clock's badge names itself
    assert.match(text, /3号楼/);         // the building by the office's name, not its id
    assert.doesNotMatch(text, /\bb3\b/);
    assert.deepEqual(desk.dialogs, []);
  });

  it('the desk accepts and dispatches it to the technician', async () => {
    await desk.click(`tr.ticket-row[data-number="${number}"] a.ticket-link`);
    await desk.waitForSelector('#ticket-number');
    assert.equal(await desk.textContent('#ticket-description'), DESCRIPTION);
    assert.equal((await desk.textContent('#ticket-phone')).trim(), '13800001234');  // desk sees the full phone
    assert.match(await action(desk, 'accept'), new RegExp(`已受理 ${number}`));
    assert.match(await desk.textContent('.ticket-tags'), /已受理/);
    assert.match(await action(desk, 'dispatch', { assignee: world.staff.tech.username, note: '请尽快上门' }), /已派给 tech1/);
    assert.match(await desk.textContent('.ticket-tags'), /已派单/);
    assert.match(await desk.textContent('#ticket-timeline'), /已派单/);

    const run = await trackRun('dispatched', 'track-dispatched');
    assert.equal(run.shot('track-dispatched').track_step, 'timeline');
    assert.equal(run.shot('track-dispatched').track_status, 'dispatched');
  });

  it('the technician starts and finishes it on a 390×844 phone, with a note the resident sees', async () => {
    techBrowser = await launch();
    const tech = await newPage(techBrowser.context, PHONE);
    await signIn(tech, world.base, world.staff.tech.username, world.staff.tech.password);
    await tech.goto(world.base + '/console/#/jobs');
    await tech.waitForSelector(`tr.ticket-row[data-number="${number}"]`);
    // On a phone the list is cards: the table's header row is hidden, the card as wide as the screen.
    assert.equal(await tech.locator('#ticket-table thead').isVisible(), false);
    const card = await tech.locator(`tr.ticket-row[data-number="${number}"]`).boundingBox();
    assert.ok(card.width > 330 && card.width <= 390, `card width ${card.width}`);
    await tech.click(`tr.ticket-row[data-number="${number}"] a.ticket-link`);
    await tech.waitForSelector('#action-start');
    const start = await tech.locator('#action-start').boundingBox();
    assert.ok(start.height >= 48 && start.width >= 300, 'a big button on the phone');
    assert.match(await action(tech, 'start'), /开始处理/);
    let run = await trackRun('in_progress', 'track-in-progress');
    assert.equal(run.shot('track-in-progress').track_status, 'in_progress');

    await tech.click('#action-finish');
    await tech.click('#action-confirm');  // no note: refused in words, nothing sent
    assert.match(await tech.textContent('#action-message'), /请写下处理结果/);
    assert.match(await action(tech, 'finish', { note: FINISH_NOTE }), /已完成/);
    assert.deepEqual(tech.dialogs, []);

    run = await trackRun('resolved', 'track-resolved');
    assert.equal(run.shot('track-resolved').track_status, 'resolved');
    // The note reached the terminal's store with the resolved stage (the Track screen draws it).
    const history = sql(path.join(term.data, 'homedesk.db'), 'SELECT status, note FROM ticket_status_history ORDER BY at, id');
    const statuses = history.map((h) => h.status);
    for (const s of ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved']) assert.ok(statuses.includes(s), `${s} in ${statuses}`);
    assert.ok(history.some((h) => h.status === 'resolved' && h.note === FINISH_NOTE), JSON.stringify(history));
  });

  it('the callback survey on the terminal scores 2 and a follow-up F- ticket is in the inbox', async () => {
    // The terminal stays up (its script ends waiting) until the office shows the follow-up and the
    // terminal has drawn its thanks: a saved survey wakes the sync engine, so the follow-up may be
    // in the inbox before the script has taken its last shot.
    const survey = 'tap track.rate\nshot rate\ntap survey.score.5\ntap survey.score.2\nshot follow-up\ntap survey.follow_up.slow\n' +
      'tap survey.score.5\ntap survey.score.5\ntap survey.score.5\ntap survey.score.5\ntap survey.next\ntap survey.submit\nshot thanks\n' +
      'wait 600000\n';
    let child;
    const running = runTerminal(track(code, 'track-callback', { then: survey }), { ...term, started: (c) => { child = c; } });
    let followUp;
    try {
      followUp = await until(async () => {
        await desk.goto(world.base + `/console/#/inbox?kind=followup&status=open&t=${Date.now()}`);
        await desk.waitForSelector('#ticket-table, #inbox-empty, #inbox .flash-error');
        const rows = desk.locator('tr.ticket-row[data-number^="F-"]');
        return (await rows.count()) > 0 ? rows.first() : null;
      }, 60000, 'the follow-up ticket in the inbox');
      // Parsed, not just present: the terminal may still be writing it.
      await until(async () => JSON.parse(fs.readFileSync(path.join(term.shots, 'thanks.json'), 'utf8')),
        30000, "the terminal's thanks screen");
    } finally {
      child?.kill('SIGTERM');
    }
    const run = await running;
    assert.equal(run.shot('track-callback').track_status, 'resolved', run.output);
    assert.equal(run.shot('follow-up').survey_step, 'follow_up');
    assert.equal(run.shot('thanks').survey_step, 'thanks');
    assert.match(await followUp.getAttribute('data-number'), /^F-\d+$/);
    await desk.goto(world.base + '/console/#/ticket/' + number);
    await desk.waitForSelector('#ticket-number');
    assert.match(await desk.textContent('.ticket-tags'), /已回访/);
    assert.deepEqual(desk.dialogs, []);
    assert.deepEqual(desk.errors.filter((e) => !/40[0-9]/.test(e)), []);
  });
});
