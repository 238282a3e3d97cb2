import { beforeEach, expect, it, vi } from 'vitest';
import { flag } from '../flag.ts';
import { db } from '../../shared/db/open.ts';
import { saveSettings } from '../../shared/db/kv.ts';
import type { ViewRect } from '../../shared/messages.ts';
import { runCaptures } from './jobs-runner.ts';
import { pacer } from './screenshot.ts';
import { fakePage } from './fake-page.test-kit.ts';

// In a file of its own: the stopped worker's runner never finishes, as in real life.

const listing = (itemId: string) => ({ marketplace: 'taobao', itemId, url: `https://item.taobao.com/item.htm?id=${itemId}`, title: `Bag ${itemId}`, seller: { name: 'Shop' } });
let n = 0;
const ctx = () => ({ tab: { id: 3, windowId: 1, url: 'https://s.taobao.com/search?q=bag', title: 'A page' }, now: () => new Date('2026-03-02T08:00:00Z'), newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` });
const payload = (ids: string[]) => ({ listings: ids.map(listing), reason: 'counterfeit' as const, ipRightId: 'ipr_1', note: '' });
const column = (ids: string[], gap: number): Record<string, ViewRect> => Object.fromEntries(ids.map((id, i) => [id, { x: 20, y: 100 + i * gap, width: 240, height: 380 }]));
const ids = (count: number) => Array.from({ length: count }, (_, i) => `6000000${String(i).padStart(5, '0')}`);
const requests = async () => (await db()).getAll('requests');
const cardShot = (r: { evidence: { kind: string }[] }) => r.evidence.filter((e) => e.kind === 'screenshot').length;

beforeEach(async () => {
  vi.spyOn(pacer, 'turn').mockResolvedValue(undefined);
  await saveSettings({ me: { member: { id: 'm', name: 'M' }, ipRights: [{ id: 'ipr_1', kind: 'trademark', title: 'T', registrationNumber: '1', jurisdiction: 'CN', classes: [25], brand: 'B' }] } });
  chrome.pageCapture.saveAsMHTML = (async () => new Blob(['MIME-Version: 1.0\r\n'])) as never;
});

it('a worker stopped mid-capture: the next worker goes on from the stored steps, and every card gets its screenshot', async () => {
  const items = ids(45);
  const page = fakePage({ pageHeight: 50_000, cards: column(items, 1000) });
  const answer = await flag(payload(items), ctx());
  expect(answer.ok).toBe(true);

  // The 25th capture (in the second step) never returns: the worker is stopped there.
  const capture = chrome.tabs.captureVisibleTab;
  let calls = 0;
  chrome.tabs.captureVisibleTab = ((...a: unknown[]) => (++calls === 25 ? new Promise(() => {}) : (capture as (...x: unknown[]) => unknown)(...a))) as never;
  void runCaptures();
  await vi.waitFor(() => expect(calls).toBe(25), { timeout: 10_000 });
  expect((await requests()).filter((r) => r.outbox.state === 'queued')).toHaveLength(20);
  const firstStep = page.captures.slice(0, 20);

  // A new worker instance (fresh module state, same database) picks the job up.
  chrome.tabs.captureVisibleTab = capture;
  vi.resetModules();
  const next = await import('./jobs-runner.ts');
  vi.spyOn((await import('./screenshot.ts')).pacer, 'turn').mockResolvedValue(undefined);
  await next.resumeCaptures();

  const stored = await requests();
  expect(stored.map((r) => r.outbox.state)).toEqual(Array(45).fill('queued'));
  expect(stored.filter((r) => cardShot(r) < 1 || r.evidenceGaps.length > 0)).toEqual([]);
  // The first step's cards were not captured again.
  for (const y of firstStep.filter((y) => y > 0)) expect(page.captures.filter((c) => c === y)).toHaveLength(1);
}, 30_000);
