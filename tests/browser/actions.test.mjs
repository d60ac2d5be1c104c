// Which action buttons the ticket page offers, per role, state and pause (docs/console.md's
// table of actions); no browser needed.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { allowedActions } from '../../sync/hq/console/web/js/pages/ticket.js';

const desk = { username: 'desk1', role: 'desk' };
const tech = { username: 'tech1', role: 'technician' };
const other = { username: 'tech2', role: 'technician' };
const viewer = { username: 'v', role: 'viewer' };
const ticket = (status, { assignee = 'tech1', paused = false } = {}) =>
  ({ status, assignee, sla: { paused: paused ? { since: 1, reason: 'waiting_parts' } : null } });

it('desk: accept, dispatch, start, pause, finish, close by state', () => {
  assert.deepEqual(allowedActions(desk, ticket('submitted', { assignee: null })), ['accept']);
  assert.deepEqual(allowedActions(desk, ticket('accepted', { assignee: null })), ['dispatch', 'pause']);
  assert.deepEqual(allowedActions(desk, ticket('dispatched')), ['dispatch', 'start', 'pause']);
  assert.deepEqual(allowedActions(desk, ticket('in_progress')), ['dispatch', 'finish', 'pause']);
  assert.deepEqual(allowedActions(desk, ticket('resolved')), ['close']);
  assert.deepEqual(allowedActions(desk, ticket('callback_done')), []);
});

it('technician: only their own jobs, never accept, dispatch or close', () => {
  assert.deepEqual(allowedActions(tech, ticket('dispatched')), ['start', 'pause']);
  assert.deepEqual(allowedActions(tech, ticket('in_progress')), ['finish', 'pause']);
  assert.deepEqual(allowedActions(tech, ticket('resolved')), []);
  assert.deepEqual(allowedActions(other, ticket('dispatched')), []);
});

it('paused: only resume; a viewer nothing', () => {
  assert.deepEqual(allowedActions(desk, ticket('in_progress', { paused: true })), ['resume']);
  assert.deepEqual(allowedActions(tech, ticket('dispatched', { paused: true })), ['resume']);
  assert.deepEqual(allowedActions(viewer, ticket('submitted')), []);
});
