// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TAB_NS } from '../shared/messages.ts';
import { unwrapAnswer } from '../shared/browser.ts';
import type { SiteAdapter } from '../sites/adapter.ts';
import { CAPTURING_ATTR, HOST_TAG, mount } from './mount.ts';
import { onFlagFormRequest, startCaptureResponder } from './capture-responder.ts';
import { provideOrders } from './page-orders.ts';
import type { FakeChrome } from '../../test/setup/fake-chrome.ts';

const WORKER = { id: 'fakeextensionid', url: 'chrome-extension://fakeextensionid/service-worker-loader.js' };

/** A window with a scrollable 3000 px page around happy-dom's document. */
function fakeWindow() {
  const win = {
    document,
    location: { href: 'https://s.taobao.com/search?q=bag' },
    scrollX: 0,
    scrollY: 250,
    innerWidth: 1280,
    innerHeight: 900,
    devicePixelRatio: 2,
    scrolls: [] as number[],
    scrollTo(o: { top: number }) {
      win.scrollY = Math.min(o.top, 2100);
      win.scrolls.push(win.scrollY);
    },
    requestAnimationFrame: (cb: () => void) => setTimeout(cb, 1),
    /** Whether our shadow sheet's hiding rule takes effect (happy-dom has no shadow cascade). */
    sheetWorks: true,
    getComputedStyle: (el: Element) => ({ display: win.sheetWorks && el.hasAttribute(CAPTURING_ATTR) ? 'none' : 'block' }),
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
  };
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, value: 3000 });
  return win;
}

function card(itemId: string, top: number): Element {
  const el = document.createElement('div');
  el.className = 'card';
  el.dataset.id = itemId;
  el.textContent = `listing ${itemId}`;
  // Its place in the page; the viewport rectangle follows the window's scroll.
  el.getBoundingClientRect = () => ({ left: 10, top: top - win.scrollY, width: 200, height: 300 }) as DOMRect;
  document.body.append(el);
  return el;
}

const adapter = {
  extractCards: (root: ParentNode) => [...root.querySelectorAll<HTMLElement>('.card')].map((element) => ({ element, listing: { itemId: element.dataset.id! } })),
} as unknown as SiteAdapter;

/** What our listener answers (undefined: it ignored the message, so another listener may answer). */
function deliver(message: unknown, sender: object = WORKER): Promise<any> | undefined {
  let answered!: (answer: unknown) => void;
  const answer = new Promise((resolve) => (answered = resolve));
  const kept = (chrome as unknown as FakeChrome).runtime.onMessage.fire(message, sender, answered) as unknown[];
  return kept.includes(true) ? answer.then(unwrapAnswer) : undefined;
}
const ask = (type: string, payload: unknown) => ({ ns: TAB_NS, type, payload });

let win: ReturnType<typeof fakeWindow>;
let stop: AbortController;
beforeEach(() => {
  document.body.replaceChildren();
  for (const el of document.querySelectorAll(HOST_TAG)) el.remove();
  win = fakeWindow();
  stop = new AbortController();
  startCaptureResponder(adapter, win as unknown as Window, stop.signal);
});
afterEach(() => stop.abort());

