// The console's JSON API client: the session's CSRF token on every change, errors as ApiError
// values, and a 401 anywhere sends the page back to sign-in.
const BASE = '/console/api';
let csrf = '';
let onUnauthorized = () => {};

export class ApiError extends Error {
  constructor(status, code, message, body) {
    super(message || code || String(status));
    this.status = status;
    this.code = code || '';
    this.body = body || {};
  }
}

export function setCsrf(token) { csrf = token || ''; }
export function whenUnauthorized(fn) { onUnauthorized = fn; }

export async function api(method, path, body, { quiet401 = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD' && csrf) headers['X-CSRF-Token'] = csrf;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(BASE + path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', String(e));
  }
  let data = null;
  const text = await response.text();
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (response.ok) return data;
  const error = (data && data.error) || {};
  const err = new ApiError(response.status, error.code, error.message, data || {});
  if (response.status === 401 && !quiet401) onUnauthorized();
  throw err;
}

// A query string from an object, leaving out empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '' && v !== undefined && v !== null && v !== false) q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}
