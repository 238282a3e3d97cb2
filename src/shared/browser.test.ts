import { describe, expect, it } from 'vitest';
import { browserKind, canSaveMhtml, onMessage, sendToRuntime, sendToTab } from './browser.ts';
import type { FakeChrome } from '../../test/setup/fake-chrome.ts';

const fake = () => (globalThis as unknown as { chrome: FakeChrome }).chrome;

describe('one way to the browser APIs', () => {
  it('answers a message with what the handler resolves, in Chrome (sendResponse) as in Firefox', async () => {
    onMessage((message) => (message === 'ping' ? Promise.resolve({ pong: 1 }) : undefined));
    await expect(sendToRuntime('ping')).resolves.toEqual({ pong: 1 });
  });

  it("carries a handler's failure back to the sender as an Error with its message", async () => {
    onMessage(() => Promise.reject(new Error('Refused: not from a tab.')));
    await expect(sendToRuntime('flag')).rejects.toThrow('Refused: not from a tab.');
  });

  it('leaves messages that are not its own to other listeners, and stops when removed', async () => {
    onMessage(() => undefined);
    const stop = onMessage((m) => (m === 'mine' ? Promise.resolve('first') : undefined));
    fake().runtime.onMessage.addListener(() => Promise.resolve('other'));
    await expect(sendToRuntime('theirs')).resolves.toBe('other');
    await expect(sendToRuntime('mine')).resolves.toBe('first');
    stop();
    await expect(sendToRuntime('mine')).resolves.toBe('other');
  });

  it("turns a content script's failure marker into an Error for the worker", async () => {
    fake().tabs.sendMessage = async () => ({ __tdfFailure: 'The page went away.' });
    await expect(sendToTab(3, { type: 'pageHtml' })).rejects.toThrow('The page went away.');
  });

  it('uses the fake browser of the current test, and tells Firefox by its extension URL', () => {
    expect(canSaveMhtml()).toBe(true);
    expect(browserKind()).toBe('chromium');
    (fake() as { pageCapture?: unknown }).pageCapture = undefined;
    fake().runtime.getURL = (p: string) => `moz-extension://0b1c/${p}`;
    expect(canSaveMhtml()).toBe(false);
    expect(browserKind()).toBe('firefox');
  });
});

describe('the one way is the only way', () => {
  it('no shipped file calls chrome.* or imports a polyfill: they go through src/shared/browser.ts', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const src = path.resolve(import.meta.dirname, '..');
    // src/cli holds Node tools that never ship (the build's classic-content-scripts writes the
    // same `chrome.runtime.getURL` import the crxjs loader did, into generated code).
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$|\.test-kit\.tsx?$/.test(f) && !f.endsWith(`shared${path.sep}browser.ts`) && !f.startsWith(`cli${path.sep}`));
    const offenders = files.filter((f) => {
      const code = readFileSync(path.join(src, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      // chrome.x.y( or chrome.x.y. as a value; chrome.tabs.Tab and friends are only types.
      return /\bchrome\.[a-zA-Z]+\.[a-z]\w*\b(?!\s*[>,;)=|&\]])|\bglobalThis\.(chrome|browser)\b|webextension-polyfill/.test(code);
    });
    expect(offenders).toEqual([]);
  });
});
