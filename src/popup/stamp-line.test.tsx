// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { db } from '../shared/db/open.ts';
import { saveSettings } from '../shared/db/kv.ts';
import { announce } from '../shared/db/changes.ts';
import type { StampJob } from '../shared/db/schema.ts';
import { storeCapture } from '../evidence/evidence.test-kit.ts';
import { makeRecord } from '../../test/unit/records.ts';
import { waitFor } from '../../test/unit/ui-wait.ts';
import { popupView } from './view-store.ts';
import { NO_FILTERS } from './groups.ts';
import { App } from './app.tsx';
import { ReportPage } from './report-page.tsx';

// The trusted-timestamp state of each request's capture, as the popup row and the printable
// report show it, on a fixed clock.
const NOW = Date.parse('2026-11-24T02:00:00.000Z');
const TSA = 'CN=Sandbox TSA, O=Takedown Flagger sandbox';
const TOKEN = 'b'.repeat(64);
let container: HTMLElement;

const job = (manifestSha256: string, patch: Partial<StampJob>): StampJob => ({
  manifestSha256,
  state: 'pending',
  createdAt: '2026-11-20T01:00:00.000Z',
  attempts: 0,
  nextAttemptAt: 0,
  lastError: null,
  tokens: [],
  ...patch,
});

async function fourCaptures() {
  const stamped = await storeCapture({ listing: { itemId: '610000000001' } });
  const owed = await storeCapture({ listing: { itemId: '610000000002' } });
  const failed = await storeCapture({ listing: { itemId: '610000000003' } });
  const none = await storeCapture({ listing: { itemId: '610000000004' } });
  const capturing = makeRecord({ listing: { itemId: '610000000005' }, outbox: { state: 'capturing' } });
  const database = await db();
  await database.put('requests', capturing);
  await database.put('stamps', job(stamped.manifestSha, { state: 'stamped', tokens: [{ sha256: TOKEN, tsaUrl: 'http://tsa.example/', genTime: '2026-11-20T01:00:03.000Z', tsa: TSA }] }));
  await database.put('stamps', job(owed.manifestSha, { attempts: 3, failures: 3, lastError: 'http://tsa.example/: HTTP 503', nextAttemptAt: NOW + 20 * 60_000 }));
  await database.put('stamps', job(failed.manifestSha, { state: 'failed', failures: 40, lastError: 'http://tsa.example/: unreachable', failedAt: '2026-11-27T01:00:00.000Z' }));
  return { stamped, owed, failed, none, capturing };
}

const stampOf = (itemId: string) => container.querySelector<HTMLElement>(`[data-testid="request-row"][data-item-id="${itemId}"] [data-testid="timestamp-state"]`);
const rowOf = (itemId: string) => container.querySelector<HTMLElement>(`[data-testid="request-row"][data-item-id="${itemId}"]`)!;

beforeEach(async () => {
  popupView.setState({ now: NOW, filters: NO_FILTERS, answering: null });
  container = document.createElement('div');
  document.body.append(container);
  await saveSettings({ baseUrl: 'http://127.0.0.1:8787', token: 'tok', tsaUrls: ['http://tsa.example/'] });
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the trusted timestamp of each capture', () => {
  it('says in each row whether the capture is stamped (TSA, time), owed (why, next try), given up (with "try again") or has none', async () => {
    const c = await fourCaptures();
    await act(() => render(<App />, container));
    announce('stamps'); // the store of an earlier test in this file may already be watching
    await waitFor(() => stampOf('610000000003')?.dataset.state === 'failed', 'the stamp states');
    expect(stampOf('610000000001')!.dataset.state).toBe('stamped');
    expect(stampOf('610000000001')!.dataset.at).toBe('2026-11-20T01:00:03.000Z');
    expect(stampOf('610000000001')!.textContent).toContain('Sandbox TSA');
    expect(stampOf('610000000001')!.title).toContain(TOKEN);
    expect(stampOf('610000000001')!.title).toContain(c.stamped.manifestSha);

    expect(stampOf('610000000002')!.dataset.state).toBe('owed');
    expect(stampOf('610000000002')!.dataset.at).toBe(new Date(NOW + 20 * 60_000).toISOString());
    expect(stampOf('610000000002')!.textContent).toContain('HTTP 503');

    expect(stampOf('610000000003')!.textContent).toContain('unreachable');
    expect(stampOf('610000000004')!.dataset.state).toBe('none');
    // Nothing captured yet: nothing to say about a stamp.
    expect(stampOf('610000000005')).toBeNull();

    // "Try again" only where the policy gave up, and "timestamp now" where none was asked for.
    expect(rowOf('610000000001').querySelector('[data-testid="timestamp-retry"]')).toBeNull();
    expect(rowOf('610000000002').querySelector('[data-testid="timestamp-retry"]')).toBeNull();
    const asked: { type: string; payload: unknown }[] = [];
    chrome.runtime.onMessage.addListener((msg: { type: string; payload: unknown }) => {
      asked.push(msg);
      return Promise.resolve({ ok: true });
    });
    await act(() => rowOf('610000000003').querySelector<HTMLElement>('[data-testid="timestamp-retry"]')!.click());
    await waitFor(() => asked.length > 0, 'the retry message');
    expect(asked[0]).toMatchObject({ type: 'retryStamp', payload: { manifestSha256: c.failed.manifestSha } });
    expect(rowOf('610000000004').querySelector('[data-testid="timestamp-retry"]')).not.toBeNull();
    expect(c.owed.manifestSha).toMatch(/^[0-9a-f]{64}$/);
  });

  it('says that a stamp waits for a TSA when none is configured any more', async () => {
    const c = await fourCaptures();
    await saveSettings({ tsaUrls: [] });
    await act(() => render(<App />, container));
    announce('stamps');
    await waitFor(() => stampOf('610000000002')?.textContent?.includes('no timestamp authority'), 'the owed stamp without a TSA');
    expect(stampOf('610000000002')!.dataset.at).toBe('');
    // No TSA to ask: nothing to offer for a capture that never had one.
    expect(rowOf('610000000004').querySelector('[data-testid="timestamp-retry"]')).toBeNull();
    expect(c.none.manifestSha).toBeTruthy();
  });

  it('prints the stamp beside the manifest hash in the report, or says why there is none', async () => {
    const c = await fourCaptures();
    const ids = [c.stamped, c.owed, c.failed, c.none].map((x) => x.record.clientRequestId);
    await act(() => render(<ReportPage ids={ids} />, container));
    await waitFor(() => container.querySelectorAll('[data-testid="report-timestamp"]').length === 4, 'the report');
    const [stamped, owed, failed, none] = [...container.querySelectorAll<HTMLElement>('[data-testid="report-timestamp"]')];
    expect(stamped!.dataset.state).toBe('stamped');
    expect(stamped!.textContent).toContain(c.stamped.manifestSha);
    expect(stamped!.textContent).toContain(TSA);
    expect(stamped!.textContent).toContain('2026-11-20T01:00:03.000Z');
    expect(stamped!.textContent).toContain(TOKEN);
    expect(owed!.dataset.state).toBe('owed');
    expect(owed!.textContent).toContain('HTTP 503');
    expect(failed!.dataset.state).toBe('failed');
    expect(failed!.textContent).toContain('unreachable');
    expect(none!.dataset.state).toBe('none');
  });
});
