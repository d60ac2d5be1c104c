// Writing or revising a notice: texts in Chinese (and optionally English), category, when it
// shows and stops, emergency and pinned, and its targets picked from lists (all, communities,
// buildings, single terminals); a preview drawn by the real terminal when the server offers it.
import { api } from '../api.js';
import { h, clear, field, select } from '../dom.js';
import { t, word, toDate } from '../i18n.js';
import { errorBox, messageFor } from '../errors.js';
import { NOTICE_CATEGORIES } from '../catalog_values.js';
import { communityOptions, buildingOptions, fleetItems } from '../scope.js';

function localInput(value) {
  const d = toDate(value);
  if (!d) return '';
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

function toSeconds(local) {
  if (!local) return null;
  const ms = new Date(local).getTime();
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

export async function renderNoticeEditor(main, ctx, id) {
  let existing = null;
  if (id) {
    try {
      const body = await api('GET', '/notices/' + encodeURIComponent(id));
      existing = body.notice || body;
    } catch (err) {
      main.append(errorBox(err));
      return;
    }
  }
  const n = existing || { category: 'general', targets: [], publish_at: Math.floor(Date.now() / 1000) };
  main.append(h('p', {}, h('a', { href: id ? '#/notices/' + encodeURIComponent(id) : '#/notices', class: 'back-link' }, '← ' + t('common.back'))),
    h('h1', {}, id ? t('editor.revise_title', { title: n.title || id }) : t('editor.new_title')));

  const title = h('input', { name: 'title', id: 'notice-title-input', maxlength: '80', required: true, value: n.title || '' });
  const body = h('textarea', { name: 'body', id: 'notice-body-input', rows: '6', maxlength: '4000', required: true });
  body.value = n.body || '';
  const titleEn = h('input', { name: 'title_en', id: 'notice-title-en', maxlength: '120', value: n.title_en || '', lang: 'en' });
  const bodyEn = h('textarea', { name: 'body_en', id: 'notice-body-en', rows: '4', maxlength: '6000', lang: 'en' });
  bodyEn.value = n.body_en || '';
  const category = select('category', NOTICE_CATEGORIES.map((c) => [c, word('notice.category', c)]), n.category);
  category.id = 'notice-category';
  const publishAt = h('input', { type: 'datetime-local', name: 'publish_at', id: 'notice-publish-at', value: localInput(n.publish_at) });
  const expireAt = h('input', { type: 'datetime-local', name: 'expire_at', id: 'notice-expire-at', value: localInput(n.expire_at) });
  const emergency = h('input', { type: 'checkbox', name: 'emergency', id: 'notice-emergency', checked: !!n.emergency });
  const pinned = h('input', { type: 'checkbox', name: 'pinned', id: 'notice-pinned', checked: !!n.pinned });
  const targets = await targetPicker(ctx.user, n.targets || []);
  const message = h('p', { class: 'form-message', role: 'alert', id: 'editor-message' });
  const preview = h('section', { class: 'card preview', id: 'notice-preview', 'aria-live': 'polite' },
    h('h2', {}, t('editor.preview')), h('p', { class: 'muted' }, t('editor.preview_hint')));

  const collect = () => ({
    title: title.value.trim(), body: body.value.trim(), title_en: titleEn.value.trim(), body_en: bodyEn.value.trim(),
    category: category.value, emergency: emergency.checked, pinned: pinned.checked,
    publish_at: toSeconds(publishAt.value) ?? Math.floor(Date.now() / 1000), expire_at: toSeconds(expireAt.value),
    targets: targets.value(),
  });
  const check = (b) => {
    if (!b.title) return t('editor.need_title');
    if (!b.body) return t('editor.need_body');
    if (!b.targets.length) return t('editor.need_targets');
    if (b.expire_at !== null && b.expire_at <= b.publish_at) return t('editor.bad_expiry');
    if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(b.title + b.title_en)) return t('editor.bad_chars');
    return '';
  };

  const save = h('button', { type: 'submit', class: 'btn btn-primary btn-big', id: 'notice-save' }, id ? t('editor.save_revision') : t('editor.publish'));
  const previewBtn = h('button', { type: 'button', class: 'btn btn-big', id: 'notice-preview-btn' }, t('editor.preview_button'));
  const form = h('form', { class: 'editor', id: 'notice-form', novalidate: true },
    h('div', { class: 'editor-cols' },
      h('div', {},
        field(t('editor.title'), title), field(t('editor.body'), body),
        h('details', { class: 'english-fields', open: !!(n.title_en || n.body_en) },
          h('summary', {}, t('editor.english')), field(t('editor.title_en'), titleEn), field(t('editor.body_en'), bodyEn))),
      h('div', {},
        field(t('editor.category'), category),
        field(t('editor.publish_at'), publishAt, t('editor.publish_hint')),
        field(t('editor.expire_at'), expireAt, t('editor.expire_hint')),
        h('label', { class: 'check' }, emergency, t('editor.emergency')),
        h('label', { class: 'check' }, pinned, t('editor.pinned')),
        targets.element)),
    message, h('div', { class: 'form-buttons' }, save, previewBtn));

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const b = collect();
    const problem = check(b);
    if (problem) { message.textContent = problem; return; }
    save.disabled = true;
    try {
      if (id) {
        await api('PUT', '/notices/' + encodeURIComponent(id), b);
        ctx.flash(t('editor.revised'));
        ctx.navigate('#/notices/' + encodeURIComponent(id));
      } else {
        const made = await api('POST', '/notices', b);
        ctx.flash(t('editor.published'));
        ctx.navigate(made && made.id ? '#/notices/' + encodeURIComponent(made.id) : '#/notices');
      }
    } catch (err) {
      message.textContent = messageFor(err);
      save.disabled = false;
    }
  });
  previewBtn.addEventListener('click', async () => {
    const b = collect();
    const problem = check(b);
    clear(preview).append(h('h2', {}, t('editor.preview')));
    if (problem) { preview.append(h('p', { class: 'form-message' }, problem)); return; }
    preview.append(h('p', { class: 'muted' }, t('editor.preview_working')));
    previewBtn.disabled = true;
    try {
      const answer = await api('POST', '/notices/preview', b);
      const images = (answer && answer.images) || [];
      clear(preview).append(h('h2', {}, t('editor.preview')));
      if (!images.length) preview.append(h('p', { class: 'muted', id: 'preview-unavailable' }, t('editor.preview_unavailable')));
      else preview.append(h('div', { class: 'preview-images' }, images.map((img) => h('figure', {},
        h('img', { src: img.url, alt: word('variant', img.variant), loading: 'lazy' }), h('figcaption', {}, word('variant', img.variant))))));
    } catch (err) {
      clear(preview).append(h('h2', {}, t('editor.preview')),
        h('p', { class: 'muted', id: 'preview-unavailable' }, [404, 405, 501, 0].includes(err.status) ? t('editor.preview_unavailable') : messageFor(err)));
    } finally {
      previewBtn.disabled = false;
    }
  });
  main.append(form, preview);
}

