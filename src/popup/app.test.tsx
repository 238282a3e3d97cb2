// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { db } from '../shared/db/open.ts';
import { putRequest } from '../shared/db/request-put.ts';
import { setPause, saveSettings } from '../shared/db/kv.ts';
import { announce } from '../shared/db/changes.ts';
import type { TakedownRecord } from '../shared/model.ts';
import { makeRecord } from '../../test/unit/records.ts';
import { popupView } from './view-store.ts';
import { NO_FILTERS } from './groups.ts';
import { App } from './app.tsx';
import { waitFor } from '../../test/unit/ui-wait.ts';

const NOW = Date.parse('2026-11-24T02:00:10.000Z'); // a Tuesday, 10:00:10 in Shanghai
let container: HTMLElement;

async function put(...records: TakedownRecord[]) {
  const database = await db();
  const tx = database.transaction('requests', 'readwrite');
  for (const r of records) void putRequest(tx.store, r);
  await tx.done;
}

const $ = (sel: string) => container.querySelector<HTMLElement>(sel);
const $$ = (sel: string) => [...container.querySelectorAll<HTMLElement>(sel)];
const rows = () => $$('[data-testid="request-row"]');
const rowOf = (r: TakedownRecord) => $(`[data-testid="request-row"][data-client-request-id="${r.clientRequestId}"]`)!;
const headers = () => $$('[data-testid="group-header"]').map((h) => [h.dataset.group, Number(h.dataset.count)]);

async function mount() {
  await act(() => render(<App />, container));
  await waitFor(() => !container.textContent?.includes('Loading'), 'the first read');
}

