// Plain words for an API failure (docs/console.md, Errors): what happened and what to do.
import { t } from './i18n.js';
import { h } from './dom.js';

export function messageFor(err) {
  if (!err || err.status === undefined) return t('error.unknown');
  switch (err.status) {
    case 0: return t('error.network');
    case 400: return t('error.bad_request', { detail: err.message || '' });
    case 401: return t('error.unauthorized');
    case 403: return err.code === 'csrf_failed' ? t('error.csrf') : t('error.forbidden');
    case 404: return t('error.not_found');
    case 409: return t('error.conflict');
    case 423: return t('error.locked', { minutes: Math.max(1, Math.ceil((Number(err.body.retry_after_s) || 60) / 60)) });
    case 429: return t('error.rate_limited');
    default: return t('error.server', { status: err.status });
  }
}

export function errorBox(err) {
  return h('p', { class: 'flash flash-error', role: 'alert' }, messageFor(err));
}
