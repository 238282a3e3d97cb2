import type { SiteAdapter } from '../sites/adapter.ts';
import { ext, onMessage } from '../shared/browser.ts';
import { TAB_NS } from '../shared/wire.ts';
import type { CaptureListener } from './capture-responder.ts';
import { trackContextTarget } from './link-target.ts';

/**
 * Registers, at once, the listener for the worker's capture messages (and its orders: the
 * keyboard commands and the link menu), and loads the
 * responder (and the schemas it checks messages with) only when the first one arrives: most
 * pages are never captured. Only our own worker is heard: same extension, not from a tab.
 */
export function listenForCapture(adapter: SiteAdapter, win: Window, signal?: AbortSignal): void {
  // The link menu acts on the link that was right-clicked: remembered here, on every page.
  trackContextTarget(win, signal);
  let responder: Promise<{ listener: CaptureListener; restore: () => void }> | null = null;
  const stop = onMessage((message, sender) => {
    if (sender.id !== ext.runtime.id || sender.tab) return undefined;
    if (typeof message !== 'object' || message === null || (message as { ns?: unknown }).ns !== TAB_NS) return undefined;
    responder ??= import('./capture-responder.ts').then((m) => m.captureResponder(adapter, win));
    return responder.then(({ listener }) => listener(message, sender));
  });
  signal?.addEventListener('abort', () => (stop(), void responder?.then((r) => r.restore())), { once: true });
}