function typeSearch(text: string) {
  const input = $('[data-testid="request-search"]') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function listen(answers: Record<string, unknown> = {}) {
  const asked: { type: string; payload: unknown }[] = [];
  chrome.runtime.onMessage.addListener((msg: { type: string; payload: unknown }) => {
    asked.push({ type: msg.type, payload: msg.payload });
    return Promise.resolve(answers[msg.type] ?? { ok: true });
  });
  return asked;
}

const sub = { state: 'submitted' as const, attempts: 1 };
const queued = makeRecord({
  listing: { itemId: '600000000001', title: 'Fake Example handbag ‮gnp.exe', seller: { name: 'Cheap Bags Store', id: null, shopUrl: null } },
  flaggedAt: '2026-11-24T01:00:00.000Z',
  evidenceGaps: [{ code: 'no_screenshot', message: 'no screenshot: permission not granted' }],
});
const withCase = makeRecord({
  listing: { itemId: '600000000002', title: 'Example wallet', seller: { name: 'Wallet World', id: null, shopUrl: null } },
  outbox: sub,
  caseId: 'TD-2026-000042',
  caseStatus: 'received',
  receivedAt: '2026-11-24T02:00:00.000Z',
  slaDueAt: '2026-11-25T02:00:00.000Z',
});

beforeEach(async () => {
  popupView.setState({ now: NOW, filters: NO_FILTERS, statsWindow: '90d', answering: null });
  container = document.createElement('div');
  document.body.append(container);
  await saveSettings({ baseUrl: 'http://127.0.0.1:8787', token: 'tok' });
});

afterEach(async () => {
  await act(() => render(null, container));
  container.remove();
});

describe('popup: needs me first', () => {
  it('groups what needs the user, then queued, then open cases by due time, then resolved, each header with its count', async () => {
    const refused = makeRecord({ outbox: { state: 'attention', lastError: { code: 'unknown_ip_right', message: 'The IP right ipr_1 is not yours.' } } });
    const asked = makeRecord({ caseId: 'TD-2026-000050', caseStatus: 'needs_info', slaDueAt: '2026-11-25T02:00:00.000Z', outbox: sub, resolution: { code: 'needs_info', message: 'Send the registration certificate.' } });
    const challenged = makeRecord({ caseId: 'TD-2026-000051', caseStatus: 'counter_notice', respondBy: '2026-11-26T02:00:00.000Z', slaDueAt: '2026-11-21T02:00:00.000Z', outbox: sub });
    const soon = makeRecord({ caseId: 'TD-2026-000052', caseStatus: 'in_review', slaDueAt: '2026-11-24T05:00:00.000Z', outbox: sub });
    const done = makeRecord({ caseId: 'TD-2026-000053', caseStatus: 'taken_down', resolvedAt: '2026-11-23T09:00:00.000Z', outbox: sub, resolution: { code: 'removed', message: 'Listing removed by the platform.' } });
    await put(done, withCase, queued, soon, challenged, asked, refused);
    await mount();
    await waitFor(() => rows().length === 7, 'seven rows');
    expect(headers()).toEqual([['needs_you', 3], ['queued', 1], ['open', 2], ['resolved', 1]]);
    expect(rows().map((r) => r.dataset.clientRequestId)).toEqual([challenged, refused, asked, queued, soon, withCase, done].map((r) => r.clientRequestId));
    expect(rowOf(refused).textContent).toContain('Why: The IP right ipr_1 is not yours.');
    expect(rowOf(asked).textContent).toContain('The alliance asks: Send the registration certificate.');
    expect(rowOf(asked).textContent).not.toContain('Outcome:');
    expect(rowOf(done).textContent).toContain('Outcome: Listing removed by the platform.');
    // The main action follows the state: answer the alliance; withdrawing hides in the menu.
    expect(rowOf(asked).querySelector('[data-testid="respond-open"]')).not.toBeNull();
    expect(rowOf(asked).querySelector('[data-testid="withdraw-case"]')).toBeNull();
    expect(rowOf(challenged).querySelector('[data-testid="respond-open"]')!.textContent).toBe('Answer the counter-notice');
    expect(rowOf(soon).querySelector('[data-testid="respond-open"]')).toBeNull();
    const by = rowOf(challenged).querySelector<HTMLElement>('[data-testid="respond-by"]')!;
    expect(by.dataset.respondBy).toBe('2026-11-26T02:00:00.000Z');
    expect(by.textContent).toBe('answer within 1d 23h business time');
    // Nothing is queued but the one queued request: attention is not counted as queued.
    expect($('[data-testid="queue-summary"]')!.dataset.queued).toBe('1');
  });

  it('shows each request with its hooks, the countdown in business time and the zone on hover', async () => {
    await put(queued, withCase);
    await mount();
    await waitFor(() => rows().length === 2, 'two rows');
    const running = rowOf(withCase).querySelector<HTMLElement>('[data-testid="sla-countdown"]')!;
    expect(rowOf(withCase).dataset).toMatchObject({ itemId: '600000000002', state: 'received' });
    expect(running.dataset.dueAt).toBe('2026-11-25T02:00:00.000Z');
    expect(running.textContent).toBe('23h 59m 50s business time left');
    expect(running.dataset.tone).toBe('normal');
    expect(running.title).toBe('Due Nov 25, 2026, 10:00 AM (Asia/Shanghai); only Monday to Friday in Asia/Shanghai counts');
    expect(rowOf(withCase).textContent).toContain('Case TD-2026-000042');

    const waiting = rowOf(queued).querySelector<HTMLElement>('[data-testid="sla-countdown"]')!;
    expect(waiting.getAttribute('data-due-at')).toBe('');
    expect(waiting.textContent).toBe('clock not started');
    expect(rowOf(queued).textContent).toContain('Evidence gaps: no screenshot: permission not granted');
    const link = rowOf(queued).querySelector('a')!;
    expect(link.getAttribute('href')).toBe(queued.listing.url);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(link.getAttribute('dir')).toBe('auto');
    const summary = $('[data-testid="queue-summary"]')!;
    expect(summary.dataset).toMatchObject({ queued: '1', online: 'true' });
  });

  it('ticks, turns amber in the last quarter of business time and red when overdue', async () => {
    await put(withCase);
    await mount();
    const clock = await waitFor(() => $('[data-testid="sla-countdown"]'), 'a countdown');
    await act(() => popupView.setState({ now: NOW + 1000 }));
    expect(clock.textContent).toBe('23h 59m 49s business time left');
    await act(() => popupView.setState({ now: Date.parse('2026-11-24T21:00:00.000Z') }));
    expect(clock.textContent).toBe('5h 0m 0s business time left');
    expect(clock.dataset.tone).toBe('amber');
    await act(() => popupView.setState({ now: Date.parse('2026-11-25T03:02:03.000Z') }));
    expect(clock.textContent).toBe('overdue by 1h 2m 3s');
    expect(clock.dataset.tone).toBe('red');
  });

  it('says the clock is paused at the weekend, until Monday 00:00 in the marketplace’s zone', async () => {
    // Due Monday 03:00 in Shanghai and Monday 03:00 in Bangkok (an hour later).
    const shanghai = makeRecord({ caseId: 'TD-2026-000060', caseStatus: 'in_review', slaDueAt: '2026-11-22T19:00:00.000Z', outbox: sub });
    const bangkok = makeRecord({
      caseId: 'TD-2026-000061', caseStatus: 'in_review', slaDueAt: '2026-11-22T20:00:00.000Z', outbox: sub,
      listing: { marketplace: 'lazada', url: 'https://www.lazada.co.th/products/x-i123.html' },
    });
    await act(() => popupView.setState({ now: Date.parse('2026-11-21T02:00:00.000Z') })); // Saturday
    await put(shanghai, bangkok);
    await mount();
    await waitFor(() => rows().length === 2, 'two rows');
    const clock = (r: TakedownRecord) => rowOf(r).querySelector<HTMLElement>('[data-testid="sla-countdown"]')!;
    expect(clock(shanghai).textContent).toBe('3h 0m business time left · paused until Mon 00:00 (Asia/Shanghai)');
    expect(clock(shanghai).dataset).toMatchObject({ paused: 'true', tone: 'amber' });
    expect(clock(bangkok).textContent).toBe('3h 0m business time left · paused until Mon 00:00 (Asia/Bangkok)');
    // Friday 23:30 in Bangkok is already Saturday in Shanghai: one clock runs, the other is paused.
    await act(() => popupView.setState({ now: Date.parse('2026-11-20T16:30:00.000Z') }));
    expect(clock(bangkok).textContent).toBe('3h 30m 0s business time left');
    expect(clock(bangkok).dataset.paused).toBe('false');
    expect(clock(shanghai).dataset.paused).toBe('true');
  });
});

describe('popup: find anything', () => {
  it('searches item id, title, seller and case id, and the group counts follow', async () => {
    await put(queued, withCase);
    await mount();
    await waitFor(() => rows().length === 2, 'two rows');
    await act(() => typeSearch('wallet WORLD'));
    expect(rows().map((r) => r.dataset.itemId)).toEqual(['600000000002']);
    expect(headers()).toEqual([['open', 1]]);
    await act(() => typeSearch('td-2026-000042'));
    expect(rows().map((r) => r.dataset.itemId)).toEqual(['600000000002']);
    await act(() => typeSearch('0001'));
    expect(rows().map((r) => r.dataset.itemId)).toEqual(['600000000001']);
    await act(() => typeSearch('nothing like this'));
    expect(rows()).toHaveLength(0);
    expect(container.textContent).toContain('No request matches “nothing like this”.');
  });

  it('filters by state and marketplace from the filter panel', async () => {
    const lazada = makeRecord({ listing: { marketplace: 'lazada', url: 'https://www.lazada.sg/products/x-i9.html' } });
    await put(queued, withCase, lazada);
    await mount();
    await waitFor(() => rows().length === 3, 'three rows');
    await act(() => $('[data-testid="filters-toggle"]')!.click());
    const pick = async (testid: string, value: string) => {
      const s = $(`[data-testid="${testid}"]`) as HTMLSelectElement;
      await act(() => {
        s.value = value;
        s.dispatchEvent(new Event('change', { bubbles: true }));
      });
    };
    await pick('filter-marketplace', 'lazada');
    expect(rows().map((r) => r.dataset.clientRequestId)).toEqual([lazada.clientRequestId]);
    await pick('filter-marketplace', '');
    await pick('filter-state', 'received');
    expect(rows().map((r) => r.dataset.clientRequestId)).toEqual([withCase.clientRequestId]);
    expect(headers()).toEqual([['open', 1]]);
  });

  it('renders only the rows in view with 5,000 requests, and counts them all', async () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      makeRecord({ caseId: `TD-2026-${String(i).padStart(6, '0')}`, caseStatus: 'in_review', slaDueAt: new Date(NOW + (i + 1) * 60_000).toISOString(), outbox: sub }),
    );
    await put(...many);
    await mount();
    await waitFor(() => rows().length > 0, 'rows');
    expect(headers()).toEqual([['open', 5000]]);
    expect(rows().length).toBeLessThan(20);
    expect(rows()[0]!.dataset.clientRequestId).toBe(many[0]!.clientRequestId);
    // Scrolled far down once the list holds all 5,000 (the full read, which also brings the
    // good-faith record, follows the first screen's rows; before it the list is that tall).
    await waitFor(() => $('[data-testid="good-faith-stats"]'), 'the full read');
    const list = $('.vlist')!;
    list.scrollTop = 110 * 3000;
    await act(() => void list.dispatchEvent(new Event('scroll')));
    expect(rows().length).toBeLessThan(20);
    expect(rows().map((r) => r.dataset.clientRequestId)).toContain(many[3000]!.clientRequestId);
    expect(headers()).toEqual([['open', 5000]]);
  });
});

