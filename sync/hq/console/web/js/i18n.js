// The console's language: Chinese by default, English on the switch; every string comes from
// one catalog per language (strings_zh.js, strings_en.js), with {name} placeholders.
import zh from './strings_zh.js';
import en from './strings_en.js';

const catalogs = { zh, en };
const KEY = 'homedesk.console.lang';
let lang = 'zh';
try { lang = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh'; } catch { lang = 'zh'; }

export function language() { return lang; }

export function setLanguage(next) {
  lang = next === 'en' ? 'en' : 'zh';
  try { localStorage.setItem(KEY, lang); } catch { /* private mode: this page only */ }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

export function t(key, params = {}) {
  let s = catalogs[lang][key];
  if (s === undefined) s = catalogs.en[key];
  if (s === undefined) return key;
  return s.replace(/\{(\w+)\}/g, (m, name) => (params[name] !== undefined ? String(params[name]) : m));
}

// A catalog word for an API value (status, kind, role...), or the value itself when unknown.
export function word(group, value) {
  if (value === null || value === undefined || value === '') return '';
  const key = group + '.' + value;
  const s = t(key);
  return s === key ? String(value) : s;
}

// Times arrive as unix seconds (or ISO text); shown in the office's local time.
export function toDate(value) {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') return new Date(value > 1e12 ? value : value * 1000);
  if (/^\d+$/.test(String(value))) return toDate(Number(value));
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatTime(value) {
  const d = toDate(value);
  if (!d) return '—';
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

// "in 25 min" / "3 h 10 min ago"
export function relative(value, now = Date.now()) {
  const d = toDate(value);
  if (!d) return '';
  const minutes = Math.round((d.getTime() - now) / 60000);
  const abs = Math.abs(minutes);
  const span = abs >= 1440 ? t('time.days', { n: Math.floor(abs / 1440), h: Math.floor((abs % 1440) / 60) })
    : abs >= 60 ? t('time.hours', { h: Math.floor(abs / 60), m: abs % 60 }) : t('time.minutes', { m: abs });
  return minutes >= 0 ? t('time.in', { span }) : t('time.ago', { span });
}

export function duration(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  if (s < 60) return t('time.seconds', { s });
  if (s < 3600) return t('time.minutes', { m: Math.round(s / 60) });
  return t('time.hours', { h: Math.floor(s / 3600), m: Math.round((s % 3600) / 60) });
}

export const catalogKeys = { zh: Object.keys(zh), en: Object.keys(en) };