// Targets: "all" (scope * only), communities, buildings and single terminals, picked from lists.
async function targetPicker(user, current) {
  const communities = await communityOptions(user);
  const fleet = (await fleetItems()).filter((x) => !x.revoked_at);
  const has = (kind, ref) => current.some((x) => x.kind === kind && (kind === 'all' || x.ref === ref));
  const boxes = [];
  const box = (kind, ref, label) => {
    const input = h('input', { type: 'checkbox', name: 'target', value: kind + ':' + (ref || ''), checked: has(kind, ref),
      id: 'target-' + kind + (ref ? '-' + ref : '') });
    boxes.push({ input, kind, ref });
    return h('label', { class: 'check' }, input, label);
  };
  const buildings = await buildingOptions();
  for (const x of current) {
    if (x.kind === 'building' && !buildings.some((b) => b.building === x.ref)) buildings.push({ community: '', communityName: '', building: x.ref, name: x.ref });
  }
  const element = h('fieldset', { class: 'targets', id: 'notice-targets' }, h('legend', {}, t('editor.targets')),
    user.communities.includes('*') ? box('all', '', t('target.all')) : null,
    communities.length ? h('div', { class: 'target-group' }, h('h4', {}, t('target.communities')), communities.map(([id, label]) => box('community', id, label))) : null,
    buildings.length ? h('div', { class: 'target-group' }, h('h4', {}, t('target.buildings')),
      buildings.map((b) => box('building', b.building, (b.communityName ? b.communityName + ' · ' : '') + b.name))) : null,
    fleet.length ? h('div', { class: 'target-group' }, h('h4', {}, t('target.terminals')),
      fleet.map((x) => box('terminal', x.id, (x.name || x.id) + ' (' + [x.community_id, x.building_id].filter(Boolean).join(' · ') + ')'))) : null);
  return {
    element,
    value: () => boxes.filter((b) => b.input.checked).map((b) => (b.kind === 'all' ? { kind: 'all', ref: '' } : { kind: b.kind, ref: b.ref })),
  };
}
