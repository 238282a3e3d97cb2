/**
 * Change notifications between the worker and the extension pages: a write in one context
 * tells the others to re-read. BroadcastChannel reaches every same-origin context that is
 * awake, and costs nothing when none is.
 */
export type Change = 'requests' | 'settings' | 'queue' | 'stamps';

const CHANNEL = 'tdf-changes';

export function announce(change: Change): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const ch = new BroadcastChannel(CHANNEL);
  ch.postMessage(change);
  ch.close();
}

export function onChange(listener: (change: Change) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const ch = new BroadcastChannel(CHANNEL);
  ch.onmessage = (e: MessageEvent) => {
    if (e.data === 'requests' || e.data === 'settings' || e.data === 'queue' || e.data === 'stamps') listener(e.data);
  };
  return () => ch.close();
}
