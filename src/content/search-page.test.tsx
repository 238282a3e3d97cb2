// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ItemAnnotation, ResponseOf } from '../shared/messages.ts';
import { initSearchPage } from './search-page.ts';
import { change, fakeWorker, flagContext, listing, settle, trusted, trustedClick, type Sent } from './helpers.test-kit.ts';
import {
  box, cardElement, cardsOf, extractOnlyAdapter, fakeAdapter, findRoots, readCards, fakeLayout, FakeIntersectionObserver, handFrames, hooks, itemId, SEARCH, searchPage, shadow,
} from './search.test-kit.ts';

const annotation = (n: number, over: Partial<ItemAnnotation> = {}): ItemAnnotation => ({
  marketplace: 'taobao', itemId: itemId(n), clientRequestId: `req-${n}`, state: 'in_review', slaDueAt: '2026-11-23T06:00:00.000Z', caseId: `case-${n}`, ...over,
});

let stop: AbortController;
let sent: Sent[];
let frames: ReturnType<typeof handFrames>;
let lookupAnswer: (p: any) => ResponseOf<'lookup'>;
let progressAnswer: ResponseOf<'captureProgress'>;
let earlier: ResponseOf<'selectionGet'>['listings'];
let earlierAgain: string[];
let flagOverride: ((p: any) => ResponseOf<'flag'>) | null;
const now = () => Date.parse('2026-11-22T06:00:00.000Z');

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  FakeIntersectionObserver.all = [];
  findRoots.length = 0;
  readCards.length = 0;
  fakeLayout();
  stop = new AbortController();
  frames = handFrames();
  lookupAnswer = () => ({ annotations: [], sellerCounts: {} });
  progressAnswer = { done: 0, total: 3, state: 'capturing', missing: 0 };
  earlier = [];
  earlierAgain = [];
  flagOverride = null;
  sent = fakeWorker({
    lookup: (p) => lookupAnswer(p),
    flagContext: () => flagContext(),
    captureProgress: () => progressAnswer,
    selectionGet: () => ({ listings: earlier, again: earlierAgain }),
    selectionSet: (p) => ({ ok: true, count: p.listings.length }),
    stopCapture: () => ({ ok: true }),
    flag: (p) => flagOverride?.(p) ?? ({ ok: true, jobId: 'job-1', clientRequestIds: (p.listings as any[]).map((l) => `req-${l.itemId}`), annotations: (p.listings as any[]).map((l) => annotation(Number(l.itemId) - 800000000000, { state: 'queued', slaDueAt: null })) }),
  });
});
afterEach(async () => {
  stop.abort();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await settle();
});

async function start(count: number, adapter = fakeAdapter) {
  const list = searchPage(count);
  initSearchPage(adapter, document, new URL(SEARCH), stop.signal, { schedule: frames.schedule, now, lookupDebounceMs: 0 });
  frames.run();
  await settle();
  return list;
}
/** The page grows: mutations are seen, then the work runs in the next frames. */
async function grow(fn: () => void) {
  fn();
  await settle(); // MutationObserver callbacks are microtasks
  frames.run();
  await settle();
}
async function enter(cards: Element[]) {
  FakeIntersectionObserver.enter(cards);
  frames.run();
  await settle();
}
const lookups = () => sent.filter((m) => m.type === 'lookup');

