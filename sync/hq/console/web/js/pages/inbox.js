// The ticket inbox (desk, admin, viewer) and a technician's "my jobs": filters kept in the
// address (#/inbox?status=open&...), SLA badges in words and colour, overdue rows marked,
// paging. A table on a desk, a list of cards on a phone (the CSS turns rows into cards).
import { api, query } from '../api.js';
import { h, append, clear, field, select } from '../dom.js';
import { t, word, formatTime } from '../i18n.js';
import { errorBox } from '../errors.js';
import { KINDS, CATEGORIES, STATUSES } from '../catalog_values.js';
import { rowBadges, statusChip, urgencyChip, isOverdue } from '../sla.js';
import { communityOptions, placeNames } from '../scope.js';

const LIMIT = 50;
const REFRESH_MS = 30000;
const FILTERS = ['community', 'kind', 'category', 'status', 'building', 'assignee', 'overdue', 'escalated', 'paused', 'q', 'page'];

export async function renderInbox(main, ctx, params, { jobs = false } = {}) {
  const f = {};
  for (const k of FILTERS) f[k] = params.get(k) || '';
  if (!params.has('status')) f.status = 'open';
  const page = Math.max(1, Number(f.page) || 1);
  const base = jobs ? '#/jobs' : '#/inbox';

  main.append(h('h1', {}, jobs ? t('jobs.title') : t('inbox.title')));
  if (!jobs) {
    // Open on a desk; on a phone folded away (with how many filters are on) so the list comes first.
    const active = FILTERS.filter((k) => k !== 'page' && f[k] && !(k === 'status' && f[k] === 'open')).length;
    const box = h('details', { class: 'filters-box', id: 'filters-box' },
      h('summary', {}, t('filter.title'), active ? h('span', { class: 'chip' }, t('filter.active', { n: active })) : null),
      await filterForm(ctx, f, base));
    box.open = window.matchMedia('(min-width: 721px)').matches;
    main.append(box);
  }
  else main.append(jobsSwitch(f, base));

  const listBox = h('section', { class: 'inbox', id: 'inbox', 'aria-busy': 'true' }, h('p', { class: 'muted' }, t('common.loading')));
  main.append(listBox);
  const wanted = { ...f, page, limit: LIMIT };
  if (wanted.status === 'all') delete wanted.status;
  await loadList(listBox, wanted, f, page, base, jobs);
  // A desk leaves the inbox open: the list refreshes itself while it is on screen.
  const timer = setInterval(() => {
    if (!listBox.isConnected) { clearInterval(timer); return; }
    if (document.visibilityState === 'visible') loadList(listBox, wanted, f, page, base, jobs);
  }, REFRESH_MS);
}

async function loadList(listBox, wanted, f, page, base, jobs) {
  let body;
  try {
    body = await api('GET', '/tickets' + query(wanted));
  } catch (err) {
    listBox.replaceChildren(errorBox(err));
    return;
  }
  listBox.removeAttribute('aria-busy');
  const items = (body && body.items) || [];
  const total = Number(body && body.total) || items.length;
  if (!items.length) {
    listBox.replaceChildren(h('p', { class: 'empty', id: 'inbox-empty' }, jobs ? t('jobs.empty') : t('inbox.empty')));
    return;
  }
  append(clear(listBox), [
    h('p', { class: 'muted', id: 'inbox-count' }, t('inbox.count', { total, from: (page - 1) * LIMIT + 1, to: (page - 1) * LIMIT + items.length })),
    ticketTable(items, jobs, await placeNames()),
    pager(f, page, total, base)]);
}

function jobsSwitch(f, base) {
  const open = f.status === 'open';
  return h('div', { class: 'segmented', role: 'group' },
    h('a', { class: open ? 'seg active' : 'seg', href: base + '?status=open', 'aria-current': open ? 'true' : null }, t('jobs.open')),
    h('a', { class: !open ? 'seg active' : 'seg', href: base + '?status=all', 'aria-current': !open ? 'true' : null }, t('jobs.all')));
}