describe('the capture responder', () => {
  it('hides our UI, scrolls and measures flagged cards for the worker, then puts scroll and UI back', async () => {
    const { host } = mount(document);
    card('111', 400);
    card('222', 1900);
    const begin = await deliver(ask('captureBegin', { itemIds: ['111', '222', '999'] }));
    expect(host.hasAttribute(CAPTURING_ATTR)).toBe(true);
    expect(host.isConnected).toBe(true);
    expect(begin).toMatchObject({ scrollY: 250, viewportHeight: 900, pageHeight: 3000, devicePixelRatio: 2 });
    expect(begin.cards).toEqual([
      { itemId: '111', rect: { x: 10, y: 150, width: 200, height: 300 } },
      { itemId: '222', rect: { x: 10, y: 1650, width: 200, height: 300 } },
    ]);

    const moved = await deliver(ask('captureScroll', { y: 1800, itemIds: ['222'] }));
    expect(moved).toMatchObject({ scrollY: 1800, cards: [{ itemId: '222', rect: { y: 100 } }] });

    await deliver(ask('captureEnd', { scrollX: 0, scrollY: 250 }));
    expect(win.scrollY).toBe(250);
    expect(host.hasAttribute(CAPTURING_ATTR)).toBe(false);
  });

  it('takes our UI out of the page when hiding it in place does not take, and puts it back where it was', async () => {
    win.sheetWorks = false; // e.g. a page script replaced our stylesheet
    const { host } = mount(document);
    const after = document.createElement('div');
    document.documentElement.append(after);
    document.documentElement.insertBefore(host, after);
    await deliver(ask('captureBegin', { itemIds: [] }));
    expect(host.isConnected).toBe(false);
    await deliver(ask('captureScroll', { y: 900, itemIds: [] }));
    expect(host.isConnected).toBe(false);
    await deliver(ask('captureEnd', { scrollX: 0, scrollY: 250 }));
    expect(host.isConnected).toBe(true);
    expect(host.nextSibling).toBe(after);
    expect(host.hasAttribute(CAPTURING_ATTR)).toBe(false);
  });

  it('ignores messages from web pages, other extensions, other content scripts, and malformed ones', async () => {
    const { host } = mount(document);
    const begin = ask('captureBegin', { itemIds: [] });
    expect(deliver(begin, { id: 'otherextension' })).toBeUndefined();
    expect(deliver(begin, { ...WORKER, tab: { id: 7 } })).toBeUndefined();
    expect(deliver({ ...begin, ns: 'tdf/1' })).toBeUndefined();
    expect(deliver(ask('captureScroll', { y: 'top', itemIds: [] }))).toBeUndefined();
    expect(deliver(ask('captureScroll', { y: 1e12, itemIds: [] }))).toBeUndefined();
    expect(deliver(ask('runScript', { code: 'alert(1)' }))).toBeUndefined();
    expect(deliver(ask('__proto__', {}))).toBeUndefined();
    // Nothing above reached the page: our UI untouched.
    expect(host.hasAttribute(CAPTURING_ATTR)).toBe(false);
    // A real request after them is answered, and its scroll is the only one the page saw.
    expect(await deliver(ask('captureScroll', { y: 600, itemIds: [] }))).toMatchObject({ scrollY: 600 });
    expect(win.scrolls).toEqual([600]);
  });

  it('serializes the page without our UI, capped', async () => {
    mount(document);
    card('111', 400);
    const whole = await deliver(ask('pageHtml', { maxChars: 10_000_000 }));
    expect(whole.truncated).toBe(false);
    expect(whole.html).toContain('listing 111');
    expect(whole.html).not.toContain(HOST_TAG);
    const cut = await deliver(ask('pageHtml', { maxChars: 50 }));
    expect(cut).toMatchObject({ truncated: true });
    expect(cut.html).toHaveLength(50);
  });

  it('opens the flag form for the keyboard command when the page has one', async () => {
    expect(await deliver(ask('openFlagForm', {}))).toEqual({ opened: false });
    let opened = 0;
    const off = onFlagFormRequest(() => opened++);
    expect(await deliver(ask('openFlagForm', {}))).toEqual({ opened: true });
    off();
    expect(opened).toBe(1);
  });

  it('takes link-menu and command orders only from our worker, and only well-formed', async () => {
    let selected = 0;
    const off = provideOrders({ cardAround: (el) => ({ element: el, listing: { itemId: '111' } as never }), select: () => (selected++, { outcome: 'added', count: selected }) });
    try {
      const link = document.createElement('a');
      link.href = 'https://item.taobao.com/item.htm?id=111';
      document.body.append(link);
      const order = ask('linkMenu', { action: 'select', linkUrl: link.href, link: { marketplace: 'taobao', itemId: '111', url: link.href }, existing: null });
      expect(deliver(order, { ...WORKER, tab: { id: 7 } })).toBeUndefined(); // another content script
      expect(deliver(order, { id: 'otherextension' })).toBeUndefined();
      expect(deliver(ask('linkMenu', { action: 'delete', linkUrl: link.href, link: null, existing: null }))).toBeUndefined();
      expect(selected).toBe(0);
      expect(await deliver(order)).toEqual({ done: true });
      expect(selected).toBe(1);
    } finally {
      off();
    }
  });

  it('stops answering once its run is aborted', () => {
    stop.abort();
    expect(deliver(ask('captureBegin', { itemIds: [] }))).toBeUndefined();
  });
});
