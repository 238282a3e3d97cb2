// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { getSettings, saveSettings } from '../shared/db/kv.ts';
import { INITIAL_OPTIONS_VIEW, optionsView } from './view-store.ts';
import { tsaView } from './tsa-section.tsx';
import { App } from './app.tsx';
import { waitFor } from '../../test/unit/ui-wait.ts';

const getMe = vi.hoisted(() => vi.fn());
vi.mock('../shared/api/client.ts', () => ({ getMe }));

let container: HTMLElement;
const $ = <T extends HTMLElement = HTMLElement>(sel: string) => container.querySelector<T>(sel);
const byId = <T extends HTMLElement = HTMLElement>(testid: string) => $<T>(`[data-testid="${testid}"]`);
let asked: string[][];

async function mount() {
  await act(() => render(<App />, container));
  return waitFor(() => byId<HTMLTextAreaElement>('tsa-urls'), 'the TSA list');
}
async function type(value: string) {
  const area = byId<HTMLTextAreaElement>('tsa-urls')!;
  area.value = value;
  await act(() => void area.dispatchEvent(new Event('input', { bubbles: true })));
}
async function save() {
  await act(() => byId('save-settings')!.click());
  await waitFor(() => !byId<HTMLButtonElement>('save-settings')!.disabled, 'the save to finish');
}

beforeEach(async () => {
  getMe.mockResolvedValue({ ok: true, status: 200, data: { member: { id: 'm', name: 'M' }, ipRights: [] } });
  optionsView.setState({ ...INITIAL_OPTIONS_VIEW, baseUrl: 'http://127.0.0.1:8787', token: 'tok', filled: true });
  tsaView.setState({ draft: '', filled: false, error: null });
  asked = [];
  const request = chrome.permissions.request.bind(chrome.permissions);
  chrome.permissions.request = (async (p: { origins?: string[] }) => {
    asked.push(p.origins ?? []);
    return request(p);
  }) as never;
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(async () => {
  await act(() => render(null, container));
  container.remove();
});

describe('options: trusted timestamps', () => {
  it('is empty by default, suggests public TSAs without enabling any, and saves the list with save-settings after asking for each origin', async () => {
    await mount();
    expect(byId<HTMLTextAreaElement>('tsa-urls')!.value).toBe('');
    expect(container.textContent).toContain('never the page');
    const suggestions = [...container.querySelectorAll<HTMLButtonElement>('[data-testid="tsa-suggest"]')];
    expect(suggestions.length).toBeGreaterThanOrEqual(3);
    expect((await getSettings()).tsaUrls).toEqual([]);

    await act(() => suggestions[0]!.click());
    expect(byId<HTMLTextAreaElement>('tsa-urls')!.value).toBe(suggestions[0]!.dataset.url);
    expect(suggestions[0]!.disabled).toBe(true);
    await type(`${byId<HTMLTextAreaElement>('tsa-urls')!.value}\nhttp://127.0.0.1:8787/tsa`);
    await save();
    expect(asked).toEqual([[`${new URL(suggestions[0]!.dataset.url!).origin}/*`, 'http://127.0.0.1:8787/*']]);
    expect((await getSettings()).tsaUrls).toEqual([new URL(suggestions[0]!.dataset.url!).href, 'http://127.0.0.1:8787/tsa']);
  });

  it('names a bad line, keeps the draft and saves nothing for the TSAs', async () => {
    await saveSettings({ tsaUrls: ['https://tsa.example/'] });
    await mount();
    await waitFor(() => byId<HTMLTextAreaElement>('tsa-urls')!.value === 'https://tsa.example/', 'the stored list');
    await type('https://tsa.example/\nnot a url');
    await save();
    expect($('#tsa-error')!.textContent).toContain('Line 2 is not an http(s) address: not a url');
    expect(byId<HTMLTextAreaElement>('tsa-urls')!.value).toBe('https://tsa.example/\nnot a url');
    expect((await getSettings()).tsaUrls).toEqual(['https://tsa.example/']);
    expect(asked).toEqual([]);
  });

  it('keeps the saved list when the permission is refused, and says so', async () => {
    chrome.permissions.request = (async () => false) as never;
    await mount();
    await type('https://tsa.example/tsr');
    await save();
    expect($('#tsa-error')!.textContent).toContain('refused');
    expect((await getSettings()).tsaUrls).toEqual([]);
  });
});
