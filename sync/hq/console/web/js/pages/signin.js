// The sign-in page: username and password, and plain words for a wrong password, a locked
// account (with the minutes left) or too many tries.
import { api } from '../api.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { languageButton } from '../app.js';

export function renderSignIn(root, { onSignedIn, expired = false }) {
  const username = h('input', { name: 'username', id: 'username', autocomplete: 'username', required: true, autocapitalize: 'none' });
  const password = h('input', { name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'signin-message', id: 'signin-message', role: 'alert' }, expired ? t('error.unauthorized') : '');
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-big', id: 'signin-submit' }, t('signin.submit'));
  const form = h('form', { class: 'signin-form', id: 'signin-form', novalidate: true },
    h('h1', {}, t('app.title')),
    h('p', { class: 'muted' }, t('signin.lead')),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, t('signin.username')), username),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, t('signin.password')), password),
    message, submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    message.textContent = '';
    if (!username.value.trim() || !password.value) { message.textContent = t('signin.missing'); return; }
    submit.disabled = true;
    try {
      const body = await api('POST', '/session', { username: username.value.trim(), password: password.value }, { quiet401: true });
      onSignedIn(body);
    } catch (err) {
      password.value = '';
      if (err.status === 401) message.textContent = t('signin.wrong');
      else if (err.status === 423) message.textContent = t('signin.locked', { minutes: Math.max(1, Math.ceil((Number(err.body.retry_after_s) || 900) / 60)) });
      else if (err.status === 429) message.textContent = t('signin.throttled');
      else if (err.status === 0) message.textContent = t('error.network');
      else message.textContent = t('error.server', { status: err.status });
      submit.disabled = false;
      password.focus();
    }
  });
  root.append(h('div', { class: 'signin-page' }, h('div', { class: 'signin-lang' }, languageButton()), form));
  username.focus();
}
