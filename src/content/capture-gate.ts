import type { SiteAdapter } from '../sites/adapter.ts';
import { TAB_NS } from '../shared/wire.ts';
import type { CaptureListener } from './capture-responder.ts';

/**
 * Registers, at once, the listener for the worker's capture messages, and loads the
 * responder (and the schemas it checks messages with) only when the first one arrives: most
 * pages are never captured. Only our own worker is heard: same extension, not from a tab.
 */
export function listenForCapture(adapter: SiteAdapter, win: Window, signal?: AbortSignal): void {
  let responder: Promise<{ listener: CaptureListener; restore: () => void }> | null = null;
  const listener = (message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (answer?: unknown) => void): boolean => {
    if (sender.id !== chrome.runtime.id || sender.tab) return false;
    if (typeof message !== 'object' || message === null || (message as { ns?: unknown }).ns !== TAB_NS) return false;
    responder ??= import('./capture-responder.ts').then((m) => m.captureResponder(adapter, win));
    responder
      .then(({ listener: answer }) => answer(message, sender as never))
      .then(
        (answer) => sendResponse(answer),
        (err: unknown) => sendResponse({ error: String(err) }),
      );
    return true; // answers asynchronously
  };
  chrome.runtime.onMessage.addListener(listener);
  signal?.addEventListener(
    'abort',
    () => {
      chrome.runtime.onMessage.removeListener(listener);
      void responder?.then((r) => r.restore());
    },
    { once: true },
  );
}
