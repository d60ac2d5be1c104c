// The fleet: every terminal with when it was last seen, its version, its queue and errors,
// stale and backlogged ones flagged in words; admins issue enrollment codes (the server's QR)
// and revoke terminals after a confirm.
import { api, query } from '../api.js';
import { h, clear, field, select } from '../dom.js';
import { t, formatTime, relative, duration } from '../i18n.js';
import { errorBox, messageFor } from '../errors.js';
import { communityOptions } from '../scope.js';

export async function renderFleet(main, ctx) {
  const admin = ctx.can.admin(ctx.user);
  const message = h('div', { class: 'flash-area', role: 'status', id: 'fleet-message' });
  main.append(h('h1', {}, t('fleet.title')), message);
  if (admin) main.append(await enrollForm(ctx));
  const list = h('section', { id: 'fleet' }, h('p', { class: 'muted' }, t('common.loading')));
  main.append(list);
  let body;
  try {
    body = await api('GET', '/fleet');
  } catch (err) {
    list.replaceChildren(errorBox(err));
    return;
  }
  const items = (body && body.items) || [];
  if (!items.length) { list.replaceChildren(h('p', { class: 'empty' }, t('fleet.empty'))); return; }
  const cols = ['fleet.col.terminal', 'fleet.col.seen', 'fleet.col.version', 'fleet.col.queue', 'fleet.col.errors', 'fleet.col.health'];
  if (admin) cols.push('fleet.col.actions');
  list.replaceChildren(h('p', { class: 'muted' }, t('fleet.count', { n: items.length })), h('table', { class: 'tickets fleet', id: 'fleet-table' },
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, t(c))))),
    h('tbody', {}, items.map((x) => {
      const flags = [];
      if (x.revoked_at) flags.push(h('span', { class: 'badge sla-breached' }, t('fleet.revoked')));
      else {
        if (x.stale) flags.push(h('span', { class: 'badge sla-breached' }, h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, '⚠'), t('fleet.stale')));
        if (x.backlogged) flags.push(h('span', { class: 'badge sla-warning' }, h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, '◔'), t('fleet.backlogged')));
        if (!x.stale && !x.backlogged) flags.push(h('span', { class: 'badge sla-met' }, h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, '✓'), t('fleet.healthy')));
      }
      const cells = [
        h('td', { 'data-label': t('fleet.col.terminal') }, h('strong', {}, x.name || x.id), h('div', { class: 'muted' }, [x.id, x.community_id, x.building_id].filter(Boolean).join(' · '))),
        h('td', { 'data-label': t('fleet.col.seen') }, x.last_seen ? [formatTime(x.last_seen), h('div', { class: 'muted' }, relative(x.last_seen))] : t('fleet.never')),
        h('td', { 'data-label': t('fleet.col.version') }, x.app_version || '—'),
        h('td', { 'data-label': t('fleet.col.queue') }, t('fleet.queue', { n: x.queue_depth ?? 0 }),
          x.oldest_unsent_age_s ? h('div', { class: 'muted' }, t('fleet.oldest', { age: duration(x.oldest_unsent_age_s) })) : null),
        h('td', { 'data-label': t('fleet.col.errors') }, errorsCell(x.errors)),
        h('td', { 'data-label': t('fleet.col.health') }, h('span', { class: 'badges' }, flags)),
      ];
      if (admin) cells.push(h('td', { 'data-label': t('fleet.col.actions') }, x.revoked_at ? formatTime(x.revoked_at)
        : h('button', { type: 'button', class: 'btn btn-danger', id: 'revoke-' + x.id, onclick: () => confirmRevoke(message, ctx, x) }, t('fleet.revoke'))));
      return h('tr', { class: x.stale || x.backlogged ? 'fleet-row flagged' : 'fleet-row', 'data-terminal': x.id }, cells);
    }))));
}

// The terminal's last reported errors (plain words from the terminal: text only).
function errorsCell(errors) {
  const list = Array.isArray(errors) ? errors : [];
  if (!list.length) return typeof errors === 'number' ? String(errors) : '0';
  return [h('strong', {}, String(list.length)),
    h('ul', { class: 'plain fleet-errors' }, list.slice(-3).map((e) => h('li', { class: 'muted' }, typeof e === 'string' ? e : JSON.stringify(e))))];
}

async function enrollForm(ctx) {
  const communities = await communityOptions(ctx.user);
  const community = communities.length ? select('community_id', communities, communities[0][0])
    : h('input', { name: 'community_id', required: true });
  community.id = 'enroll-community';
  const building = h('input', { name: 'building_id', id: 'enroll-building', placeholder: t('fleet.building_optional') });
  const hours = h('input', { type: 'number', name: 'hours', id: 'enroll-hours', min: '1', max: '168', value: '24' });
  const result = h('div', { class: 'enroll-result', id: 'enroll-result', 'aria-live': 'polite' });
  const form = h('form', { class: 'filters filters-short', id: 'enroll-form' },
    field(t('fleet.community'), community), field(t('fleet.building'), building), field(t('fleet.hours'), hours),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit', class: 'btn btn-primary', id: 'enroll-submit' }, t('fleet.issue'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear(result);
    const body = { community_id: community.value.trim(), hours: Number(hours.value) || 24 };
    if (building.value.trim()) body.building_id = building.value.trim();
    try {
      const made = await api('POST', '/fleet/enroll-codes', body);
      const qr = made.qr_svg ? h('img', { class: 'qr', id: 'enroll-qr', alt: t('fleet.qr_alt'),
        src: 'data:image/svg+xml;base64,' + btoa(unescape(encodeURIComponent(made.qr_svg))) }) : null;
      result.append(h('div', { class: 'card enroll-card' }, qr,
        h('div', {}, h('p', {}, t('fleet.code')), h('p', { class: 'enroll-code', id: 'enroll-code' }, made.code),
          h('p', { class: 'muted' }, t('fleet.expires', { time: formatTime(made.expires_at) })))));
    } catch (err) {
      result.append(errorBox(err));
    }
  });
  return h('section', { class: 'card' }, h('h2', {}, t('fleet.enroll_title')), form, result);
}

function confirmRevoke(message, ctx, x) {
  clear(message);
  const yes = h('button', { type: 'button', class: 'btn btn-danger btn-big', id: 'revoke-confirm' }, t('fleet.revoke_yes'));
  const err = h('p', { class: 'form-message', role: 'alert' });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await api('POST', '/fleet/' + encodeURIComponent(x.id) + '/revoke', {});
      ctx.flash(t('fleet.revoked_done', { name: x.name || x.id }));
      ctx.navigate('#/fleet' + query({ r: Date.now() }));
    } catch (e) {
      err.textContent = messageFor(e);
      yes.disabled = false;
    }
  });
  message.append(h('div', { class: 'confirm', role: 'alertdialog' },
    h('p', {}, t('fleet.revoke_question', { name: x.name || x.id })),
    h('div', { class: 'form-buttons' }, yes, h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => clear(message) }, t('common.cancel'))), err));
  message.scrollIntoView({ block: 'nearest' });
  yes.focus();
}
