import { TAB_NS, TabMessages, type TabMessageName, type ViewRect } from '../../shared/messages.ts';
import { fakePngDataUrl } from './fake-png.test-kit.ts';

export interface FakePageOptions {
  pageHeight: number;
  viewportHeight?: number;
  viewportWidth?: number;
  devicePixelRatio?: number;
  scrollY?: number;
  /** Card boxes in the page (document coordinates). */
  cards?: Record<string, ViewRect>;
  /** Answers pageHtml with this (else: no content script answer for it). */
  html?: string;
  /** Makes this message fail, like a page that navigated away mid-capture. */
  failOn?: TabMessageName;
}

/**
 * Test helper: a scrollable page behind our content script, for the worker's capture. It
 * answers the tab messages the way capture-responder does, and captureVisibleTab returns a
 * PNG of the viewport's size whose bytes name the scroll position.
 */
export function fakePage(opts: FakePageOptions) {
  const vh = opts.viewportHeight ?? 900;
  const vw = opts.viewportWidth ?? 1280;
  const dpr = opts.devicePixelRatio ?? 1;
  const page = { scrollY: opts.scrollY ?? 0, uiHidden: false, log: [] as string[], captures: [] as number[] };
  const maxScroll = Math.max(0, opts.pageHeight - vh);
  const state = (itemIds: string[]) => ({
    scrollX: 0,
    scrollY: page.scrollY,
    viewportWidth: vw,
    viewportHeight: vh,
    pageHeight: opts.pageHeight,
    devicePixelRatio: dpr,
    cards: itemIds.flatMap((itemId) => {
      const box = opts.cards?.[itemId];
      return box ? [{ itemId, rect: { ...box, y: box.y - page.scrollY } }] : [];
    }),
  });
  chrome.tabs.sendMessage = (async (_tabId: number, message: { ns: string; type: TabMessageName; payload: any }, options?: { frameId?: number }) => {
    if (message.ns !== TAB_NS || options?.frameId !== 0) throw new Error('not for us');
    TabMessages[message.type].request.parse(message.payload);
    page.log.push(message.type);
    if (opts.failOn === message.type) throw new Error('The page went away.');
    switch (message.type) {
      case 'captureBegin':
        page.uiHidden = true;
        return state(message.payload.itemIds);
      case 'captureScroll':
        page.scrollY = Math.min(message.payload.y, maxScroll);
        return state(message.payload.itemIds);
      case 'captureEnd':
        page.scrollY = message.payload.scrollY;
        page.uiHidden = false;
        return { ok: true };
      case 'pageHtml':
        if (opts.html === undefined) throw new Error('Receiving end does not exist.');
        return { html: opts.html, truncated: false };
      default:
        return { opened: false };
    }
  }) as never;
  chrome.tabs.captureVisibleTab = (async () => {
    if (!page.uiHidden) throw new Error('the test page expects our UI hidden during captures');
    page.captures.push(page.scrollY);
    return fakePngDataUrl(vw * dpr, vh * dpr, page.scrollY);
  }) as never;
  return page;
}
