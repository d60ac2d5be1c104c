// One ticket: what the resident reported, where, who else reported it, the phone as the role
// may see it, the SLA clocks, the notes and the timeline, and the actions this role may take
// now, each as a big button that opens the one form it needs and says what happened.
import { api } from '../api.js';
import { h, clear, field, select } from '../dom.js';
import { t, word, formatTime } from '../i18n.js';
import { errorBox, messageFor } from '../errors.js';
import { clockLine, statusChip, urgencyChip, escalationBadge } from '../sla.js';
import { placeText } from './inbox.js';
import { placeNames } from '../scope.js';

export async function renderTicket(main, ctx, number) {
  const back = ctx.can.jobs(ctx.user) ? '#/jobs' : '#/inbox';
  main.append(h('p', {}, h('a', { href: back, class: 'back-link' }, '← ' + t('ticket.back'))));
  const box = h('div', { id: 'ticket' }, h('p', { class: 'muted' }, t('common.loading')));
  main.append(box);
  let ticket;
  try {
    ticket = await api('GET', '/tickets/' + encodeURIComponent(number));
  } catch (err) {
    box.replaceChildren(errorBox(err));
    return;
  }
  ticket.names = await placeNames();
  ticket.community_name = ticket.names.community.get(ticket.community_id) || '';
  draw(box, ctx, ticket, null);
}

function draw(box, ctx, ticket, done) {
  clear(box);
  const result = h('div', { class: 'flash-area', role: 'status', 'aria-live': 'polite', id: 'action-result' });
  if (done) result.append(h('p', { class: 'flash flash-ok' }, done));
  box.append(
    h('div', { class: 'ticket-head' },
      h('h1', { id: 'ticket-number' }, ticket.number),
      h('div', { class: 'ticket-tags' },
        h('span', { class: 'chip' }, word('kind', ticket.kind) + ' · ' + word('category', ticket.category)),
        urgencyChip(ticket.urgency), statusChip(ticket.status),
        ticket.sla && ticket.sla.paused ? h('span', { class: 'badge sla-paused' }, t('ticket.paused')) : null,
        ticket.sla && ticket.sla.escalation > 0 ? escalationBadge(ticket.sla.escalation) : null)),
    result,
    actionsPanel(box, ctx, ticket),
    h('div', { class: 'ticket-grid' },
      h('div', { class: 'ticket-main' }, details(ticket), notesSection(box, ctx, ticket), timeline(ticket)),
      h('aside', { class: 'ticket-side' }, slaSection(ticket), people(ticket))));
  // What happened shows where the eye is: on a phone the form may have been far below.
  if (done) result.scrollIntoView({ block: 'center' });
}

function row(label, ...value) {
  return [h('dt', {}, label), h('dd', {}, value)];
}

function details(ticket) {
  const loc = ticket.location || {};
  const building = loc.building_id && (ticket.names?.building.get(loc.building_id) || loc.building_id);
  const where = [word('where', loc.kind), building, loc.unit, loc.place_id].filter(Boolean).join(' · ') || placeText(ticket, ticket.names);
  return h('section', { class: 'card', id: 'ticket-details' },
    h('h2', {}, t('ticket.details')),
    h('p', { class: 'description', id: 'ticket-description' }, ticket.description || ''),
    h('dl', { class: 'facts' },
      row(t('ticket.community'), ticket.community_name ? `${ticket.community_name} (${ticket.community_id})` : ticket.community_id || '—'),
      row(t('ticket.place'), where || '—'),
      ticket.preferred_slot ? row(t('ticket.slot'), word('slot', ticket.preferred_slot)) : null,
      row(t('ticket.created'), formatTime(ticket.created_at)),
      row(t('ticket.assignee'), ticket.assignee || t('ticket.unassigned')),
      ticket.tracking_code ? row(t('ticket.tracking'), ticket.tracking_code) : null,
      ticket.anonymous ? row(t('ticket.anonymous'), t('common.yes')) : null,
      ticket.to_general_manager ? row(t('ticket.to_gm'), t('common.yes')) : null,
      ticket.follows ? row(t('ticket.follows'), h('a', { href: '#/ticket/' + encodeURIComponent(ticket.follows) }, ticket.follows)) : null,
      (ticket.followed_by || []).length ? row(t('ticket.followed_by'), ticket.followed_by.map((n) =>
        h('a', { href: '#/ticket/' + encodeURIComponent(n), class: 'follow-link' }, n))) : null));
}