describe('popup: acting on a row', () => {
  it('asks the worker to send now, and is disabled while nothing is queued', async () => {
    const asked = listen();
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
    expect(asked).toEqual([{ type: 'sendNow', payload: {} }]);
  });

  it('shows how many listings are being captured, with a Stop that asks the worker to stop every capture', async () => {
    const asked = listen({ stopCaptures: { stopped: 1 } });
    const capturing = makeRecord({ outbox: { state: 'capturing' } });
    await put(withCase, capturing);
    await mount();
    const bar = await waitFor(() => $('[data-testid="capturing-summary"]'), 'the capturing summary');
    expect(bar.dataset.capturing).toBe('1');
    expect(bar.textContent).toContain('Capturing evidence for 1 listings');
    await act(() => (bar.querySelector('[data-testid="stop-captures"]') as HTMLButtonElement).click());
    await waitFor(() => container.textContent?.includes('Stopped: what was captured is kept'), 'feedback');
    expect(asked).toEqual([{ type: 'stopCaptures', payload: {} }]);
  });

  it('resends under another IP right; discards and withdraws only from the menu, after confirming', async () => {
    const asked = listen();
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
    const filed = makeRecord({ caseId: 'TD-2026-000007', caseStatus: 'in_review', slaDueAt: '2026-11-25T02:00:00.000Z', outbox: sub });
    await put(refused, filed);
    await mount();
    const inRow = (r: TakedownRecord, id: string) => rowOf(r).querySelector<HTMLElement>(`[data-testid="${id}"]`);
    const select = (await waitFor(() => inRow(refused, 'resend-ip-right'), 'the IP right picker')) as HTMLSelectElement;
    await act(() => {
      select.value = 'ipr_b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await act(() => inRow(refused, 'resend-request')!.click());
    await waitFor(() => asked.length === 1 && !(inRow(refused, 'resend-request') as HTMLButtonElement).disabled, 'the resend answer');
    expect(inRow(refused, 'discard-request')).toBeNull();
    await act(() => inRow(refused, 'row-menu')!.click());
    await act(() => inRow(refused, 'discard-request')!.click());
    expect(asked).toHaveLength(1); // not before confirming
    expect(rowOf(refused).textContent).toContain('Discard this request');
    await act(() => inRow(refused, 'confirm-action')!.click());
    expect(inRow(filed, 'resend-request')).toBeNull();
    await act(() => inRow(filed, 'row-menu')!.click());
    await act(() => inRow(filed, 'withdraw-case')!.click());
    // Esc backs out of the confirmation without withdrawing.
    await act(() => void inRow(filed, 'confirm-action')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(inRow(filed, 'confirm-action')).toBeNull();
    await act(() => inRow(filed, 'row-menu')!.click());
    await act(() => inRow(filed, 'withdraw-case')!.click());
    await act(() => inRow(filed, 'confirm-action')!.click());
    await waitFor(() => asked.length === 3, 'three messages');
    expect(asked).toEqual([
      { type: 'resendRequest', payload: { clientRequestId: refused.clientRequestId, ipRightId: 'ipr_b' } },
      { type: 'discardRequest', payload: { clientRequestId: refused.clientRequestId } },
      { type: 'withdrawCase', payload: { clientRequestId: filed.clientRequestId } },
    ]);
  });

  it('answers the alliance from a needs_info row: the form takes focus, refuses an empty answer, queues the text', async () => {
    const asked = listen();
    const needsInfo = makeRecord({ caseId: 'TD-2026-000009', caseStatus: 'needs_info', slaDueAt: '2026-11-25T02:00:00.000Z', outbox: sub, resolution: { code: 'needs_info', message: 'Send the certificate.' } });
    await put(needsInfo);
    await mount();
    const open = await waitFor(() => rowOf(needsInfo)?.querySelector<HTMLButtonElement>('[data-testid="respond-open"]'), 'answer button');
    await act(() => open.click());
    const text = $('[data-testid="respond-message"]') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(text);
    expect($('[data-testid="respond-form"]')!.textContent).toContain('The alliance asks: Send the certificate.');
    const submit = $('[data-testid="respond-submit"]') as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    await act(() => {
      text.value = '  Certificate attached as requested.  ';
      text.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => $('[data-testid="respond-attach-page"]')!.click());
    await act(() => submit.click());
    await waitFor(() => $('[data-testid="respond-form"]') === null, 'the form to close once queued');
    expect(asked).toEqual([
      { type: 'respondToCase', payload: { clientRequestId: needsInfo.clientRequestId, message: 'Certificate attached as requested.', evidence: [], attachPage: true } },
    ]);
  });

  it('keeps the typed answer and says why when the worker refuses it', async () => {
    chrome.runtime.onMessage.addListener(() => Promise.resolve({ ok: false, error: { code: 'not_waiting', message: 'This case does not wait for an answer from you.' } }));
    const needsInfo = makeRecord({ caseId: 'TD-2026-000019', caseStatus: 'needs_info', outbox: sub });
    await put(needsInfo);
    await mount();
    await act(() => waitFor(() => rowOf(needsInfo)?.querySelector<HTMLButtonElement>('[data-testid="respond-open"]'), 'answer').then((b) => b.click()));
    const text = $('[data-testid="respond-message"]') as HTMLTextAreaElement;
    await act(() => {
      text.value = 'Here it is.';
      text.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => $('[data-testid="respond-submit"]')!.click());
    await waitFor(() => $('[role="alert"]'), 'the error');
    expect($('[role="alert"]')!.textContent).toBe('The answer could not be stored: This case does not wait for an answer from you.');
    expect(($('[data-testid="respond-message"]') as HTMLTextAreaElement).value).toBe('Here it is.');
  });

  it('is one Tab stop for the whole list; arrows move between rows', async () => {
    const a = makeRecord({ caseId: 'TD-1', caseStatus: 'in_review', slaDueAt: '2026-11-25T02:00:00.000Z', outbox: sub });
    const b = makeRecord({ caseId: 'TD-2', caseStatus: 'in_review', slaDueAt: '2026-11-25T03:00:00.000Z', outbox: sub });
    await put(a, b);
    await mount();
    await waitFor(() => rows().length === 2, 'two rows');
    const tabbable = (r: HTMLElement) => [r, ...r.querySelectorAll<HTMLElement>('a, button, input, select')].filter((e) => e.tabIndex >= 0);
    expect(tabbable(rowOf(a)).length).toBeGreaterThan(0);
    expect(tabbable(rowOf(b))).toEqual([]);
    rowOf(a).focus();
    await act(() => void rowOf(a).dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })));
    await waitFor(() => document.activeElement === rowOf(b), 'focus on the next row');
    expect(tabbable(rowOf(a))).toEqual([]);
    expect(tabbable(rowOf(b)).length).toBeGreaterThan(0);
  });
});

describe('popup: good-faith record', () => {
  const DAY = 24 * 3600 * 1000;
  const ago = (d: number) => new Date(NOW - d * DAY).toISOString();
  const ended = (caseStatus: string, d: number, late = false) =>
    makeRecord({ caseId: 'TD', caseStatus, resolvedAt: ago(d), decidedAt: ago(d), slaDueAt: ago(late ? d + 1 : d - 1), outbox: sub });

  it('shows the three rates for the chosen window, and warns when the 90-day record nears the fast-lane line', async () => {
    // 90 days: 10 taken down (1 late), 1 rejected, 1 reinstated → 10/12, 1/11, 11/12. 7 days: 2 taken down.
    await put(
      ended('taken_down', 2), ended('taken_down', 3),
      ...Array.from({ length: 7 }, (_, i) => ended('taken_down', 10 + i)), ended('taken_down', 40, true),
      ended('rejected', 20), ended('reinstated', 30), ended('taken_down', 120),
    );
    await mount();
    const stats = await waitFor(() => $('[data-testid="good-faith-stats"]'), 'the record');
    expect(stats.dataset).toMatchObject({ window: '90d', successRate: String(Math.round((10 / 12) * 1e4) / 1e4), counterNoticeRate: '0.0909', withinSlaRate: '0.9167', resolved: '12' });
    expect(stats.textContent).toContain('Success 83.3%');
    const warning = $('[data-testid="good-faith-warning"]')!;
    expect(warning.dataset.kinds).toBe('success counter_notices');
    expect(warning.textContent).toContain('90-day success is 83.3%');
    const select = $('[data-testid="stats-window"]') as HTMLSelectElement;
    await act(() => {
      select.value = '7d';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect($('[data-testid="good-faith-stats"]')!.dataset).toMatchObject({ window: '7d', successRate: '1', counterNoticeRate: '0', resolved: '2' });
    // The warning is about the 90-day record, whatever window is shown.
    expect($('[data-testid="good-faith-warning"]')).not.toBeNull();
  });

  it('has empty rates and no warning while nothing is resolved', async () => {
    await put(queued);
    await mount();
    const stats = await waitFor(() => $('[data-testid="good-faith-stats"]'), 'the record');
    for (const a of ['data-success-rate', 'data-counter-notice-rate', 'data-within-sla-rate']) expect(stats.getAttribute(a)).toBe('');
    expect(stats.dataset.resolved).toBe('0');
    expect($('[data-testid="good-faith-warning"]')).toBeNull();
  });
});

describe('popup: states around the list', () => {
  it('shows a paused queue with its reason, on the banner and on the waiting rows', async () => {
    await put(queued, withCase);
    await setPause({ code: 'unauthorized', message: 'The token was refused (401).', at: '2026-11-24T01:30:00.000Z' });
    await mount();
    await waitFor(() => rows().length === 2, 'two rows');
    const banner = $('[data-testid="queue-paused"]')!.textContent;
    // Our words first, whatever the service said; its own words follow as detail.
    expect(banner).toContain('The alliance refused the API token (401)');
    expect(banner).toContain('The service said: The token was refused (401).');
    expect(rowOf(queued).dataset.state).toBe('attention');
    expect(rowOf(queued).textContent).toContain('Why: The token was refused (401).');
    expect(headers()).toEqual([['needs_you', 1], ['open', 1]]);
  });

  it('keeps an unknown case status as sent', async () => {
    const odd = makeRecord({ caseId: 'c_1', caseStatus: 'escalated_to_platform', slaDueAt: '2026-11-25T02:00:00.000Z', outbox: sub });
    await put(odd);
    await mount();
    await waitFor(() => rows().length === 1, 'one row');
    expect(rows()[0]!.dataset.state).toBe('escalated_to_platform');
    expect(rows()[0]!.querySelector('.state')!.textContent).toBe('escalated_to_platform');
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
    expect(rows()).toHaveLength(0);
  });
});
