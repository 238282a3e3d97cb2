// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ItemAnnotation, RequestOf } from '../shared/messages.ts';
import { PageState } from './page-state.ts';
import { followCards } from './card-follow.ts';

const a = (itemId: string, state: string, caseId: string | null = null): ItemAnnotation => ({ marketplace: 'taobao', itemId, clientRequestId: `r-${itemId}`, state, slaDueAt: null, caseId });

let stop: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  stop = new AbortController();
});
afterEach(() => {
  stop.abort();
  vi.useRealTimers();
});

describe('cards follow their requests', () => {
  it('asks about unresolved requests, fast while capturing, and re-renders only what changed', async () => {
    const state = new PageState();
    let answer = [a('1', 'queued'), a('2', 'taken_down', 'TD-2')];
    const asked: RequestOf<'lookup'>[] = [];
    const changed: (string[] | null)[] = [];
    state.subscribe((c) => changed.push(c.items));
    followCards(state, async (p) => (asked.push(p), { annotations: answer.filter((x) => p.items.some((i) => i.itemId === x.itemId)), sellerCounts: {} }), document, stop.signal, { fastMs: 1000, slowMs: 5000 });
    state.annotate([a('1', 'capturing'), a('2', 'in_review', 'TD-2'), a('3', 'rejected', 'TD-3')]);
    changed.length = 0;
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked.map((p) => p.items.map((i) => i.itemId))).toEqual([['1', '2']]); // 3 is resolved
    expect(state.annotations.get('1')!.state).toBe('queued');
    expect(state.annotations.get('2')!.state).toBe('taken_down');
    expect(changed).toEqual([['1', '2']]);
    // Nothing capturing any more: the next question comes at the slow pace, about 1 only.
    answer = [a('1', 'queued')];
    await vi.advanceTimersByTimeAsync(4000);
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(asked).toHaveLength(2);
    expect(asked[1]!.items.map((i) => i.itemId)).toEqual(['1']);
    expect(changed).toEqual([['1', '2']]); // unchanged: not re-rendered
    answer = [a('1', 'received', 'TD-1')];
    await vi.advanceTimersByTimeAsync(5000);
    expect(state.annotations.get('1')).toMatchObject({ state: 'received', caseId: 'TD-1' });
  });

  it('asks nothing while the page is hidden, and at once when it is shown again', async () => {
    const state = new PageState();
    let asks = 0;
    let hidden = true;
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => (hidden ? 'hidden' : 'visible'));
    followCards(state, async () => (asks++, { annotations: [a('1', 'received')], sellerCounts: {} }), document, stop.signal, { fastMs: 1000, slowMs: 5000 });
    state.annotate([a('1', 'queued')]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(asks).toBe(0);
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(asks).toBe(1);
    expect(state.annotations.get('1')!.state).toBe('received');
    // Resolved or not, a page with nothing open asks nothing more.
    stop.abort();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(asks).toBe(1);
  });
});
