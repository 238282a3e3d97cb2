import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flag } from '../flag.ts';
import { db } from '../../shared/db/open.ts';
import { saveSettings } from '../../shared/db/kv.ts';
import type { ViewRect } from '../../shared/messages.ts';
import { onTabShown, runCaptures, stopAllCaptures } from './jobs-runner.ts';
import { captureProgress } from './job-progress.ts';
import { pacer } from './screenshot.ts';
import { fakePage } from './fake-page.test-kit.ts';

// A flag is stored first and captured after, as a job that survives the worker.

const SEARCH = 'https://s.taobao.com/search?q=bag';
const listing = (itemId: string) => ({ marketplace: 'taobao', itemId, url: `https://item.taobao.com/item.htm?id=${itemId}`, title: `Bag ${itemId}`, seller: { name: 'Shop' } });
let n = 0;
const ctx = (url = SEARCH) => ({ tab: { id: 3, windowId: 1, url, title: 'A page' }, now: () => new Date('2026-03-02T08:00:00Z'), newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` });
const payload = (ids: string[], extra: object = {}) => ({ listings: ids.map(listing), reason: 'counterfeit' as const, ipRightId: 'ipr_1', note: '', ...extra });
/** Cards one above the other, `gap` px apart: each needs a capture of its own. */
const column = (ids: string[], gap: number): Record<string, ViewRect> => Object.fromEntries(ids.map((id, i) => [id, { x: 20, y: 100 + i * gap, width: 240, height: 380 }]));
const ids = (count: number) => Array.from({ length: count }, (_, i) => `6000000${String(i).padStart(5, '0')}`);
const requests = async () => (await db()).getAll('requests');
const cardShot = (r: { evidence: { kind: string }[] }) => r.evidence.filter((e) => e.kind === 'screenshot').length;

beforeEach(async () => {
  vi.spyOn(pacer, 'turn').mockResolvedValue(undefined);
  await saveSettings({ me: { member: { id: 'm', name: 'M' }, ipRights: [{ id: 'ipr_1', kind: 'trademark', title: 'T', registrationNumber: '1', jurisdiction: 'CN', classes: [25], brand: 'B' }] } });
  chrome.pageCapture.saveAsMHTML = (async () => new Blob(['MIME-Version: 1.0\r\n'])) as never;
});

describe('a click is never lost', () => {
  it('stores every request as capturing before any capture, and answers a repeated submit with the same requests', async () => {
    const page = fakePage({ pageHeight: 4000, cards: column(ids(3), 300) });
    const submitId = '11111111-1111-4111-8111-111111111111';
    const first = await flag(payload(ids(3), { submitId }), ctx());
    expect(page.captures).toEqual([]);
    expect((await requests()).map((r) => r.outbox.state)).toEqual(['capturing', 'capturing', 'capturing']);
    expect(first).toMatchObject({ ok: true, jobId: submitId });

    const again = await flag(payload(ids(3), { submitId }), ctx());
    expect(again.ok && again.clientRequestIds).toEqual(first.ok && first.clientRequestIds);
    expect(await requests()).toHaveLength(3);
  });

  it('captures every card of a big selection, however far apart (no "too many cards" skip)', async () => {
    const items = ids(45);
    const page = fakePage({ pageHeight: 50_000, cards: column(items, 1000) });
    await flag(payload(items), ctx());
    await runCaptures();
    const stored = await requests();
    expect(stored).toHaveLength(45);
    expect(stored.filter((r) => r.evidenceGaps.length)).toEqual([]);
    const meta = await (await db()).getAll('evidence');
    expect(meta.filter((e) => e.mediaType === 'image/png')).toHaveLength(45);
    // One capture per card, plus each step's view of the page as the user had it.
    expect(page.captures.length).toBeGreaterThanOrEqual(45);
  });
});

describe('the view the user had', () => {
  const viewShas = async () => {
    const shas = new Set((await requests()).flatMap((r) => r.evidence.filter((e) => e.kind === 'capture_manifest').map((e) => e.sha256)));
    const d = await db();
    return Promise.all([...shas].map(async (sha) => (JSON.parse(new TextDecoder().decode((await d.get('evidence', sha))!.data)) as { capture: { viewport: { sha256: string } } }).capture.viewport.sha256));
  };

  it('is captured once for the steps of a job that find the page where the user left it, and again once they scrolled', async () => {
    const all = ids(70);
    const page = fakePage({ pageHeight: 80_000, cards: column(all, 1000) });
    // 45 listings: three steps of up to 20, every card far from the others (a capture each).
    await flag(payload(all.slice(0, 45)), ctx());
    await runCaptures();
    // Scrolled to the top once: the first step's view of the page, shown again by the next two.
    expect(page.captures.filter((y) => y === 0)).toHaveLength(1);
    expect(page.captures).toHaveLength(45);
    const views = await viewShas();
    expect(views).toHaveLength(3);
    expect(new Set(views).size).toBe(1);
    expect((await requests()).filter((r) => r.evidenceGaps.length)).toEqual([]);

    // Another 25 (two steps); the user scrolls just before the second step: it takes that view.
    const answer = chrome.tabs.sendMessage as (...a: unknown[]) => unknown;
    let begins = 0;
    chrome.tabs.sendMessage = ((...a: unknown[]) => {
      if ((a[1] as { type: string }).type === 'captureBegin' && ++begins === 2) page.scrollY = 500;
      return answer(...a);
    }) as never;
    page.captures.length = 0;
    await flag(payload(all.slice(45)), ctx());
    await runCaptures();
    expect(page.captures.filter((y) => y === 0)).toHaveLength(1);
    expect(page.captures.filter((y) => y === 500)).toHaveLength(1);
    expect(new Set(await viewShas()).size).toBe(2);
  });
});

describe('already reported', () => {
  it('skips listings this device already has a request for, unless the user flags that one again', async () => {
    fakePage({ pageHeight: 4000, cards: column(ids(3), 300) });
    await flag(payload(ids(2)), ctx());
    await runCaptures();
    const answer = await flag(payload(ids(3)), ctx());
    expect(answer.ok && answer.skipped?.map((a) => [a.itemId, a.state])).toEqual([
      [ids(3)[0], 'queued'],
      [ids(3)[1], 'queued'],
    ]);
    expect(answer.ok && answer.annotations.map((a) => a.itemId)).toEqual([ids(3)[2]]);
    const again = await flag(payload([ids(3)[0]!], { flagAgain: [ids(3)[0]] }), ctx());
    expect(again.ok && again.annotations.map((a) => a.itemId)).toEqual([ids(3)[0]]);
    expect(await requests()).toHaveLength(4);
  });
});

describe('evidence whatever tab is in front', () => {
  it('waits for its tab (the requests say so), and captures once the tab is shown', async () => {
    const page = fakePage({ pageHeight: 4000, cards: column(ids(2), 300) });
    let active = false;
    chrome.tabs.get = (async (id: number) => ({ id, windowId: 1, active })) as never;
    const answer = await flag(payload(ids(2)), ctx());
    await runCaptures();
    expect(page.captures).toEqual([]);
    const waiting = await requests();
    expect(waiting.map((r) => [r.outbox.state, r.outbox.lastError?.code])).toEqual([
      ['capturing', 'waiting_for_tab'],
      ['capturing', 'waiting_for_tab'],
    ]);
    expect(waiting[0]!.outbox.lastError!.message).toMatch(/switch to that tab/i);
    expect(await captureProgress(answer.ok ? answer.jobId! : '', 3)).toMatchObject({ state: 'waiting_tab', total: 2 });
    // Another tab's content script hears nothing about it.
    expect(await captureProgress(answer.ok ? answer.jobId! : '', 4)).toMatchObject({ state: 'unknown' });

    active = true;
    await onTabShown(3);
    const done = await requests();
    expect(done.map((r) => [r.outbox.state, r.outbox.lastError, cardShot(r)])).toEqual([
      ['queued', null, 1],
      ['queued', null, 1],
    ]);
    expect(await captureProgress(answer.ok ? answer.jobId! : '', 3)).toEqual({ done: 2, total: 2, state: 'sealed', missing: 0 });
  });

  it("the popup's Stop ends every capture still waiting: stored with the gap said, sent, and nothing left capturing", async () => {
    const page = fakePage({ pageHeight: 4000, cards: column(ids(2), 300) });
    chrome.tabs.get = (async (id: number) => ({ id, windowId: 1, active: false })) as never;
    await flag(payload(ids(2)), ctx());
    await runCaptures();
    expect((await requests()).map((r) => r.outbox.state)).toEqual(['capturing', 'capturing']);
    expect(await stopAllCaptures()).toEqual({ stopped: 1 });
    await runCaptures();
    const stopped = await requests();
    expect(page.captures).toEqual([]);
    expect(stopped.map((r) => [r.outbox.state, r.evidenceGaps.map((g) => g.code)])).toEqual([
      ['queued', ['capture_stopped']],
      ['queued', ['capture_stopped']],
    ]);
    // Nothing is left to stop.
    expect(await stopAllCaptures()).toEqual({ stopped: 0 });
  });

  it('brings the tab to the front for the capture when the user allowed it, then puts their tab back', async () => {
    const page = fakePage({ pageHeight: 4000, cards: column(ids(2), 300) });
    await saveSettings({ captureBringToFront: true });
    let activeTab = 9;
    const updates: number[] = [];
    chrome.tabs.get = (async (id: number) => ({ id, windowId: 1, active: id === activeTab })) as never;
    chrome.tabs.query = (async () => [{ id: activeTab, windowId: 1, active: true }]) as never;
    (chrome.tabs as unknown as { update: unknown }).update = async (id: number) => {
      updates.push(id);
      activeTab = id;
      return { id };
    };
    await flag(payload(ids(2)), ctx());
    await runCaptures();
    expect(updates).toEqual([3, 9]);
    expect(page.captures.length).toBeGreaterThan(0);
    expect((await requests()).map((r) => r.outbox.state)).toEqual(['queued', 'queued']);
  });

  it('a tab that moves on to another page during the capture keeps none of it: the gap says the page is gone', async () => {
    const page = fakePage({ pageHeight: 4000, cards: column(ids(1), 300) });
    let url = SEARCH;
    chrome.tabs.get = (async (id: number) => ({ id, windowId: 1, active: true, url })) as never;
    const shoot = chrome.tabs.captureVisibleTab;
    // The agent goes to the next listing right after the first screenshot.
    chrome.tabs.captureVisibleTab = (async (...args: unknown[]) => {
      const png = await (shoot as (...a: unknown[]) => Promise<string>)(...args);
      url = 'https://s.taobao.com/search?q=bag&s=44';
      return png;
    }) as never;
    await flag(payload(ids(1)), ctx());
    await runCaptures();
    expect(page.captures.length).toBeGreaterThan(0);
    const [stored] = await requests();
    expect(stored!.outbox.state).toBe('queued');
    expect(stored!.evidenceGaps.map((g) => g.code)).toEqual(['page_gone']);
    expect(cardShot(stored!)).toBe(0);
  });

  it('a tab closed before its capture: held for the user, saying why (or sent with the gap, as the options say)', async () => {
    fakePage({ pageHeight: 4000, cards: column(ids(2), 300) });
    chrome.tabs.get = (async () => {
      throw new Error('No tab with id: 3.');
    }) as never;
    await saveSettings({ captureWhenImpossible: 'hold' });
    await flag(payload([ids(2)[0]!]), ctx());
    await runCaptures();
    const [held] = await requests();
    expect(held!.outbox).toMatchObject({ state: 'attention', lastError: { code: 'evidence_incomplete', message: expect.stringMatching(/closed/) } });
    expect(held!.evidenceGaps.map((g) => g.code)).toEqual(['tab_closed']);
    // The metadata and the manifest are there all the same.
    expect(held!.evidence.map((e) => e.kind).sort()).toEqual(['capture_manifest', 'metadata']);

    await saveSettings({ captureWhenImpossible: 'send' });
    await flag(payload([ids(2)[1]!]), ctx());
    await runCaptures();
    const sent = (await requests()).find((r) => r.listing.itemId === ids(2)[1]);
    expect(sent!.outbox.state).toBe('queued');
    expect(sent!.evidenceGaps.map((g) => g.code)).toEqual(['tab_closed']);
  });
});
