// The console's shell: asks for the session on load, draws the header and navigation for the
// signed-in role, and routes #/... to one page module at a time. Without a session only the
// sign-in page is drawn.
import { api, setCsrf, whenUnauthorized } from './api.js';
import { h, clear } from './dom.js';
import { t, language, setLanguage } from './i18n.js';
import { renderSignIn } from './pages/signin.js';
import { renderInbox } from './pages/inbox.js';
import { renderTicket } from './pages/ticket.js';
import { renderNotices } from './pages/notices.js';
import { renderNoticeEditor } from './pages/notice_editor.js';
import { renderNoticeDetail } from './pages/notice_detail.js';
import { renderFleet } from './pages/fleet.js';
import { renderAudit } from './pages/audit.js';

const state = { user: null, flash: null };
const app = document.getElementById('app');

const can = {
  tickets: (u) => ['admin', 'desk', 'technician', 'viewer'].includes(u.role),
  inbox: (u) => ['admin', 'desk', 'viewer'].includes(u.role),
  jobs: (u) => u.role === 'technician',
  notices: (u) => ['admin', 'desk', 'notice_editor', 'viewer'].includes(u.role),
  editNotices: (u) => ['admin', 'notice_editor'].includes(u.role),
  fleet: (u) => ['admin', 'desk', 'notice_editor', 'viewer'].includes(u.role),
  admin: (u) => u.role === 'admin',
};

function home(user) {
  if (can.jobs(user)) return '#/jobs';
  if (can.inbox(user)) return '#/inbox';
  return '#/notices';
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

// A message shown once at the top of the next page drawn (what an action did).
export function flash(text, kind = 'ok') { state.flash = { text, kind }; }

function signedOut(expired = false) {
  state.user = null;
  setCsrf('');
  state.expired = expired;
  route();
}
whenUnauthorized(() => signedOut(true));

function header(user, active) {
  const links = [];
  const link = (hash, key, id) => h('a', { href: hash, id, class: active === id ? 'nav-link active' : 'nav-link',
    'aria-current': active === id ? 'page' : null }, t(key));
  if (can.inbox(user)) links.push(link('#/inbox', 'nav.inbox', 'nav-inbox'));
  if (can.jobs(user)) links.push(link('#/jobs', 'nav.jobs', 'nav-jobs'));
  if (can.notices(user)) links.push(link('#/notices', 'nav.notices', 'nav-notices'));
  if (can.fleet(user)) links.push(link('#/fleet', 'nav.fleet', 'nav-fleet'));
  if (can.admin(user)) links.push(link('#/audit', 'nav.audit', 'nav-audit'));
  return h('header', { class: 'topbar' },
    h('div', { class: 'brand' }, t('app.title')),
    h('nav', { class: 'nav', 'aria-label': t('nav.label') }, links),
    h('div', { class: 'who' },
      h('span', { class: 'who-name', id: 'who-name' }, user.name || user.username),
      h('span', { class: 'who-role' }, t('role.' + user.role)),
      languageButton(),
      h('button', { type: 'button', class: 'btn btn-quiet', id: 'sign-out', onclick: signOut }, t('nav.signout'))));
}

export function languageButton() {
  return h('button', { type: 'button', class: 'btn btn-quiet', id: 'lang-switch', lang: language() === 'zh' ? 'en' : 'zh',
    onclick: () => { setLanguage(language() === 'zh' ? 'en' : 'zh'); route(); } }, t('nav.language'));
}

async function signOut() {
  try { await api('DELETE', '/session'); } catch { /* the session is gone either way */ }
  signedOut();
}

function parseRoute() {
  const parts = (location.hash || '#/').replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const [, query] = (location.hash || '').split('?');
  return { parts: parts.map((p) => p.split('?')[0]), query: new URLSearchParams(query || '') };
}

let routeSeq = 0;
export async function route() {
  const seq = ++routeSeq;
  setLanguage(language());
  document.title = t('app.title');
  if (!state.user) {
    clear(app);
    const expired = state.expired;
    state.expired = false;
    renderSignIn(app, { expired, onSignedIn: (body) => { state.user = body.user; setCsrf(body.csrf); route(); } });
    return;
  }
  const user = state.user;
  const { parts, query } = parseRoute();
  const [page, id, sub] = parts;
  let active = page;
  let render = null;
  if (page === 'inbox' && can.inbox(user)) { render = (m) => renderInbox(m, ctx, query); active = 'nav-inbox'; }
  else if (page === 'jobs' && can.jobs(user)) { render = (m) => renderInbox(m, ctx, query, { jobs: true }); active = 'nav-jobs'; }
  else if (page === 'ticket' && id && can.tickets(user)) { render = (m) => renderTicket(m, ctx, id); active = can.jobs(user) ? 'nav-jobs' : 'nav-inbox'; }
  else if (page === 'notices' && can.notices(user)) {
    active = 'nav-notices';
    if (id === 'new' && can.editNotices(user)) render = (m) => renderNoticeEditor(m, ctx, null);
    else if (id && sub === 'edit' && can.editNotices(user)) render = (m) => renderNoticeEditor(m, ctx, id);
    else if (id) render = (m) => renderNoticeDetail(m, ctx, id);
    else render = (m) => renderNotices(m, ctx, query);
  } else if (page === 'fleet' && can.fleet(user)) { render = (m) => renderFleet(m, ctx); active = 'nav-fleet'; }
  else if (page === 'audit' && can.admin(user)) { render = (m) => renderAudit(m, ctx, query); active = 'nav-audit'; }
  if (!render) { location.replace(home(user)); return; }
  const main = h('main', { id: 'main', class: 'main', tabindex: '-1' });
  const flashBox = h('div', { class: 'flash-area', role: 'status', 'aria-live': 'polite', id: 'flash' });
  if (state.flash) {
    flashBox.append(h('p', { class: 'flash flash-' + state.flash.kind }, state.flash.text));
    state.flash = null;
  }
  clear(app);
  app.append(header(user, active), flashBox, main);
  if (seq !== routeSeq) return;
  await render(main);
}

const ctx = { get user() { return state.user; }, navigate, flash, can, isCurrent: () => routeSeq };

async function boot() {
  setLanguage(language());
  try {
    const body = await api('GET', '/session', undefined, { quiet401: true });
    state.user = body.user;
    setCsrf(body.csrf);
  } catch {
    state.user = null;
  }
  window.addEventListener('hashchange', route);
  await route();
}

boot();
