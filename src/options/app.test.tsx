// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { getSettings, saveSettings } from '../shared/db/kv.ts';
import type { Me } from '../shared/model.ts';
import { INITIAL_OPTIONS_VIEW, optionsView } from './view-store.ts';
import { App } from './app.tsx';
import { waitFor } from '../../test/unit/ui-wait.ts';

const getMe = vi.hoisted(() => vi.fn());
vi.mock('../shared/api/client.ts', () => ({ getMe }));

const ME: Me = {
  member: { id: 'm_1029', name: 'Example Brand Ltd.' },
  ipRights: [
    { id: 'ipr_7781', kind: 'trademark', title: 'EXAMPLE (word mark)', registrationNumber: '12345678', jurisdiction: 'CN', classes: [18, 25], brand: 'Example' },
    { id: 'ipr_9000', kind: 'copyright', title: 'Product photos 2026', registrationNumber: null, jurisdiction: null, classes: null, brand: null },
  ],
};
const refused = { ok: false, kind: 'unauthorized', status: 401, code: 'unauthorized', message: 'Bad token.', retryAfterMs: null };
const unreachable = { ok: false, kind: 'transient', status: null, code: 'network', message: 'Failed to fetch', retryAfterMs: null };

let container: HTMLElement;
let workerMessages: unknown[];
const $ = <T extends HTMLElement = HTMLElement>(testid: string) => container.querySelector<T>(`[data-testid="${testid}"]`);


async function mount() {
  await act(() => render(<App />, container));
  return waitFor(() => $<HTMLInputElement>('api-base-url'), 'the form');
}

async function fill(testid: string, value: string) {
  const input = $<HTMLInputElement>(testid)!;
  input.value = value;
  await act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
}

async function saveWith(baseUrl: string, token: string) {
  await fill('api-base-url', baseUrl);
  await fill('api-token', token);
  await act(() => $('save-settings')!.click());
  await waitFor(() => !$<HTMLButtonElement>('save-settings')!.disabled, 'the save to finish');
}

const status = () => $('connection-status')!;

beforeEach(() => {
  getMe.mockReset();
  optionsView.setState({ ...INITIAL_OPTIONS_VIEW });
  workerMessages = [];
  chrome.runtime.onMessage.addListener((msg: unknown) => {
    workerMessages.push(msg);
    return Promise.resolve({ ok: true });
  });
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  await act(() => render(null, container));
  container.remove();
});

