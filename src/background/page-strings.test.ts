import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageStrings } from './page-strings.ts';
import { fill, t, uiLocale, useMessageTable, type MessageKey } from '../shared/i18n.ts';
import { loadPageStrings } from '../content/page-strings.ts';

const LOCALES = path.resolve(import.meta.dirname, '../../public/_locales');
const catalogue = (locale: string) => JSON.parse(readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const SUBS = ['¥199.00', '3', 'TD-2026-000123', '淘宝', '5', '6', '7', '8', '9'];

afterEach(() => {
  useMessageTable(null);
  vi.unstubAllGlobals();
});

describe('the strings a marketplace page shows, sent by the worker', () => {
  it('are every message of the catalogue, and filled in the page they read as the browser\'s own getMessage', async () => {
    const requested: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      requested.push(url);
      return new Response(readFileSync(path.join(LOCALES, 'en', 'messages.json')));
    });
    const strings = await pageStrings();
    expect(requested).toEqual(['chrome-extension://fakeextensionid/_locales/en/messages.json']);
    const keys = Object.keys(catalogue('en'));
    expect(Object.keys(strings)).toEqual(keys);
    // A message with substitutions ($1, named placeholders) comes out of the table exactly
    // as chrome.i18n.getMessage would have given it with the same substitutions.
    const withSubs = keys.filter((k) => catalogue('en')[k]!.message.includes('$'));
    expect(withSubs.length).toBeGreaterThan(20);
    for (const key of keys) {
      expect(fill(strings[key]!, SUBS), key).toBe(chrome.i18n.getMessage(key, SUBS));
      expect(fill(strings[key]!, SUBS.slice(0, 1)), key).toBe(chrome.i18n.getMessage(key, SUBS.slice(0, 1)));
    }
    // Asked again (another tab), the worker answers from what it resolved.
    expect(await pageStrings()).toBe(strings);
    expect(requested).toHaveLength(1);
  });

  it('replace the browser\'s getMessage in the page once the answer is sound, and not otherwise', async () => {
    const getMessage = vi.spyOn(chrome.i18n, 'getMessage');
    const table = { flag_button: 'Flag from the table', sla_left: '\ue001 left (\ue002)', ui_locale: 'zh-CN' };
    await loadPageStrings(async () => ({ strings: table }) as never, 1000);
    expect(t('flag_button' as MessageKey)).toBe('Flag from the table');
    expect(t('sla_left' as MessageKey, ['3h', 'Asia/Shanghai'])).toBe('3h left (Asia/Shanghai)');
    expect(uiLocale()).toBe('zh-CN');
    expect(getMessage).not.toHaveBeenCalled();
    // A key the table lacks still reads from the browser.
    expect(t('popup_title')).toBe(catalogue('en').popup_title!.message);

    useMessageTable(null);
    getMessage.mockClear();
    await loadPageStrings(async () => ({ strings: { flag_button: 42 } }) as never, 1000); // not a table of strings
    await loadPageStrings(async () => Promise.reject(new Error('No answer to pageStrings')), 1000);
    expect(t('popup_title')).toBe(catalogue('en').popup_title!.message);
    expect(getMessage).toHaveBeenCalled();
  });

  it('do not hold the page up when the worker does not answer', async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      void loadPageStrings(() => new Promise(() => undefined), 1500).then(() => (done = true));
      await vi.advanceTimersByTimeAsync(1499);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