function people(ticket) {
  const phone = ticket.phone
    ? (ticket.phone.includes('*') ? h('span', { id: 'ticket-phone' }, ticket.phone)
      : h('a', { href: 'tel:' + ticket.phone.replace(/[^0-9+]/g, ''), id: 'ticket-phone', class: 'phone' }, ticket.phone))
    : h('span', { id: 'ticket-phone', class: 'muted' }, ticket.anonymous ? t('ticket.anonymous') : t('ticket.no_phone'));
  const co = Array.isArray(ticket.co_reporters) ? ticket.co_reporters : [];
  return h('section', { class: 'card', id: 'ticket-people' },
    h('h2', {}, t('ticket.contact')),
    h('p', {}, phone),
    h('h3', {}, t('ticket.co_reporters', { n: co.length })),
    co.length ? h('ul', { class: 'plain', id: 'co-reporters' }, co.map((c) =>
      h('li', {}, formatTime(c.at), ' · ', c.phone || t('ticket.no_phone')))) : h('p', { class: 'muted' }, t('ticket.co_none')));
}

function slaSection(ticket) {
  const sla = ticket.sla || {};
  return h('section', { class: 'card', id: 'ticket-sla' },
    h('h2', {}, t('ticket.sla')),
    clockLine('response', sla.response), clockLine('resolution', sla.resolution), clockLine('callback', sla.callback),
    sla.paused ? h('p', { class: 'paused-note' }, t('ticket.paused_since', {
      time: formatTime(sla.paused.since), reason: word('sla.paused_reason', sla.paused.reason) })) : null,
    h('p', {}, sla.escalation > 0 ? escalationBadge(sla.escalation) : h('span', { class: 'muted' }, t('sla.escalation.0'))));
}

function timeline(ticket) {
  const events = ticket.events || [];
  return h('section', { class: 'card', id: 'ticket-timeline' },
    h('h2', {}, t('ticket.timeline')),
    events.length ? h('ol', { class: 'timeline' }, events.map((e) => h('li', { class: 'event' },
      h('div', { class: 'event-head' },
        h('time', {}, formatTime(e.at)), ' ',
        h('strong', {}, word('event', e.action)), ' ',
        e.to ? statusChip(e.to) : null, ' ',
        h('span', { class: 'muted' }, actorText(e.actor))),
      e.note ? h('p', { class: 'event-note' }, e.note) : null))) : h('p', { class: 'muted' }, t('ticket.no_events')));
}

function actorText(actor) {
  if (actor === 'terminal') return t('actor.terminal');
  if (actor === 'system') return t('actor.system');
  return actor || '';
}

function notesSection(box, ctx, ticket) {
  const notes = ticket.notes || [];
  const list = h('ul', { class: 'notes', id: 'notes' }, notes.map((n) => h('li', { class: 'note note-' + n.visibility },
    h('div', { class: 'note-head' },
      h('span', { class: 'badge vis-' + n.visibility }, t('note.' + n.visibility)), ' ',
      h('span', { class: 'muted' }, (n.author || '') + ' · ' + formatTime(n.at))),
    h('p', { class: 'note-text' }, n.text))));
  const section = h('section', { class: 'card', id: 'ticket-notes' }, h('h2', {}, t('ticket.notes')),
    notes.length ? list : h('p', { class: 'muted' }, t('ticket.no_notes')));
  if (ctx.user.role === 'viewer') return section;
  const text = h('textarea', { name: 'text', id: 'note-text', rows: '3', maxlength: '2000', required: true });
  const visibilities = ctx.user.role === 'technician' ? [['internal', t('note.internal')]]
    : [['internal', t('note.internal')], ['resident', t('note.resident')]];
  const vis = select('visibility', visibilities, 'internal');
  vis.id = 'note-visibility';
  const message = h('p', { class: 'form-message', role: 'alert' });
  const form = h('form', { class: 'note-form', id: 'note-form' },
    field(t('note.add'), text), field(t('note.visibility'), vis, t('note.visibility_hint')), message,
    h('button', { type: 'submit', class: 'btn btn-primary', id: 'note-submit' }, t('note.save')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!text.value.trim()) { message.textContent = t('note.empty'); return; }
    try {
      await api('POST', '/tickets/' + encodeURIComponent(ticket.number) + '/notes', { text: text.value.trim(), visibility: vis.value });
      const fresh = await api('GET', '/tickets/' + encodeURIComponent(ticket.number));
      fresh.community_name = ticket.community_name;
      draw(box, ctx, fresh, t('note.saved'));
    } catch (err) {
      message.textContent = messageFor(err);
    }
  });
  section.append(form);
  return section;
}

// The actions this user may take on the ticket now (docs/console.md, the table of actions).
export function allowedActions(user, ticket) {
  const role = user.role;
  const staff = role === 'desk' || role === 'admin';
  const mine = role === 'technician' && ticket.assignee === user.username;
  const worker = staff || mine;
  const paused = !!(ticket.sla && ticket.sla.paused);
  const s = ticket.status;
  const out = [];
  // While paused only resume (and notes) are allowed (docs/console.md).
  if (paused) return worker ? ['resume'] : [];
  if (staff && s === 'submitted') out.push('accept');
  if (staff && ['accepted', 'dispatched', 'in_progress'].includes(s)) out.push('dispatch');
  if (worker && s === 'dispatched') out.push('start');
  if (worker && s === 'in_progress') out.push('finish');
  if (worker && ['accepted', 'dispatched', 'in_progress'].includes(s)) out.push('pause');
  if (staff && s === 'resolved') out.push('close');
  return out;
}