describe('options page', () => {
  it('saves, tests the connection with GET /v1/me, and offers the IP rights', async () => {
    getMe.mockResolvedValue({ ok: true, status: 200, data: ME });
    await mount();
    expect(status().dataset.state).toBe('unknown');
    expect($<HTMLInputElement>('api-token')!.type).toBe('password');

    await saveWith(' http://127.0.0.1:8787/ ', 'secret-token');
    expect(getMe).toHaveBeenCalledWith({ baseUrl: 'http://127.0.0.1:8787', token: 'secret-token' });
    await waitFor(() => status().dataset.state === 'ok', 'state ok');
    expect(status().textContent).toContain('Connected as Example Brand Ltd.');
    expect($<HTMLInputElement>('api-base-url')!.value).toBe('http://127.0.0.1:8787');

    const select = $<HTMLSelectElement>('default-ip-right')!;
    expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
      ['ipr_7781', 'EXAMPLE (word mark) · trademark · CN · 12345678'],
      ['ipr_9000', 'Product photos 2026 · copyright'],
    ]);
    expect(select.value).toBe('ipr_7781');

    const stored = await getSettings();
    expect(stored).toMatchObject({ baseUrl: 'http://127.0.0.1:8787', token: 'secret-token', defaultIpRightId: 'ipr_7781', me: ME });
    expect(stored.connection.state).toBe('ok');
    expect(workerMessages).toContainEqual({ ns: 'tdf/1', type: 'settingsChanged', payload: {} });
  });

  it('keeps the chosen default IP right when the service still offers it, and saves a new choice', async () => {
    await saveSettings({ baseUrl: 'https://api.alliance.example', token: 'tok', me: ME, defaultIpRightId: 'ipr_9000' });
    getMe.mockResolvedValue({ ok: true, status: 200, data: ME });
    await mount();
    // The form opens with what is stored.
    await waitFor(() => $<HTMLInputElement>('api-base-url')!.value === 'https://api.alliance.example', 'stored URL');
    expect($<HTMLInputElement>('api-token')!.value).toBe('tok');
    await act(() => $('save-settings')!.click());
    await waitFor(() => status().dataset.state === 'ok', 'state ok');
    expect((await getSettings()).defaultIpRightId).toBe('ipr_9000');
    expect($<HTMLSelectElement>('default-ip-right')!.value).toBe('ipr_9000');

    const select = $<HTMLSelectElement>('default-ip-right')!;
    select.value = 'ipr_7781';
    await act(() => void select.dispatchEvent(new Event('change', { bubbles: true })));
    await waitFor(() => container.textContent?.includes('Saved.'), 'saved');
    expect((await getSettings()).defaultIpRightId).toBe('ipr_7781');

    const reason = $<HTMLSelectElement>('default-reason')!;
    reason.value = 'copyright_image';
    await act(() => void reason.dispatchEvent(new Event('change', { bubbles: true })));
    await waitFor(() => reason.value === 'copyright_image' && container.textContent?.includes('Saved.'), 'reason saved');
    expect((await getSettings()).defaultReason).toBe('copyright_image');
  });

  it('says the token was refused on a 401', async () => {
    getMe.mockResolvedValue(refused);
    await mount();
    await saveWith('https://api.alliance.example', 'wrong');
    await waitFor(() => status().dataset.state === 'error', 'state error');
    expect(status().textContent).toContain('The token was refused (401)');
    expect((await getSettings()).connection).toMatchObject({ state: 'error' });
    expect(workerMessages).toContainEqual({ ns: 'tdf/1', type: 'settingsChanged', payload: {} });
  });

  it('says the service could not be reached on a transport failure', async () => {
    getMe.mockResolvedValue(unreachable);
    await mount();
    await saveWith('http://localhost:9', 'tok');
    await waitFor(() => status().dataset.state === 'error', 'state error');
    expect(status().textContent).toContain('Could not reach http://localhost:9: Failed to fetch');
  });

  it('refuses an http URL to a remote host, says why, and neither stores nor fetches', async () => {
    await mount();
    await saveWith('http://api.alliance.example', 'tok');
    expect(container.textContent).toContain('plain http would send the token unencrypted');
    expect($<HTMLInputElement>('api-base-url')!.getAttribute('aria-invalid')).toBe('true');
    expect(getMe).not.toHaveBeenCalled();
    expect((await getSettings()).baseUrl).toBe('');
    expect(status().dataset.state).toBe('unknown');
  });

  it('asks for a token, and shows it only on request', async () => {
    await mount();
    await saveWith('https://api.alliance.example', '  ');
    expect(container.textContent).toContain('Enter the access token.');
    expect(getMe).not.toHaveBeenCalled();
    await fill('api-token', 'abc');
    await act(() => $('toggle-token')!.click());
    expect($<HTMLInputElement>('api-token')!.type).toBe('text');
    expect($<HTMLInputElement>('api-token')!.value).toBe('abc');
    await act(() => $('toggle-token')!.click());
    expect($<HTMLInputElement>('api-token')!.type).toBe('password');
  });

  it('explains the screenshot permission and requests it on click', async () => {
    await mount();
    const state = await waitFor(() => ($('screenshot-permission')?.dataset.granted === 'false' ? $('screenshot-permission') : null), 'permission check');
    expect(state!.textContent).toContain('without a screenshot');
    await act(() => $('grant-screenshots')!.click());
    await waitFor(() => state!.dataset.granted === 'true', 'granted');
    expect(await chrome.permissions.contains({ origins: ['<all_urls>'] })).toBe(true);
    expect($('grant-screenshots')).toBeNull();
  });
  it('lists every keyboard command with its keys, an unassigned one as not set, and opens the browser shortcuts page', async () => {
    chrome.commands.getAll = vi.fn(async () => [
      { name: 'flag-listing', shortcut: 'Alt+Shift+F', description: '' },
      { name: 'toggle-selection', shortcut: '', description: '' },
      { name: 'flag-selection', shortcut: 'Ctrl+Shift+9', description: '' },
    ]) as never;
    const create = vi.fn(async () => ({}));
    chrome.tabs.create = create as never;
    await mount();
    await waitFor(() => container.querySelector('[data-testid="shortcut"][data-command="flag-selection"][data-shortcut="Ctrl+Shift+9"]'), 'the shortcuts');
    const rows = [...container.querySelectorAll<HTMLElement>('[data-testid="shortcut"]')].map((r) => [r.dataset.command, r.querySelector('dd')!.textContent]);
    expect(rows).toEqual([
      ['flag-listing', 'Alt+Shift+F'],
      ['toggle-selection', 'not set'],
      ['flag-selection', 'Ctrl+Shift+9'],
    ]);
    await act(() => $('change-shortcuts')!.click());
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });
});
