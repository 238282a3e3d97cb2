// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'preact/test-utils';
import type { TabRequestOf } from '../shared/messages.ts';
import { fakeAdapter } from './search.test-kit.ts';
import { fakeWorker, flagContext, listing, settle } from './helpers.test-kit.ts';
import { orderAnswers, readCardAround } from './order-answers.ts';
import { provideOrders } from './page-orders.ts';
import { mount } from './mount.ts';
import { forgetContextTarget } from './link-target.ts';

const url = new URL('https://s.taobao.com/search?q=bag');
const shadow = () => mount(document).shadow;
const q = (id: string) => shadow().querySelector<HTMLElement>(`[data-testid="${id}"]`);
const notice = () => q('page-notice')?.textContent ?? null;

function page() {
  // Parsed and imported, never assigned as markup (as nowhere in src/).
  const html = `
    <div class="card" data-id="800000000001" data-seller="s1"><a id="own" href="https://item.taobao.com/item.htm?id=800000000001"><span class="title">帆布双肩包</span></a>
      <a id="similar" href="https://item.taobao.com/item.htm?id=800000000099">相似</a></div>
    <p><a id="lonely" href="https://item.taobao.com/item.htm?id=555555555555"> 双肩包  新款 </a></p>`;
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
}

const linkOrder = (action: 'flag' | 'select', itemId: string, over: Partial<TabRequestOf<'linkMenu'>> = {}): TabRequestOf<'linkMenu'> => ({
  action,
  linkUrl: `https://item.taobao.com/item.htm?id=${itemId}`,
  link: { marketplace: 'taobao', itemId, url: `https://item.taobao.com/item.htm?id=${itemId}` },
  existing: null,
  ...over,
});

afterEach(async () => {
  forgetContextTarget();
  await act(() => void mount(document).layer.replaceChildren());
  document.body.replaceChildren();
});

describe('the link menu and the keyboard commands, in the page', () => {
  it('reads the card around a link with the site reader; a link to another listing inside it is not that card', () => {
    page();
    const own = readCardAround(fakeAdapter, document, url, document.getElementById('own')!);
    expect(own?.listing).toMatchObject({ itemId: '800000000001', title: '帆布双肩包', seller: { name: '店铺 s1' } });
    expect(readCardAround(fakeAdapter, document, url, document.getElementById('lonely')!)).toBeNull();
  });

  it('flags a link outside any card from its URL: the form asks for what the URL cannot say', async () => {
    page();
    fakeWorker({ flagContext: () => flagContext(), shortcuts: () => ({ commands: [], browser: 'chromium' }) });
    const answers = orderAnswers(fakeAdapter, window);
    expect(await answers.linkMenu(linkOrder('flag', '555555555555', { linkUrl: 'https://item.taobao.com/item.htm?id=555555555555' }))).toEqual({ done: true });
    await settle();
    expect(q('link-flag')!.dataset.from).toBe('url');
    expect((q('link-title') as HTMLInputElement).value).toBe('双肩包 新款');
    expect((q('link-seller') as HTMLInputElement).value).toBe('');
    // Esc in its own fields closes it, filing nothing.
    await act(() => void q('link-seller')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(q('link-flag')).toBeNull();

    // A similar item's link inside a card: what its URL names, not the card's listing.
    expect(await answers.linkMenu(linkOrder('flag', '800000000099'))).toEqual({ done: true });
    await settle();
    expect(q('link-flag')!.dataset.itemId).toBe('800000000099');
    expect(q('link-flag')!.dataset.from).toBe('url');
  });

  it('flags the card a link belongs to, showing the case it already has', async () => {
    page();
    fakeWorker({ flagContext: () => flagContext(), shortcuts: () => ({ commands: [], browser: 'chromium' }) });
    const existing = { marketplace: 'taobao', itemId: '800000000001', clientRequestId: 'c1', state: 'in_review', slaDueAt: null, caseId: 'TD-2026-000001' };
    await orderAnswers(fakeAdapter, window).linkMenu(linkOrder('flag', '800000000001', { existing }));
    await settle();
    expect(q('link-flag')!.dataset.from).toBe('card');
    expect(q('already-reported')!.textContent).toContain('case TD-2026-000001, In review');
    expect(q('flag-submit')!.textContent).toBe('Flag again');
  });

  it('says what it could not do: no listing in the link, no selection on this page, no focused card, nothing selected', async () => {
    page();
    const answers = orderAnswers(fakeAdapter, window);
    expect(await answers.linkMenu(linkOrder('flag', 'x', { link: null, linkUrl: 'https://s.taobao.com/search?q=x' }))).toEqual({ done: false });
    expect(notice()).toContain('does not lead to a listing');
    expect(await answers.linkMenu(linkOrder('select', '800000000001'))).toEqual({ done: false });
    expect(notice()).toContain('works on search and shop pages');
    expect(answers.openFlagForm()).toEqual({ opened: false });

    const stop = provideOrders({ toggleFocused: () => null, flagSelection: () => false, select: () => ({ outcome: 'has_request', count: 0 }), cardAround: () => null });
    try {
      expect(answers.toggleFocusedCard()).toEqual({ done: false });
      expect(notice()).toContain('No card is focused');
      expect(answers.openSelectionForm()).toEqual({ done: false });
      expect(notice()).toContain('Nothing is selected yet');
      expect(await answers.linkMenu(linkOrder('select', '555555555555'))).toEqual({ done: false });
      expect(notice()).toContain('not one of the listings on this page');
    } finally {
      stop();
    }
  });

  it('adds a linked card to the selection, but not one that already has a request', async () => {
    page();
    const card = { element: document.querySelector('.card')!, listing: { ...listing, itemId: '800000000001' } };
    let outcome: 'added' | 'has_request' = 'added';
    const stop = provideOrders({
      cardAround: () => card,
      select: () => ({ outcome, count: 4 }),
      annotationOf: () => ({ marketplace: 'taobao', itemId: '800000000001', clientRequestId: 'c1', state: 'received', slaDueAt: null, caseId: 'TD-9' }),
    });
    try {
      const answers = orderAnswers(fakeAdapter, window);
      expect(await answers.linkMenu(linkOrder('select', '800000000001'))).toEqual({ done: true });
      expect(notice()).toBe('Added to the selection (4 selected).');
      outcome = 'has_request';
      expect(await answers.linkMenu(linkOrder('select', '800000000001'))).toEqual({ done: false });
      expect(notice()).toContain('already has a request (case TD-9, Received)');
    } finally {
      stop();
    }
  });
});