function actionsPanel(box, ctx, ticket) {
  const actions = allowedActions(ctx.user, ticket);
  const panel = h('section', { class: 'card actions', id: 'ticket-actions' });
  if (!actions.length) {
    panel.append(h('p', { class: 'muted' }, ctx.user.role === 'viewer' ? t('action.read_only') : t('action.none')));
    return panel;
  }
  const formBox = h('div', { class: 'action-form-box' });
  const buttons = h('div', { class: 'action-buttons' }, actions.map((a) =>
    h('button', { type: 'button', class: 'btn btn-big btn-action action-' + a, id: 'action-' + a,
      onclick: () => openForm(formBox, box, ctx, ticket, a) },
    a === 'dispatch' && ticket.assignee ? t('action.reassign') : t('action.' + a))));
  panel.append(h('h2', {}, t('action.title')), buttons, formBox);
  return panel;
}

async function openForm(formBox, box, ctx, ticket, action) {
  clear(formBox);
  // A new action: the last one's confirmation goes, so what shows next is about this one.
  const last = box.querySelector('#action-result');
  if (last) clear(last);
  const controls = [];
  const get = {};
  if (action === 'dispatch') {
    const techs = await technicians(ticket.number);
    let control;
    if (techs.length) {
      control = select('assignee', [['', t('action.pick_technician')], ...techs.map((x) => [x.username, x.name ? `${x.name} (${x.username})` : x.username])], ticket.assignee || '');
    } else {
      control = h('input', { name: 'assignee', type: 'text', autocomplete: 'off', value: ticket.assignee || '', required: true });
    }
    control.id = 'action-assignee';
    controls.push(field(t('action.assignee'), control, techs.length ? null : t('action.assignee_hint')));
    get.assignee = () => control.value.trim();
  }
  if (action === 'pause') {
    const reason = select('reason', [['waiting_parts', t('sla.paused_reason.waiting_parts')], ['waiting_resident', t('sla.paused_reason.waiting_resident')]], 'waiting_parts');
    reason.id = 'action-reason';
    controls.push(field(t('action.reason'), reason));
    get.reason = () => reason.value;
  }
  if (action === 'close') {
    const cb = select('callback', [['satisfied', t('callback.satisfied')], ['unsatisfied', t('callback.unsatisfied')], ['unreachable', t('callback.unreachable')]], 'satisfied');
    cb.id = 'action-callback';
    controls.push(field(t('action.callback'), cb));
    get.callback = () => cb.value;
  }
  const note = h('textarea', { name: 'note', id: 'action-note', rows: '3', maxlength: '2000' });
  const noteRequired = action === 'finish';
  controls.push(field(noteRequired ? t('action.note_required') : t('action.note'), note,
    noteRequired ? t('action.note_resident') : t('action.note_hint')));
  const message = h('p', { class: 'form-message', role: 'alert', id: 'action-message' });
  const form = h('form', { class: 'action-form', id: 'action-form' },
    h('h3', {}, t('action.confirm_title', { action: t('action.' + action), number: ticket.number })),
    controls, message,
    h('div', { class: 'form-buttons' },
      h('button', { type: 'submit', class: 'btn btn-primary btn-big', id: 'action-confirm' }, t('action.confirm', { action: t('action.' + action) })),
      h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => clear(formBox) }, t('common.cancel'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { action };
    for (const [k, fn] of Object.entries(get)) body[k] = fn();
    if (note.value.trim()) body.note = note.value.trim();
    if (noteRequired && !body.note) { message.textContent = t('action.need_note'); note.focus(); return; }
    if (action === 'dispatch' && !body.assignee) { message.textContent = t('action.need_assignee'); return; }
    const submit = form.querySelector('#action-confirm');
    submit.disabled = true;
    try {
      let fresh = await api('POST', '/tickets/' + encodeURIComponent(ticket.number) + '/actions', body);
      if (!fresh || !fresh.number) fresh = await api('GET', '/tickets/' + encodeURIComponent(ticket.number));
      fresh.community_name = ticket.community_name;
      draw(box, ctx, fresh, t('action.done.' + action, { number: ticket.number, assignee: body.assignee || '' }));
    } catch (err) {
      message.textContent = err.status === 409 ? t('action.conflict') : messageFor(err);
      submit.disabled = false;
    }
  });
  formBox.append(form);
  note.focus();
}

// The technicians this ticket may be dispatched to; if the list cannot be had, the form asks
// for a username instead.
async function technicians(number) {
  try {
    const body = await api('GET', '/tickets/' + encodeURIComponent(number) + '/assignees');
    return (body && body.items) || [];
  } catch {
    return [];
  }
}
