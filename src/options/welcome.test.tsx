// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from './app.tsx';
import type { FakeChrome } from '../../test/setup/fake-chrome.ts';

vi.mock('../shared/api/client.ts', () => ({ getMe: vi.fn() }));

let container: HTMLElement;
const $ = (testid: string) => container.querySelector<HTMLElement>(`[data-testid="${testid}"]`);

async function until(check: () => unknown, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(() => new Promise((r) => setTimeout(r, 5)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(async () => {
  await act(() => render(null, container));
  container.remove();
  location.hash = '';
});

describe('the first-run welcome', () => {
  it('explains the extension and asks for the screenshot permission first, with the reason and the shortcut', async () => {
    location.hash = '#welcome';
    await act(() => render(<App />, container));
    await until(() => $('welcome') && $('screenshot-permission')?.dataset.granted === 'false', 'the welcome');
    const text = $('welcome')!.textContent!;
    expect(text).toContain('Welcome to Takedown Flagger');
    expect(text).toContain('captures the evidence');
    expect(text).toContain('press Alt+Shift+F');

    // The permission comes before the API settings, and its reason is on screen.
    const order = ['welcome', 'screenshot-permission', 'api-base-url'].map((id) => $(id)!);
    expect(order[0]!.compareDocumentPosition(order[1]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(order[1]!.compareDocumentPosition(order[2]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(container.textContent).toContain('Chrome lets an extension capture a tab only with permission');

    await act(() => $('grant-screenshots')!.click());
    await until(() => $('screenshot-permission')?.dataset.granted === 'true', 'the grant');
    expect((chrome as unknown as FakeChrome).permissions.granted.has('<all_urls>')).toBe(true);
  });

  it('is not shown on the ordinary options page', async () => {
    await act(() => render(<App />, container));
    await until(() => $('api-base-url'), 'the form');
    expect($('welcome')).toBeNull();
    expect($('screenshot-permission')).not.toBeNull();
  });
  it('says the flag shortcut is not set when the browser left it unassigned (another extension had the keys)', async () => {
    chrome.commands.getAll = (async () => [{ name: 'flag-listing', shortcut: '', description: '' }]) as never;
    location.hash = '#welcome';
    await act(() => render(<App />, container));
    await until(() => $('welcome')?.textContent?.includes('shortcut'), 'the welcome with its shortcut line');
    expect($('welcome')!.textContent).toContain('press the “Flag this listing” shortcut (set one on the browser’s shortcuts page)');
    expect($('welcome')!.textContent).not.toContain('Alt+Shift+F');
  });
});