async function filterForm(ctx, f, base) {
  const communities = await communityOptions(ctx.user);
  const text = (name, label, type = 'search') => field(label, h('input', { name, type, value: f[name], id: 'filter-' + name }));
  const check = (name, label) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name, value: '1', id: 'filter-' + name, checked: f[name] === '1' }), label);
  const form = h('form', { class: 'filters', id: 'filters', role: 'search' },
    text('q', t('filter.search')),
    communities.length > 1 ? field(t('filter.community'), select('community', [['', t('filter.any')], ...communities], f.community)) : null,
    field(t('filter.kind'), select('kind', [['', t('filter.any')], ...KINDS.map((k) => [k, word('kind', k)])], f.kind)),
    field(t('filter.category'), select('category', [['', t('filter.any')], ...CATEGORIES.map((k) => [k, word('category', k)])], f.category)),
    field(t('filter.status'), select('status', [['open', t('filter.open')], ['all', t('filter.all')], ...STATUSES.map((s) => [s, word('status', s)])], f.status)),
    text('building', t('filter.building'), 'text'),
    text('assignee', t('filter.assignee'), 'text'),
    h('div', { class: 'checks' }, check('overdue', t('filter.overdue')), check('escalated', t('filter.escalated')), check('paused', t('filter.paused'))),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'btn btn-primary', id: 'filter-apply' }, t('filter.apply')),
      h('a', { class: 'btn btn-quiet', href: base + '?status=open' }, t('filter.reset'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const next = {};
    for (const [k, v] of data.entries()) if (v !== '') next[k] = String(v).trim();
    if (!next.status) next.status = 'open';
    ctx.navigate(base + query(next));
  });
  return form;
}

function ticketTable(items, jobs, names) {
  const head = h('tr', {}, ['col.number', 'col.kind', 'col.summary', 'col.place', 'col.status', 'col.sla', 'col.assignee', 'col.created']
    .map((k) => h('th', { scope: 'col' }, t(k))));
  const rows = items.map((item) => {
    const overdue = isOverdue(item.sla);
    const link = h('a', { href: '#/ticket/' + encodeURIComponent(item.number), class: 'ticket-link' }, item.number);
    const cell = (label, ...content) => h('td', { 'data-label': label }, content);
    return h('tr', { class: overdue ? 'ticket-row overdue' : 'ticket-row', 'data-number': item.number },
      cell(t('col.number'), link, overdue ? h('span', { class: 'badge sla-breached overdue-flag' }, t('inbox.overdue')) : null),
      cell(t('col.kind'), word('kind', item.kind), ' · ', word('category', item.category), ' ', urgencyChip(item.urgency)),
      cell(t('col.summary'), h('span', { class: 'summary' }, item.summary || ''),
        item.co_reporters > 0 ? h('span', { class: 'chip' }, t('ticket.co_count', { n: item.co_reporters })) : null),
      cell(t('col.place'), placeText(item, names)),
      cell(t('col.status'), statusChip(item.status)),
      cell(t('col.sla'), h('span', { class: 'badges' }, rowBadges(item.sla))),
      cell(t('col.assignee'), item.assignee || t('ticket.unassigned')),
      cell(t('col.created'), formatTime(item.created_at)));
  });
  return h('table', { class: jobs ? 'tickets tickets-jobs' : 'tickets', id: 'ticket-table' },
    h('thead', {}, head), h('tbody', {}, rows));
}

// Community, building and place; names where the office knows them, else the ids as sent.
export function placeText(item, names = null) {
  const parts = [];
  if (item.community_id) parts.push(names?.community.get(item.community_id) || item.community_id);
  if (item.building_id) parts.push(names?.building.get(item.building_id) || item.building_id);
  if (item.place) parts.push(item.place);
  return parts.join(' · ');
}

function pager(f, page, total, base) {
  const pages = Math.max(1, Math.ceil(total / LIMIT));
  if (pages <= 1) return null;
  const to = (p) => base + query({ ...f, page: p });
  return h('nav', { class: 'pager', 'aria-label': t('pager.label') },
    page > 1 ? h('a', { class: 'btn', href: to(page - 1), id: 'page-prev' }, t('pager.prev')) : null,
    h('span', {}, t('pager.of', { page, pages })),
    page < pages ? h('a', { class: 'btn', href: to(page + 1), id: 'page-next' }, t('pager.next')) : null);
}
