// SLA badges and status chips: always a word (and an icon character) besides the colour, so a
// badge reads the same to someone who cannot tell red from green.
import { h } from './dom.js';
import { t, formatTime, relative } from './i18n.js';

const ICON = { ok: '○', warning: '◔', breached: '⚠', met: '✓', met_late: '✓!', paused: '⏸' };

export function clockBadge(which, clock) {
  if (!clock) return null;
  const state = clock.state || 'ok';
  return h('span', { class: 'badge sla-' + state, title: t('sla.due', { time: formatTime(clock.due_at) }) },
    h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, ICON[state] || ''),
    t('sla.' + which) + ' ' + t('sla.state.' + state));
}

// The one badge a row shows: the worst open clock.
export function worstClock(sla) {
  if (!sla) return null;
  const order = ['breached', 'warning', 'paused', 'ok', 'met_late', 'met'];
  const clocks = [['response', sla.response], ['resolution', sla.resolution], ['callback', sla.callback]]
    .filter(([, c]) => c);
  clocks.sort((a, b) => order.indexOf(a[1].state) - order.indexOf(b[1].state));
  return clocks[0] || null;
}

export function isOverdue(sla) {
  if (!sla) return false;
  return [sla.response, sla.resolution, sla.callback].some((c) => c && c.state === 'breached');
}

export function rowBadges(sla) {
  const worst = worstClock(sla);
  const out = [];
  if (worst) out.push(clockBadge(worst[0], worst[1]));
  if (sla && sla.paused) out.push(h('span', { class: 'badge sla-paused' }, t('sla.paused_reason.' + sla.paused.reason)));
  if (sla && sla.escalation > 0) out.push(escalationBadge(sla.escalation));
  return out;
}

export function escalationBadge(level) {
  return h('span', { class: 'badge esc-' + level }, h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, '▲'),
    t('sla.escalation.' + level));
}

export function statusChip(status) {
  return h('span', { class: 'chip status-' + status }, t('status.' + status));
}

export function urgencyChip(urgency) {
  if (urgency !== 'urgent') return null;
  return h('span', { class: 'chip urgent' }, h('span', { class: 'badge-icon', 'aria-hidden': 'true' }, '!'), t('urgency.urgent'));
}

export function clockLine(which, clock) {
  if (!clock) return null;
  const metAt = clock.met_at ? t('sla.met_at', { time: formatTime(clock.met_at) }) : relative(clock.due_at);
  return h('div', { class: 'clock' }, clockBadge(which, clock),
    h('span', { class: 'clock-due' }, t('sla.due', { time: formatTime(clock.due_at) })),
    h('span', { class: 'clock-rel muted' }, metAt));
}