describe('search page cards', () => {
  it('annotates cards only as they come near the viewport', async () => {
    const list = await start(30);
    expect(FakeIntersectionObserver.all[0]!.options.rootMargin).toMatch(/px/);
    expect(hooks('select-listing')).toHaveLength(0);
    await enter(cardsOf(list).slice(0, 6));
    expect(hooks('select-listing').map((b) => b.dataset.itemId)).toEqual([1, 2, 3, 4, 5, 6].map(itemId));
    // Placed over its card, in document coordinates.
    expect(box(2)!.parentElement!.style.transform).toBe('translate(26px, 606px)');
    await enter(cardsOf(list).slice(0, 8));
    expect(hooks('select-listing')).toHaveLength(8);
  });

  it('gives cards the page inserts near the viewport their boxes in the next frame, before the observer reports them', async () => {
    const list = await start(2);
    expect(hooks('select-listing')).toHaveLength(0); // at load, the observer decides
    // Infinite scroll: card 3 lands 900 px down (within the 400 px margin of a 768 px
    // viewport), card 30 far below.
    await grow(() => list.append(cardElement(3), cardElement(30)));
    expect(hooks('select-listing').map((b) => b.dataset.itemId)).toEqual([itemId(3)]);
    // The far one waits for the observer, as before.
    await enter([cardsOf(list)[3]!]);
    expect(hooks('select-listing').map((b) => b.dataset.itemId)).toEqual([itemId(3), itemId(30)]);
  });

  it('picks up cards added later from the new nodes alone, never querying the old ones', async () => {
    const list = await start(10);
    expect(findRoots).toHaveLength(1); // the page is queried once
    const fresh = [11, 12, 13].map((n) => cardElement(n));
    const wrapper = document.createElement('section');
    wrapper.append(cardElement(14), cardElement(15));
    await grow(() => list.append(...fresh, wrapper));
    // One query per new subtree (the card itself, or the wrapper), none of the old cards.
    expect(findRoots.slice(1)).toHaveLength(4);
    for (const root of findRoots.slice(1)) expect(cardsOf(list).slice(0, 10).some((c) => (root as Element).contains(c))).toBe(false);
    await enter(cardsOf(list));
    expect(hooks('select-listing')).toHaveLength(15);

    // A lazy image inside a known card costs no query; a card that arrives empty is read again when it fills in.
    const before = findRoots.length;
    await grow(() => cardsOf(list)[0]!.append(document.createElement('img')));
    expect(findRoots).toHaveLength(before);
    const empty = cardElement(16, { title: null });
    await grow(() => list.append(empty));
    await enter([empty]);
    expect(box(16)).toBeNull();
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = '迟到的标题';
    await grow(() => empty.append(title));
    await enter([empty]);
    expect(box(16)).not.toBeNull();
  });

  it('reads only the cards near the viewport of a long page, and asks about those alone', async () => {
    const list = await start(500);
    expect(findRoots).toHaveLength(1);
    expect(readCards).toHaveLength(0);
    expect(lookups()).toHaveLength(0);
    await enter(cardsOf(list).slice(495));
    expect(readCards.map((c) => (c as HTMLElement).dataset.id)).toEqual([496, 497, 498, 499, 500].map(itemId));
    expect(hooks('select-listing').map((b) => b.dataset.itemId)).toEqual([496, 497, 498, 499, 500].map(itemId));
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]!.payload.items.map((i: any) => i.itemId)).toEqual([496, 497, 498, 499, 500].map(itemId));
  });

  it('works with an adapter that only extracts whole lists, cards that fill in late included', async () => {
    const list = await start(6, extractOnlyAdapter);
    await enter(cardsOf(list).slice(0, 3));
    expect(hooks('select-listing').map((b) => b.dataset.itemId)).toEqual([1, 2, 3].map(itemId));
    const empty = cardElement(7, { title: null });
    await grow(() => list.append(empty));
    await enter([empty]);
    expect(box(7)).toBeNull();
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = '迟到的标题';
    await grow(() => empty.append(title));
    await enter([empty]);
    expect(box(7)).not.toBeNull();
  });

  it('drops the UI of cards that leave the page', async () => {
    const list = await start(5);
    await enter(cardsOf(list));
    await grow(() => cardsOf(list)[1]!.remove());
    expect(hooks('select-listing').map((b) => b.dataset.itemId)).toEqual([1, 3, 4, 5].map(itemId));
  });

  it('selects with real clicks, shows the toolbar with the count, and clears', async () => {
    const list = await start(12);
    await enter(cardsOf(list));
    expect(hooks('batch-toolbar')).toHaveLength(0);
    for (const n of [2, 5, 7]) await trustedClick(box(n));
    expect(hooks('batch-toolbar')[0]?.dataset.count).toBe('3');
    expect([2, 5, 7].every((n) => box(n)!.checked)).toBe(true);
    await trustedClick(box(5));
    expect(hooks('batch-toolbar')[0]?.dataset.count).toBe('2');
    await trustedClick(buttonNamed('Clear'));
    expect(hooks('batch-toolbar')).toHaveLength(0);
    expect(hooks('select-listing').some((b) => (b as HTMLInputElement).checked)).toBe(false);
  });

  it('"select all visible" takes every card loaded so far, not only those on screen', async () => {
    const list = await start(12);
    await enter(cardsOf(list).slice(0, 3));
    await trustedClick(box(1));
    window.innerHeight = 900; // cards 0..2 are on screen; the other nine are loaded below
    await trustedClick(buttonNamed('Select all visible'));
    expect(hooks('batch-toolbar')[0]?.dataset.count).toBe('12');
  });

  it('ignores synthetic clicks: a page script cannot select a card', async () => {
    const list = await start(3);
    await enter(cardsOf(list));
    box(1)!.click();
    box(2)!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    await settle();
    expect(box(1)!.checked).toBe(false);
    expect(box(2)!.checked).toBe(false);
    expect(hooks('batch-toolbar')).toHaveLength(0);
  });

  it('asks the worker once per batch of cards coming near, with their sellers', async () => {
    const list = await start(30);
    await enter(cardsOf(list));
    expect(lookups()).toHaveLength(1);
    expect(lookups()[0]!.payload.items).toHaveLength(30);
    expect(lookups()[0]!.payload.sellers.map((s: any) => s.sellerId).sort()).toEqual(['seller-0', 'seller-1', 'seller-2', 'seller-3']);
    await grow(() => list.append(...[31, 32, 33].map((n) => cardElement(n)), cardElement(34, { seller: 'seller-9' })));
    await enter(cardsOf(list).slice(30));
    expect(lookups()).toHaveLength(2);
    expect(lookups()[1]!.payload.items.map((i: any) => i.itemId)).toEqual([31, 32, 33, 34].map(itemId));
    expect(lookups()[1]!.payload.sellers).toEqual([{ marketplace: 'taobao', sellerId: 'seller-9', sellerName: '店铺 seller-9' }]);
  });

  it('shows the requests the worker knows of and marks repeat sellers', async () => {
    lookupAnswer = () => ({ annotations: [annotation(4)], sellerCounts: { 'taobao:seller-0': 1, 'taobao:seller-1': 3, 'taobao:seller-2': 0 } });
    const list = await start(8);
    await enter(cardsOf(list));
    const status = hooks('listing-status');
    expect(status.map((s) => [s.dataset.itemId, s.dataset.state])).toEqual([[itemId(4), 'in_review']]);
    expect(status[0]!.textContent).toContain('1 d 0 h left');
    const repeat = (n: number) => box(n)!.parentElement!.querySelector<HTMLElement>('.repeat');
    expect(repeat(1)!.textContent).toBe('Repeat seller: 3 flagged'); // seller-1
    expect(repeat(5)!.hidden).toBe(false);
    expect(repeat(4)?.hidden ?? true).toBe(true); // seller-0: its one request is this card's own
    expect(repeat(2)).toBeNull(); // seller-2: none
  });

  it('flags the selection in one message and shows the new requests on the cards', async () => {
    const list = await start(10);
    await enter(cardsOf(list));
    for (const n of [1, 3, 6]) await trustedClick(box(n));
    await trustedClick(hooks('flag-selected')[0]);
    await formReady();
    await change(hooks('flag-ip-right')[0] as HTMLSelectElement, 'tm-cn-001');
    await change(hooks('flag-note')[0] as HTMLTextAreaElement, 'copies', 'input');
    await trustedClick(hooks('flag-submit')[0]);
    const flags = sent.filter((m) => m.type === 'flag');
    expect(flags).toHaveLength(1);
    expect(flags[0]!.payload).toMatchObject({ reason: 'counterfeit', ipRightId: 'tm-cn-001', note: 'copies' });
    expect(flags[0]!.payload.listings.map((l: any) => [l.itemId, l.title])).toEqual([1, 3, 6].map((n) => [itemId(n), `帆布双肩包 ${n}`]));
    expect(hooks('listing-status').map((s) => [s.dataset.itemId, s.dataset.state])).toEqual([1, 3, 6].map((n) => [itemId(n), 'queued']));
    expect(hooks('listing-status')[0]!.textContent).toContain('SLA clock not started');
    expect(hooks('batch-toolbar')).toHaveLength(0);
  });

  it('shift-click selects the range since the last box clicked, skipping cards that have a request', async () => {
    lookupAnswer = () => ({ annotations: [annotation(6)], sellerCounts: {} });
    const list = await start(30);
    await enter(cardsOf(list));
    await trustedClick(box(3));
    await shiftClick(box(12));
    const checked = () => hooks('select-listing').filter((b) => (b as HTMLInputElement).checked).map((b) => b.dataset.itemId);
    expect(checked()).toEqual([3, 4, 5, 7, 8, 9, 10, 11, 12].map(itemId));
    expect(hooks('batch-toolbar')[0]?.dataset.count).toBe('9');
    // A clearing click makes the next shift-click clear its range.
    await trustedClick(box(10));
    await shiftClick(box(4));
    expect(checked()).toEqual([3, 11, 12].map(itemId));
  });

  it('selects every loaded card of a seller from the card menu and from the repeat-seller mark', async () => {
    lookupAnswer = () => ({ annotations: [annotation(5)], sellerCounts: { 'taobao:seller-1': 2 } });
    const list = await start(12);
    await enter(cardsOf(list));
    await trustedClick(box(2)!.parentElement!.querySelector('[data-testid="card-menu"]'));
    await trustedClick(hooks('select-seller')[0]);
    const checked = () => hooks('select-listing').filter((b) => (b as HTMLInputElement).checked).map((b) => b.dataset.itemId);
    expect(checked()).toEqual([2, 6, 10].map(itemId)); // seller-2
    await trustedClick(box(1)!.parentElement!.querySelector('[data-testid="seller-mark"]'));
    expect(checked()).toEqual([1, 2, 6, 9, 10].map(itemId)); // and seller-1, but 5 has a request
  });

  it('the card menu closes on Esc and on a click elsewhere, and its button toggles it', async () => {
    const list = await start(3);
    await enter(cardsOf(list));
    const menuButton = box(2)!.parentElement!.querySelector('[data-testid="card-menu"]')!;
    await trustedClick(menuButton);
    expect(hooks('select-seller')).toHaveLength(1);
    hooks('select-seller')[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(hooks('select-seller')).toHaveLength(0);
    await trustedClick(menuButton);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(hooks('select-seller')).toHaveLength(0);
    await trustedClick(menuButton);
    menuButton.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await trustedClick(menuButton);
    expect(hooks('select-seller')).toHaveLength(0);
  });

  it('a card with a request is not selectable until the user chooses "flag again" for it, which is sent with the flag', async () => {
    lookupAnswer = () => ({ annotations: [annotation(2)], sellerCounts: {} });
    const list = await start(4);
    await enter(cardsOf(list));
    expect(box(2)!.disabled).toBe(true);
    await trustedClick(box(1));
    await trustedClick(buttonNamed('Select all visible'));
    expect(hooks('batch-toolbar')[0]?.dataset.count).toBe('3');
    const again = hooks('card-flag-again').find((b) => b.dataset.itemId === itemId(2))!;
    expect(again.title).toContain('case-2');
    await trustedClick(again);
    expect(box(2)!.checked).toBe(true);
    expect(hooks('batch-toolbar')[0]?.dataset.count).toBe('4');
    await trustedClick(hooks('flag-selected')[0]);
    await formReady();
    await change(hooks('flag-ip-right')[0] as HTMLSelectElement, 'tm-cn-001');
    await trustedClick(hooks('flag-submit')[0]);
    expect(sent.find((m) => m.type === 'flag')!.payload.flagAgain).toEqual([itemId(2)]);
  });

  it('shows the progress of the flagged selection\'s evidence, and Stop keeps what is stored and says what is not', async () => {
    const list = await start(6);
    await enter(cardsOf(list));
    for (const n of [1, 2, 3]) await trustedClick(box(n));
    await trustedClick(hooks('flag-selected')[0]);
    await formReady();
    await change(hooks('flag-ip-right')[0] as HTMLSelectElement, 'tm-cn-001');
    await trustedClick(hooks('flag-submit')[0]);
    const panel = () => hooks('batch-progress')[0]!;
    await vi.waitFor(() => expect(panel().dataset.total).toBe('3'));
    progressAnswer = { done: 1, total: 3, state: 'capturing', missing: 0 };
    await vi.waitFor(() => expect(panel().dataset.done).toBe('1'));
    expect(panel().textContent).toContain('Evidence stored for 1 of 3 listings');
    await trustedClick(hooks('stop-capture')[0]);
    expect(sent.filter((m) => m.type === 'stopCapture').map((m) => m.payload)).toEqual([{ jobId: 'job-1' }]);
    progressAnswer = { done: 3, total: 3, state: 'sealed', missing: 2 };
    await vi.waitFor(() => expect(panel().dataset.done).toBe('3'));
    expect(panel().textContent).toContain('Stopped: what was captured is stored');
    expect(panel().textContent).toContain('2 without a screenshot of their own');
    expect(hooks('stop-capture')[0]!.hidden).toBe(true);
    await trustedClick(hooks('close-progress')[0]);
    expect(hooks('batch-progress')).toHaveLength(0);
  });

  it('keeps the selection in the worker: earlier result pages\' listings count and are flagged with this page\'s', async () => {
    const fromPage1 = (n: number) => ({ ...listing, itemId: itemId(n), url: `https://item.taobao.com/item.htm?id=${itemId(n)}`, title: `第一页 ${n}` });
    earlier = [fromPage1(901), fromPage1(902)];
    const list = await start(4);
    await enter(cardsOf(list));
    await vi.waitFor(() => expect(hooks('batch-toolbar')[0]?.dataset.count).toBe('2'));
    await trustedClick(box(3));
    expect(hooks('batch-toolbar')[0]?.dataset.count).toBe('3');
    await vi.waitFor(() => expect(sent.filter((m) => m.type === 'selectionSet').at(-1)?.payload.listings.map((l: any) => l.itemId)).toEqual([901, 902, 3].map(itemId)));
    await trustedClick(hooks('flag-selected')[0]);
    await formReady();
    await change(hooks('flag-ip-right')[0] as HTMLSelectElement, 'tm-cn-001');
    await trustedClick(hooks('flag-submit')[0]);
    expect(sent.find((m) => m.type === 'flag')!.payload.listings.map((l: any) => [l.itemId, l.title])).toEqual([[itemId(901), '第一页 901'], [itemId(902), '第一页 902'], [itemId(3), '帆布双肩包 3']]);
    // Flagged: the worker's copy is emptied.
    await vi.waitFor(() => expect(sent.filter((m) => m.type === 'selectionSet').at(-1)?.payload.listings).toEqual([]));
  });

  it('a "flag again" chosen on an earlier result page is still one when flagged from this page', async () => {
    earlier = [{ ...listing, itemId: itemId(901), url: `https://item.taobao.com/item.htm?id=${itemId(901)}` }];
    earlierAgain = [itemId(901)];
    const list = await start(2);
    await enter(cardsOf(list));
    await vi.waitFor(() => expect(hooks('batch-toolbar')[0]?.dataset.count).toBe('1'));
    await trustedClick(hooks('flag-selected')[0]);
    await formReady();
    await change(hooks('flag-ip-right')[0] as HTMLSelectElement, 'tm-cn-001');
    await trustedClick(hooks('flag-submit')[0]);
    expect(sent.find((m) => m.type === 'flag')!.payload.flagAgain).toEqual([itemId(901)]);
  });

  it('says so when every flagged listing had already been reported from this device', async () => {
    flagOverride = (p) => ({ ok: true, jobId: null, clientRequestIds: [], annotations: [], skipped: (p.listings as any[]).map((l) => annotation(Number(l.itemId) - 800000000000)) });
    const list = await start(3);
    await enter(cardsOf(list));
    for (const n of [1, 2]) await trustedClick(box(n));
    await trustedClick(hooks('flag-selected')[0]);
    await formReady();
    await change(hooks('flag-ip-right')[0] as HTMLSelectElement, 'tm-cn-001');
    await trustedClick(hooks('flag-submit')[0]);
    const panel = hooks('batch-progress')[0]!;
    expect(panel.textContent).toContain('2 already reported from this device');
    expect(panel.textContent).not.toContain('All 0');
    expect(hooks('listing-status').map((s) => s.dataset.state)).toEqual(['in_review', 'in_review']);
  });

  it('removes everything when the run is aborted (navigation)', async () => {
    const list = await start(4);
    await enter(cardsOf(list));
    await trustedClick(box(1));
    stop.abort();
    await settle();
    expect(shadow()!.querySelectorAll('.cards, [data-testid]')).toHaveLength(0);
    await grow(() => list.append(cardElement(9)));
    expect(findRoots).toHaveLength(1);
  });
});

/** The form's module is loaded on demand: a loaded machine may take a moment. */
const formReady = () => vi.waitFor(() => expect(hooks('flag-ip-right')).toHaveLength(1));

async function shiftClick(el: Element | null) {
  if (!el) throw new Error('no element to click');
  el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, shiftKey: true })));
  await settle();
}

function buttonNamed(text: string): HTMLButtonElement {
  const b = [...(shadow()?.querySelectorAll('button') ?? [])].find((x) => x.textContent === text);
  if (!b) throw new Error(`no button "${text}"`);
  return b;
}
