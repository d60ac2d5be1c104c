// The notices list: state, category, targets and the delivered / displayed counts, filtered by
// state and community; editors get "new notice".
import { api, query } from '../api.js';
import { h, field, select } from '../dom.js';
import { t, word, formatTime } from '../i18n.js';
import { errorBox } from '../errors.js';
import { NOTICE_STATES } from '../catalog_values.js';
import { communityOptions } from '../scope.js';

export function noticeState(n, now = Date.now()) {
  const at = (v) => (typeof v === 'number' ? (v > 1e12 ? v : v * 1000) : Date.parse(v));
  if (n.retracted_at) return 'retracted';
  if (n.expire_at && at(n.expire_at) <= now) return 'expired';
  if (n.publish_at && at(n.publish_at) > now) return 'scheduled';
  return 'live';
}

export function targetText(targets) {
  return (targets || []).map((x) => (x.kind === 'all' ? t('target.all') : word('target', x.kind) + ' ' + (x.ref || ''))).join('、');
}

export async function renderNotices(main, ctx, params) {
  const state = params.get('state') || '';
  const community = params.get('community') || '';
  const communities = await communityOptions(ctx.user);
  const head = h('div', { class: 'page-head' }, h('h1', {}, t('notices.title')),
    ctx.can.editNotices(ctx.user) ? h('a', { class: 'btn btn-primary btn-big', href: '#/notices/new', id: 'notice-new' }, t('notices.new')) : null);
  const stateSel = select('state', [['', t('filter.all')], ...NOTICE_STATES.map((s) => [s, t('notice.state.' + s)])], state);
  const commSel = communities.length > 1 ? select('community', [['', t('filter.any')], ...communities], community) : null;
  const form = h('form', { class: 'filters filters-short', id: 'notice-filters' }, field(t('filter.state'), stateSel),
    commSel ? field(t('filter.community'), commSel) : null,
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit', class: 'btn btn-primary' }, t('filter.apply'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    ctx.navigate('#/notices' + query({ state: stateSel.value, community: commSel ? commSel.value : '' }));
  });
  const list = h('section', { id: 'notices' }, h('p', { class: 'muted' }, t('common.loading')));
  main.append(head, form, list);
  let body;
  try {
    body = await api('GET', '/notices' + query({ state, community }));
  } catch (err) {
    list.replaceChildren(errorBox(err));
    return;
  }
  const items = (body && body.items) || [];
  if (!items.length) { list.replaceChildren(h('p', { class: 'empty' }, t('notices.empty'))); return; }
  const cols = ['notice.col.title', 'notice.col.state', 'notice.col.targets', 'notice.col.when', 'notice.col.reach'];
  list.replaceChildren(h('table', { class: 'tickets notices-table', id: 'notice-table' },
    h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, t(c))))),
    h('tbody', {}, items.map((n) => {
      const st = n.state || noticeState(n);
      return h('tr', { class: 'notice-row', 'data-id': n.id },
        h('td', { 'data-label': t('notice.col.title') },
          h('a', { href: '#/notices/' + encodeURIComponent(n.id), class: 'notice-link' }, n.title || n.id),
          n.emergency ? h('span', { class: 'chip urgent' }, t('notice.emergency')) : null,
          n.pinned ? h('span', { class: 'chip' }, t('notice.pinned')) : null,
          h('div', { class: 'muted' }, word('notice.category', n.category) + ' · ' + t('notice.revision', { n: n.revision || 1 }))),
        h('td', { 'data-label': t('notice.col.state') }, h('span', { class: 'chip nstate-' + st }, t('notice.state.' + st))),
        h('td', { 'data-label': t('notice.col.targets') }, targetText(n.targets)),
        h('td', { 'data-label': t('notice.col.when') }, formatTime(n.publish_at), ' → ', n.expire_at ? formatTime(n.expire_at) : t('notice.no_expiry')),
        h('td', { 'data-label': t('notice.col.reach') }, t('notice.reach', { terminals: n.terminals ?? 0, delivered: n.delivered ?? 0, displayed: n.displayed ?? 0 })));
    }))));
}
