// The audit log (admins): who did what to what, from where, with the fields before and after;
// filtered by actor, action, target and time, paged.
import { api, query } from '../api.js';
import { h, field } from '../dom.js';
import { t, formatTime } from '../i18n.js';
import { errorBox } from '../errors.js';

const LIMIT = 50;

function pretty(json) {
  if (!json || json === '{}') return '';
  try {
    const v = typeof json === 'string' ? JSON.parse(json) : json;
    return Object.entries(v).map(([k, x]) => `${k}: ${typeof x === 'string' ? x : JSON.stringify(x)}`).join('\n');
  } catch {
    return String(json);
  }
}

export async function renderAudit(main, ctx, params) {
  const f = {};
  for (const k of ['actor', 'action', 'target', 'from', 'to']) f[k] = params.get(k) || '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const input = (name, type = 'text') => field(t('audit.' + name), h('input', { name, type, value: f[name], id: 'audit-' + name }));
  const form = h('form', { class: 'filters', id: 'audit-filters' }, input('actor'), input('action'), input('target'),
    input('from', 'date'), input('to', 'date'),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('filter.apply')),
      h('a', { class: 'btn btn-quiet', href: '#/audit' }, t('filter.reset'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = {};
    for (const [k, v] of new FormData(form).entries()) if (v) next[k] = String(v).trim();
    ctx.navigate('#/audit' + query(next));
  });
  const list = h('section', { id: 'audit' }, h('p', { class: 'muted' }, t('common.loading')));
  main.append(h('h1', {}, t('audit.title')), form, list);
  const wanted = { ...f, page };
  // Dates from the form: from the start of the first day up to (not including) the day after the last.
  if (f.from) wanted.from = Math.floor(new Date(f.from + 'T00:00').getTime() / 1000);
  if (f.to) wanted.to = Math.floor(new Date(f.to + 'T00:00').getTime() / 1000) + 86400;
  let body;
  try {
    body = await api('GET', '/audit' + query(wanted));
  } catch (err) {
    list.replaceChildren(errorBox(err));
    return;
  }
  const items = (body && body.items) || [];
  if (!items.length) { list.replaceChildren(h('p', { class: 'empty' }, t('audit.empty'))); return; }
  const total = Number(body.total) || 0;
  const cols = ['audit.col.at', 'audit.col.actor', 'audit.col.action', 'audit.col.target', 'audit.col.change', 'audit.col.address'];
  list.replaceChildren(h('table', { class: 'tickets audit-table', id: 'audit-table' },
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, t(c))))),
    h('tbody', {}, items.map((x) => h('tr', { class: 'audit-row' },
      h('td', { 'data-label': t('audit.col.at') }, formatTime(x.at)),
      h('td', { 'data-label': t('audit.col.actor') }, x.actor || ''),
      h('td', { 'data-label': t('audit.col.action') }, x.action || ''),
      h('td', { 'data-label': t('audit.col.target') }, x.target || ''),
      h('td', { 'data-label': t('audit.col.change') },
        pretty(x.before) ? h('pre', { class: 'before' }, pretty(x.before)) : null,
        pretty(x.after) ? h('pre', { class: 'after' }, pretty(x.after)) : null),
      h('td', { 'data-label': t('audit.col.address') }, x.address || ''))))),
  h('nav', { class: 'pager' },
    page > 1 ? h('a', { class: 'btn', href: '#/audit' + query({ ...f, page: page - 1 }) }, t('pager.prev')) : null,
    h('span', {}, t('pager.page', { page })),
    (total ? page * LIMIT < total : items.length >= LIMIT) ? h('a', { class: 'btn', href: '#/audit' + query({ ...f, page: page + 1 }) }, t('pager.next')) : null));
}
