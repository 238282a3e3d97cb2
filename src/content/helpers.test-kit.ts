import { act } from 'preact/test-utils';
import type { MessageName, RequestOf, ResponseOf } from '../shared/messages.ts';
import { Listing } from '../shared/model.ts';

// Helpers for the content UI tests: a fake worker on the fake chrome.runtime, trusted
// clicks (happy-dom's events are all untrusted, like a page script's), and settling.

type Handlers = { [K in MessageName]?: (payload: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>> };
export interface Sent {
  type: MessageName;
  payload: any;
}

export function fakeWorker(handlers: Handlers): Sent[] {
  const sent: Sent[] = [];
  (globalThis as any).chrome.runtime.onMessage.addListener((msg: Sent) => {
    sent.push(msg);
    const handler = handlers[msg.type] as ((p: unknown) => unknown) | undefined;
    return Promise.resolve(handler ? handler(msg.payload) : undefined);
  });
  return sent;
}

export const flagContext = (over: Partial<ResponseOf<'flagContext'>> = {}): ResponseOf<'flagContext'> => ({
  configured: true,
  ipRights: [
    { id: 'tm-cn-001', kind: 'trademark', title: 'EXAMPLE word mark', registrationNumber: '12345678' },
    { id: 'cr-img-7', kind: 'copyright', title: 'Product photos 2025' },
  ],
  defaultIpRightId: 'cr-img-7',
  defaultReason: 'counterfeit',
  ...over,
});

export const listing = Listing.parse({
  marketplace: 'taobao',
  itemId: '637145790668',
  url: 'https://item.taobao.com/item.htm?id=637145790668',
  title: '【官方正品】Example 经典帆布双肩包 男女同款 大容量',
  price: { amount: '199.00', currency: 'CNY' },
  seller: { name: 'Example官方旗舰店', id: '2136510393' },
});

export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

export async function trustedClick(el: Element | null | undefined) {
  if (!el) throw new Error('no element to click');
  await act(() => void el.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }))));
  await settle();
}

/** Lets pending messages answer and Preact re-render. */
export async function settle(rounds = 5) {
  for (let i = 0; i < rounds; i++) await act(() => new Promise<void>((r) => setTimeout(r, 0)));
}

export async function change(el: HTMLSelectElement | HTMLTextAreaElement, value: string, type: 'change' | 'input' = 'change') {
  el.value = value;
  await act(() => void el.dispatchEvent(new Event(type, { bubbles: true })));
}
