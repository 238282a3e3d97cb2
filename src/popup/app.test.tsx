// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { db } from '../shared/db/open.ts';
import { setPause, saveSettings } from '../shared/db/kv.ts';
import { announce } from '../shared/db/changes.ts';
import type { TakedownRecord } from '../shared/model.ts';
import { makeRecord } from '../../test/unit/records.ts';
import { popupView } from './view-store.ts';
import { App } from './app.tsx';
import { waitFor } from '../../test/unit/ui-wait.ts';

const NOW = Date.parse('2026-11-24T02:00:10.000Z'); // a Tuesday
let container: HTMLElement;

async function put(...records: TakedownRecord[]) {
  const database = await db();
  for (const r of records) await database.put('requests', r);
}


const $ = (sel: string) => container.querySelector<HTMLElement>(sel);
const $$ = (sel: string) => [...container.querySelectorAll<HTMLElement>(sel)];
const rows = () => $$('[data-testid="request-row"]');

async function mount() {
  await act(() => render(<App />, container));
  await waitFor(() => !container.textContent?.includes('Loading'), 'the first read');
}

function typeSearch(text: string) {
  const input = $('[data-testid="request-search"]') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const queued = makeRecord({
  listing: { itemId: '600000000001', title: 'Fake Example handbag ‮gnp.exe', seller: { name: 'Cheap Bags Store', id: null, shopUrl: null } },
  flaggedAt: '2026-11-24T01:00:00.000Z',
  evidenceGaps: [{ code: 'no_screenshot', message: 'no screenshot: permission not granted' }],
});
const withCase = makeRecord({
  listing: { itemId: '600000000002', title: 'Example wallet', seller: { name: 'Wallet World', id: null, shopUrl: null } },
  outbox: { state: 'submitted', attempts: 1 },
  caseId: 'case_42',
  caseStatus: 'received',
  receivedAt: '2026-11-24T02:00:00.000Z',
  slaDueAt: '2026-11-25T02:00:00.000Z',
});

beforeEach(async () => {
  popupView.setState({ now: NOW, filter: '' });
  container = document.createElement('div');
  document.body.append(container);
  await saveSettings({ baseUrl: 'http://127.0.0.1:8787', token: 'tok' });
});

afterEach(async () => {
  await act(() => render(null, container));
  container.remove();
});

describe('popup', () => {
  it('shows each stored request with its hooks, sorted by SLA due time', async () => {
    await put(queued, withCase);
    await mount();
    await waitFor(() => rows().length === 2, 'two rows');
    const [first, second] = rows();
    expect(first!.dataset).toMatchObject({ clientRequestId: withCase.clientRequestId, itemId: '600000000002', state: 'received' });
    expect(second!.dataset).toMatchObject({ clientRequestId: queued.clientRequestId, itemId: '600000000001', state: 'queued' });

    const running = first!.querySelector<HTMLElement>('[data-testid="sla-countdown"]')!;
    expect(running.dataset.dueAt).toBe('2026-11-25T02:00:00.000Z');
    expect(running.textContent).toBe('23h 59m 50s left');
    expect(running.dataset.tone).toBe('normal');
    expect(first!.textContent).toContain('Case case_42');
    expect(first!.textContent).toContain('Received');

    const waiting = second!.querySelector<HTMLElement>('[data-testid="sla-countdown"]')!;
    expect(waiting.getAttribute('data-due-at')).toBe('');
    expect(waiting.textContent).toBe('clock not started');
    expect(second!.textContent).toContain('Evidence gaps: no screenshot: permission not granted');

    const link = second!.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(queued.listing.url);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('dir')).toBe('auto');
    expect(link.textContent).toBe(queued.listing.title);

    const summary = $('[data-testid="queue-summary"]')!;
    expect(summary.dataset).toMatchObject({ queued: '1', online: 'true' });
    expect(summary.textContent).toBe('1 queued · online');
  });

  it('ticks every second, turns amber in the last quarter and red when overdue', async () => {
    await put(withCase);
    await mount();
    const clock = await waitFor(() => $('[data-testid="sla-countdown"]'), 'a countdown');
    await act(() => popupView.setState({ now: NOW + 1000 }));
    expect(clock.textContent).toBe('23h 59m 49s left');
    await act(() => popupView.setState({ now: Date.parse('2026-11-24T21:00:00.000Z') }));
    expect(clock.textContent).toBe('5h 00m 00s left');
    expect(clock.dataset.tone).toBe('amber');
    expect(clock.classList.contains('tone-amber')).toBe(true);
    await act(() => popupView.setState({ now: Date.parse('2026-11-25T03:02:03.000Z') }));
    expect(clock.textContent).toBe('overdue by 1h 02m 03s');
    expect(clock.dataset.tone).toBe('red');
  });

  it('filters rows by item id, title or seller as the user types', async () => {
    await put(queued, withCase);
    await mount();
    await waitFor(() => rows().length === 2, 'two rows');
    await act(() => typeSearch('wallet WORLD'));
    expect(rows().map((r) => r.dataset.itemId)).toEqual(['600000000002']);
    await act(() => typeSearch('0001'));
    expect(rows().map((r) => r.dataset.itemId)).toEqual(['600000000001']);
    await act(() => typeSearch('handbag'));
    expect(rows().map((r) => r.dataset.itemId)).toEqual(['600000000001']);
    await act(() => typeSearch('nothing like this'));
    expect(rows()).toHaveLength(0);
    expect(container.textContent).toContain('No request matches “nothing like this”.');
  });

  it('caps rendering at 200 rows and says how many more match', async () => {
    await put(...Array.from({ length: 203 }, () => makeRecord()));
    await mount();
    await waitFor(() => rows().length === 200, '200 rows');
    expect($('[data-testid="more-rows"]')!.textContent).toBe('3 more — refine the search');
  });

  it('shows a paused queue with its reason, on the banner and on the waiting rows', async () => {
    const rejected = makeRecord({ outbox: { state: 'attention', lastError: { code: 'unknown_ip_right', message: 'The IP right ipr_1 is not yours.' } } });
    await put(queued, rejected, withCase);
    await setPause({ code: 'unauthorized', message: 'The token was refused (401).', at: '2026-11-24T01:30:00.000Z' });
    await mount();
    await waitFor(() => rows().length === 3, 'three rows');
    expect($('[data-testid="queue-paused"]')!.textContent).toContain('The token was refused (401).');
    const byId = (id: string) => rows().find((r) => r.dataset.clientRequestId === id)!;
    expect(byId(queued.clientRequestId).dataset.state).toBe('attention');
    expect(byId(queued.clientRequestId).textContent).toContain('Why: The token was refused (401).');
    expect(byId(rejected.clientRequestId).textContent).toContain('Why: The IP right ipr_1 is not yours.');
    expect(byId(withCase.clientRequestId).dataset.state).toBe('received');
    expect($('[data-testid="queue-summary"]')!.dataset.queued).toBe('2');
  });

  it('shows unknown case statuses as sent, and the resolution date for closed cases', async () => {
    const odd = makeRecord({ caseId: 'c_1', caseStatus: 'escalated_to_platform', slaDueAt: '2026-11-25T02:00:00.000Z' });
    const done = makeRecord({ caseId: 'c_2', caseStatus: 'taken_down', slaDueAt: '2026-11-24T02:00:00.000Z', updatedAt: '2026-11-23T09:00:00.000Z', resolution: { code: 'removed', message: 'Listing removed by the platform.' } });
    await put(odd, done);
    await mount();
    await waitFor(() => rows().length === 2, 'two rows');
    const [first, second] = rows();
    expect(first!.dataset.state).toBe('escalated_to_platform');
    expect(first!.querySelector('.state')!.textContent).toBe('escalated_to_platform');
    expect(second!.dataset.state).toBe('taken_down');
    expect(second!.textContent).toContain('Taken down');
    expect(second!.textContent).toContain('Outcome: Listing removed by the platform.');
    const clock = second!.querySelector<HTMLElement>('[data-testid="sla-countdown"]')!;
    expect(clock.textContent).toMatch(/^resolved .*2026/);
    expect(clock.dataset.tone).toBe('none');
  });

  it('asks the worker to send now, and is disabled while nothing is queued', async () => {
    const asked: unknown[] = [];
    chrome.runtime.onMessage.addListener((msg: unknown) => {
      asked.push(msg);
      return Promise.resolve({ ok: true });
    });
    await put(withCase);
    await mount();
    const button = (await waitFor(() => $('[data-testid="send-now"]'), 'send-now')) as HTMLButtonElement;
    expect(button.disabled).toBe(true);

    await put(queued);
    await act(() => announce('requests'));
    await waitFor(() => rows().length === 2, 'the new row after a change notification');
    expect(button.disabled).toBe(false);
    await act(() => button.click());
    await waitFor(() => container.textContent?.includes('Sending started.'), 'feedback');
    expect(asked).toEqual([{ ns: 'tdf/1', type: 'sendNow', payload: {} }]);
  });

  it('lets the user resend a refused request under another IP right, discard it, or withdraw a filed case', async () => {
    const asked: { type: string; payload: unknown }[] = [];
    chrome.runtime.onMessage.addListener((msg: { type: string; payload: unknown }) => {
      asked.push({ type: msg.type, payload: msg.payload });
      return Promise.resolve({ ok: true });
    });
    await saveSettings({
      me: {
        member: { id: 'm_1', name: 'Example Brand Ltd.' },
        ipRights: [
          { id: 'ipr_a', kind: 'trademark', title: 'EXAMPLE (word mark)', registrationNumber: '1', jurisdiction: 'CN', classes: [25], brand: 'Example' },
          { id: 'ipr_b', kind: 'copyright', title: 'Example photos', registrationNumber: null, jurisdiction: 'CN', classes: null, brand: 'Example' },
        ],
      },
    });
    const refused = makeRecord({ ipRightId: 'ipr_a', outbox: { state: 'attention', lastError: { code: 'unknown_ip_right', message: 'Not your right' } } });
    const filed = makeRecord({ caseId: 'TD-2026-000007', caseStatus: 'in_review', slaDueAt: '2026-11-25T02:00:00.000Z', outbox: { state: 'submitted' } });
    await put(refused, filed);
    await mount();
    globalThis.confirm = () => true;
    const row = (id: string) => $(`[data-client-request-id="${id}"]`)!;
    const select = (await waitFor(() => row(refused.clientRequestId).querySelector<HTMLSelectElement>('[data-testid="resend-ip-right"]'), 'the IP right picker'))!;
    await act(() => {
      select.value = 'ipr_b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => row(refused.clientRequestId).querySelector<HTMLButtonElement>('[data-testid="resend-request"]')!.click());
    await waitFor(() => asked.length === 1 && !row(refused.clientRequestId).querySelector<HTMLButtonElement>('[data-testid="discard-request"]')!.disabled, 'the resend answer');
    await act(() => row(refused.clientRequestId).querySelector<HTMLButtonElement>('[data-testid="discard-request"]')!.click());
    expect(row(filed.clientRequestId).querySelector('[data-testid="resend-request"]')).toBeNull();
    await act(() => row(filed.clientRequestId).querySelector<HTMLButtonElement>('[data-testid="withdraw-case"]')!.click());
    await waitFor(() => asked.length === 3, 'three messages');
    expect(asked).toEqual([
      { type: 'resendRequest', payload: { clientRequestId: refused.clientRequestId, ipRightId: 'ipr_b' } },
      { type: 'discardRequest', payload: { clientRequestId: refused.clientRequestId } },
      { type: 'withdrawCase', payload: { clientRequestId: filed.clientRequestId } },
    ]);
  });

  it('follows the browser going offline', async () => {
    await put(queued);
    await mount();
    const summary = await waitFor(() => $('[data-testid="queue-summary"]'), 'summary');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    await act(() => void window.dispatchEvent(new Event('offline')));
    expect(summary.dataset.online).toBe('false');
    expect(summary.textContent).toBe('1 queued · offline');
    delete (navigator as { onLine?: boolean }).onLine;
  });

  it('says what to do when there is nothing yet, and to configure the API first', async () => {
    await saveSettings({ baseUrl: '', token: '' });
    await mount();
    const empty = await waitFor(() => $('[data-testid="popup-empty"]'), 'empty state');
    expect(empty.textContent).toContain('click Flag');
    expect(empty.textContent).toContain('enter the base URL and token in the settings');
    expect($('[data-testid="send-now"]')).not.toBeNull();
    expect(rows()).toHaveLength(0);
  });
});
