// One notice: its text, state and targets, and per targeted terminal whether it has it and when
// and for how long it was displayed; revise and retract (with a confirm) for editors.
import { api } from '../api.js';
import { h, clear } from '../dom.js';
import { t, word, formatTime, duration } from '../i18n.js';
import { errorBox, messageFor } from '../errors.js';
import { noticeState, targetText } from './notices.js';

export async function renderNoticeDetail(main, ctx, id) {
  main.append(h('p', {}, h('a', { href: '#/notices', class: 'back-link' }, '← ' + t('notices.back'))));
  const box = h('div', { id: 'notice-detail' }, h('p', { class: 'muted' }, t('common.loading')));
  main.append(box);
  let body;
  try {
    body = await api('GET', '/notices/' + encodeURIComponent(id));
  } catch (err) {
    box.replaceChildren(errorBox(err));
    return;
  }
  const n = body.notice || body;
  const terminals = Array.isArray(body.terminals) ? body.terminals
    : Array.isArray(body.delivery) ? body.delivery : [];
  const st = n.state || noticeState(n);
  clear(box);
  const editor = ctx.can.editNotices(ctx.user) && st !== 'retracted';
  const message = h('div', { class: 'flash-area', role: 'status', id: 'notice-message' });
  box.append(
    h('div', { class: 'page-head' }, h('h1', { id: 'notice-title' }, n.title || id),
      h('div', { class: 'ticket-tags' }, h('span', { class: 'chip nstate-' + st }, t('notice.state.' + st)),
        n.emergency ? h('span', { class: 'chip urgent' }, t('notice.emergency')) : null,
        n.pinned ? h('span', { class: 'chip' }, t('notice.pinned')) : null)),
    message,
    editor ? h('div', { class: 'action-buttons' },
      h('a', { class: 'btn btn-big btn-action', href: '#/notices/' + encodeURIComponent(id) + '/edit', id: 'notice-revise' }, t('notice.revise')),
      h('button', { type: 'button', class: 'btn btn-big btn-danger', id: 'notice-retract', onclick: () => confirmRetract(box, message, ctx, id) }, t('notice.retract'))) : null,
    h('section', { class: 'card' },
      h('p', { class: 'description', id: 'notice-body' }, n.body || ''),
      n.title_en || n.body_en ? h('div', { class: 'english', lang: 'en' }, h('h3', {}, n.title_en || ''), h('p', { class: 'description' }, n.body_en || '')) : null,
      h('dl', { class: 'facts' },
        h('dt', {}, t('notice.category')), h('dd', {}, word('notice.category', n.category)),
        h('dt', {}, t('notice.revision_label')), h('dd', {}, String(n.revision || 1)),
        h('dt', {}, t('notice.publish_at')), h('dd', {}, formatTime(n.publish_at)),
        h('dt', {}, t('notice.expire_at')), h('dd', {}, n.expire_at ? formatTime(n.expire_at) : t('notice.no_expiry')),
        n.retracted_at ? [h('dt', {}, t('notice.retracted_at')), h('dd', {}, formatTime(n.retracted_at))] : null,
        h('dt', {}, t('notice.targets')), h('dd', {}, targetText(n.targets)))),
    h('section', { class: 'card' }, h('h2', {}, t('notice.terminals_title', { n: terminals.length })),
      terminals.length ? h('table', { class: 'tickets', id: 'notice-terminals' },
        h('thead', {}, h('tr', {}, ['notice.col.terminal', 'notice.col.delivered', 'notice.col.displays'].map((k) => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, terminals.map((x) => h('tr', { class: 'notice-terminal', 'data-terminal': x.terminal_id },
          h('td', { 'data-label': t('notice.col.terminal') }, x.name || x.terminal_id, h('div', { class: 'muted' }, x.terminal_id)),
          h('td', { 'data-label': t('notice.col.delivered') }, x.delivered_at ? formatTime(x.delivered_at) : h('span', { class: 'badge sla-warning' }, t('notice.not_delivered'))),
          h('td', { 'data-label': t('notice.col.displays') }, (x.displays || []).length
            ? h('ul', { class: 'plain displays' }, x.displays.map((d) => h('li', { class: 'display' },
              t('notice.display', { at: formatTime(d.shown_at), for: duration(d.shown_for_s) }))))
            : h('span', { class: 'muted' }, t('notice.not_displayed'))))))) : h('p', { class: 'muted' }, t('notice.no_terminals'))));
}

function confirmRetract(box, message, ctx, id) {
  clear(message);
  const yes = h('button', { type: 'button', class: 'btn btn-danger btn-big', id: 'retract-confirm' }, t('notice.retract_yes'));
  const no = h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => clear(message) }, t('common.cancel'));
  const err = h('p', { class: 'form-message', role: 'alert' });
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      await api('POST', '/notices/' + encodeURIComponent(id) + '/retract', {});
      ctx.flash(t('notice.retracted'));
      ctx.navigate('#/notices/' + encodeURIComponent(id) + '?r=' + Date.now());
    } catch (e) {
      err.textContent = messageFor(e);
      yes.disabled = false;
    }
  });
  message.append(h('div', { class: 'confirm', role: 'alertdialog', 'aria-labelledby': 'retract-q' },
    h('p', { id: 'retract-q' }, t('notice.retract_question')), h('div', { class: 'form-buttons' }, yes, no), err));
  yes.focus();
}
