// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { db } from '../shared/db/open.ts';
import { saveSettings } from '../shared/db/kv.ts';
import type { PendingAnswer, TakedownRecord } from '../shared/model.ts';
import { makeRecord } from '../../test/unit/records.ts';
import { waitFor } from '../../test/unit/ui-wait.ts';
import { popupView } from './view-store.ts';
import { NO_FILTERS } from './groups.ts';
import { App } from './app.tsx';
import { ReportPage } from './report-page.tsx';
import { sha256Hex } from '../evidence/format.ts';

// What a row says while its answer's fresh capture is made, and what that capture lacked.
const NOW = Date.parse('2026-11-24T02:00:00.000Z');
let container: HTMLElement;

const answer = (patch: Partial<PendingAnswer>): PendingAnswer => ({
  responseId: '6f1c0f5e-0c7e-4b8e-9a55-8d3b1c2e7a10',
  idempotencyKey: 'k',
  caseId: 'TD-2026-000001',
  body: '{}',
  evidence: [],
  state: 'queued',
  attempts: 0,
  nextAttemptAt: 0,
  lastError: null,
  queuedAt: '2026-11-24T01:00:00.000Z',
  sentAt: null,
  ...patch,
});
const sub = { state: 'submitted' as const, attempts: 1 };
const hidden = { code: 'screenshot_tab_hidden', message: 'the listing tab was not the one on screen' };

const detailOf = (r: TakedownRecord) => container.querySelector<HTMLElement>(`[data-testid="request-row"][data-client-request-id="${r.clientRequestId}"] .detail`)!;

beforeEach(async () => {
  popupView.setState({ now: NOW, filters: NO_FILTERS, answering: null });
  container = document.createElement('div');
  document.body.append(container);
  await saveSettings({ baseUrl: 'http://127.0.0.1:8787', token: 'tok' });
});
afterEach(() => {
  render(null, container);
  container.remove();
});

describe('an answer with a fresh capture of the listing', () => {
  it('says while it is captured, what the capture lacked before and after it is sent, and offers no second answer meanwhile', async () => {
    const capturing = makeRecord({ outbox: sub, caseId: 'TD-2026-000001', caseStatus: 'needs_info', answer: answer({ state: 'capturing' }) });
    const lacking = makeRecord({ outbox: sub, caseId: 'TD-2026-000002', caseStatus: 'needs_info', answer: answer({ gaps: [hidden] }) });
    const sent = makeRecord({ outbox: sub, caseId: 'TD-2026-000003', caseStatus: 'in_review', answer: answer({ state: 'sent', sentAt: '2026-11-24T01:01:00.000Z', gaps: [hidden] }) });
    const offline = makeRecord({ outbox: sub, caseId: 'TD-2026-000004', caseStatus: 'needs_info', answer: answer({ lastError: { code: 'offline', message: 'The browser is offline: the answer goes as soon as it is back online.' } }) });
    const database = await db();
    for (const r of [capturing, lacking, sent, offline]) await database.put('requests', r);
    await act(() => render(<App />, container));
    await waitFor(() => container.querySelectorAll('[data-testid="request-row"]').length === 4, 'the rows');
    expect(detailOf(capturing).textContent).toBe('Capturing the listing for your answer: keep its tab in front until it closes.');
    expect(detailOf(lacking).textContent).toBe('Your answer goes without part of the fresh capture: the listing tab was not the one on screen');
    expect(detailOf(sent).textContent).toBe('Answer sent without part of the fresh capture: the listing tab was not the one on screen');
    expect(detailOf(offline).textContent).toBe('The browser is offline: the answer goes as soon as it is back online.');
    expect(container.querySelector(`[data-client-request-id="${capturing.clientRequestId}"] [data-testid="respond-open"]`)).toBeNull();
  });

  it('prints the answer in the report: its text, when it was sent, its files with their SHA-256 and the fresh screenshot', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const sha256 = await sha256Hex(png);
    const database = await db();
    await database.put('evidence', { sha256, mediaType: 'image/png', bytes: png.length, data: png.buffer, createdAt: '2026-11-24T01:00:30.000Z' });
    const ref = { sha256, kind: 'screenshot', mediaType: 'image/png', bytes: png.length, capturedAt: '2026-11-24T01:00:30.000Z' };
    const manifestSha = 'd'.repeat(64);
    const manifestRef = { sha256: manifestSha, kind: 'capture_manifest', mediaType: 'application/json', bytes: 10, capturedAt: '2026-11-24T01:00:30.000Z' };
    await database.put('stamps', {
      manifestSha256: manifestSha,
      state: 'stamped',
      createdAt: '2026-11-24T01:00:30.000Z',
      attempts: 0,
      nextAttemptAt: 0,
      lastError: null,
      tokens: [{ sha256: 'e'.repeat(64), tsaUrl: 'http://tsa.example/', genTime: '2026-11-24T01:00:31.000Z', tsa: 'CN=Sandbox TSA' }],
    });
    const r = makeRecord({
      outbox: sub,
      caseId: 'TD-2026-000009',
      caseStatus: 'in_review',
      answer: answer({ state: 'sent', evidence: [ref, manifestRef], body: JSON.stringify({ responseId: 'x', message: '注册证书已附上。', evidence: [ref] }), sentAt: '2026-11-24T01:01:00.000Z', gaps: [hidden] }),
    });
    await database.put('requests', r);
    await act(() => render(<ReportPage ids={[r.clientRequestId]} />, container));
    const section = await waitFor(() => container.querySelector<HTMLElement>('[data-testid="report-answer"]'), 'the answer in the report');
    expect(section.dataset.state).toBe('sent');
    expect(section.textContent).toContain('注册证书已附上。');
    expect(section.textContent).toContain('2026-11-24T01:01:00.000Z');
    expect(section.textContent).toContain(sha256);
    expect(section.textContent).toContain('the listing tab was not the one on screen');
    await waitFor(() => section.querySelector('img'), 'the fresh screenshot');
    // The fresh capture's own trusted timestamp, beside its manifest's hash.
    const stamp = section.querySelector<HTMLElement>('[data-testid="report-answer-timestamp"]')!;
    expect(stamp.dataset.state).toBe('stamped');
    expect(stamp.textContent).toContain(manifestSha);
    expect(stamp.textContent).toContain('e'.repeat(64));
    expect(container.querySelector<HTMLElement>('[data-testid="report-timestamp"]')!.dataset.state).toBe('no_capture');
  });
});
