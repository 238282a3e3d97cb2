import { describe, expect, it, vi } from 'vitest';
import type { Sender } from '../shared/browser.ts';
import { createRouter, type Handlers } from './router.ts';
import { NS } from '../shared/messages.ts';

const ID = 'ourextensionid';
const ORIGIN = `chrome-extension://${ID}/`;
const contentSender: Sender = { id: ID, url: 'https://item.taobao.com/item.htm?id=1', tab: { id: 7, windowId: 1, url: 'https://item.taobao.com/item.htm?id=1' }, frameId: 0 };
const pageSender: Sender = { id: ID, url: `${ORIGIN}src/popup/index.html` };

function setup() {
  const handlers = {
    flag: vi.fn(async () => ({ ok: true as const, clientRequestIds: [], annotations: [] })),
    lookup: vi.fn(async () => ({ annotations: [], sellerCounts: {} })),
    pageStrings: vi.fn(async () => ({ strings: {} })),
    flagContext: vi.fn(async () => ({ configured: false, ipRights: [], defaultIpRightId: null, defaultReason: 'counterfeit' as const })),
    sendNow: vi.fn(async () => ({ ok: true as const })),
    refreshCases: vi.fn(async () => ({ ok: true as const })),
    settingsChanged: vi.fn(async () => ({ ok: true as const })),
    resendRequest: vi.fn(async () => ({ ok: true as const })),
    discardRequest: vi.fn(async () => ({ ok: true as const })),
    withdrawCase: vi.fn(async () => ({ ok: true as const })),
    respondToCase: vi.fn(async () => ({ ok: true as const })),
    captureProgress: vi.fn(async () => ({ done: 0, total: 0, state: 'unknown' as const, missing: 0 })),
    stopCapture: vi.fn(async () => ({ ok: true })),
    stopCaptures: vi.fn(async () => ({ stopped: 0 })),
    recaptureRequest: vi.fn(async () => ({ ok: true as const })),
    shortcuts: vi.fn(async () => ({ commands: [], browser: 'chromium' as const })),
    openShortcutSettings: vi.fn(async () => ({ opened: true })),
    selectionGet: vi.fn(async () => ({ listings: [] })),
    selectionSet: vi.fn(async () => ({ ok: true as const, count: 0 })),
    retryStamp: vi.fn(async () => ({ ok: true as const })),
  } satisfies Handlers;
  return { handlers, route: createRouter(handlers, ID, ORIGIN) };
}

const msg = (type: string, payload: unknown) => ({ ns: NS, type, payload });

describe('worker message router', () => {
  it('ignores foreign messages synchronously, without answering', () => {
    const { route } = setup();
    expect(route({ hello: 'world' }, contentSender)).toBeUndefined();
    expect(route('flag', contentSender)).toBeUndefined();
    expect(route({ ns: 'other/1', type: 'flag', payload: {} }, contentSender)).toBeUndefined();
    expect(route(msg('toString', {}), contentSender)).toBeUndefined();
  });

  it('passes a valid message from an allowed sender to its handler', async () => {
    const { route, handlers } = setup();
    await expect(route(msg('lookup', { items: [{ marketplace: 'taobao', itemId: '1' }] }), contentSender)).resolves.toEqual({ annotations: [], sellerCounts: {} });
    expect(handlers.lookup).toHaveBeenCalledOnce();
  });

  it('refuses privileged messages from content scripts', async () => {
    const { route, handlers } = setup();
    await expect(route(msg('sendNow', {}), contentSender)).rejects.toThrow(/not accepted/);
    await expect(route(msg('settingsChanged', {}), contentSender)).rejects.toThrow(/not accepted/);
    await expect(route(msg('discardRequest', { clientRequestId: crypto.randomUUID() }), contentSender)).rejects.toThrow(/not accepted/);
    expect(handlers.sendNow).not.toHaveBeenCalled();
  });

  it('refuses flags from extension pages (they have no marketplace tab)', async () => {
    const { route, handlers } = setup();
    await expect(route(msg('flag', { listings: [{}], reason: 'counterfeit', ipRightId: 'x', note: '' }), pageSender)).rejects.toThrow(/not accepted/);
    expect(handlers.flag).not.toHaveBeenCalled();
  });

  it('refuses other extensions, subframes and senders without a tab', async () => {
    const { route } = setup();
    await expect(route(msg('lookup', { items: [] }), { ...contentSender, id: 'someone-else' })).rejects.toThrow();
    await expect(route(msg('lookup', { items: [] }), { ...contentSender, frameId: 3 })).rejects.toThrow();
    await expect(route(msg('lookup', { items: [] }), { id: ID, url: 'https://evil.example/' })).rejects.toThrow();
  });

  it('refuses malformed and oversized payloads before any handler runs', async () => {
    const { route, handlers } = setup();
    await expect(route(msg('flag', { listings: [], reason: 'counterfeit', ipRightId: 'x', note: '' }), contentSender)).rejects.toThrow(/malformed/);
    await expect(route(msg('flag', { listings: [{}], reason: 'because', ipRightId: 'x', note: '' }), contentSender)).rejects.toThrow(/malformed/);
    await expect(route(msg('flag', { listings: [{}], reason: 'counterfeit', ipRightId: 'x', note: 'n'.repeat(2001) }), contentSender)).rejects.toThrow(/malformed/);
    await expect(route(msg('lookup', { items: Array.from({ length: 2001 }, () => ({ marketplace: 'taobao', itemId: '1' })) }), contentSender)).rejects.toThrow(/malformed/);
    expect(handlers.flag).not.toHaveBeenCalled();
    expect(handlers.lookup).not.toHaveBeenCalled();
  });
});
