// The console's two catalogs have the same keys and no empty string (no browser needed).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import zh from '../../sync/hq/console/web/js/strings_zh.js';
import en from '../../sync/hq/console/web/js/strings_en.js';

it('zh and en catalogs have the same keys and placeholders', () => {
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const key of Object.keys(zh)) {
    assert.ok(zh[key] && en[key], key);
    const holes = (s) => (s.match(/\{\w+\}/g) || []).sort();
    assert.deepEqual(holes(zh[key]), holes(en[key]), key);
  }
});
