/**
 * The extension APIs, one way, for Chrome, Edge and Firefox from one source tree.
 *
 * Firefox's `browser` and Chrome's MV3 `chrome` both return promises and have Chrome's
 * shapes for everything we call, so all code uses `ext`, typed as `chrome` (no polyfill in
 * the content script that runs on every marketplace page). What differs between the
 * browsers is wrapped here and nowhere else: message answers, MHTML, screenshots,
 * commands and the host-permission prompt.
 */

type Namespace = typeof chrome;

function native(): Namespace | undefined {
  const g = globalThis as { browser?: Namespace; chrome?: Namespace };
  // Firefox has both; its `browser` is the promise-native one.
  return g.browser?.runtime ? g.browser : g.chrome;
}

/**
 * Looked up on every access rather than captured at import: unit tests give each test a
 * fresh fake browser, and a page without extension APIs (a plain test page) gets undefined
 * members instead of an import-time crash.
 */
export const ext: Namespace = new Proxy({} as Namespace, {
  get: (_target, key) => (native() as Record<PropertyKey, unknown> | undefined)?.[key],
});

/** The browser the extension runs in, told by its own URL scheme. */
export function browserKind(): 'firefox' | 'chromium' {
  return ext.runtime?.getURL?.('').startsWith('moz-extension:') ? 'firefox' : 'chromium';
}

// Chrome's onMessage cannot carry a rejection (only Firefox honours a rejected promise), so
// a failure travels as this marked object and is turned back into an Error by the sender.
const FAILURE = '__tdfFailure';

/** An answer back into a value, or the error the other side threw. */
export function unwrapAnswer(answer: unknown): unknown {
  if (answer && typeof answer === 'object' && FAILURE in answer) throw new Error(String((answer as Record<string, unknown>)[FAILURE]));
  return answer;
}

/** What both browsers tell a listener about a message's sender, as far as we read it. */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; windowId?: number; url?: string; title?: string };
}

export type MessageHandler = (message: unknown, sender: Sender) => Promise<unknown> | undefined;

/**
 * Adds an onMessage listener that answers with a promise in every browser: `undefined`
 * from the handler means "not ours", so other listeners still get to answer.
 * Returns the way to remove it.
 */
export function onMessage(handle: MessageHandler): () => void {
  const listener = (message: unknown, sender: Sender, sendResponse: (answer: unknown) => void): boolean => {
    const pending = handle(message, sender);
    if (!pending) return false;
    pending.then(sendResponse, (err: unknown) => sendResponse({ [FAILURE]: err instanceof Error ? err.message : String(err) }));
    return true;
  };
  ext.runtime.onMessage.addListener(listener);
  return () => ext.runtime.onMessage.removeListener(listener);
}

/** A message to our worker (or extension pages); its answer, or the error it threw. */
export async function sendToRuntime(message: unknown): Promise<unknown> {
  return unwrapAnswer(await ext.runtime.sendMessage(message));
}

/** A message to our content script in a tab's top frame; its answer, or the error it threw. */
export async function sendToTab(tabId: number, message: unknown): Promise<unknown> {
  return unwrapAnswer(await ext.tabs.sendMessage(tabId, message, { frameId: 0 }));
}

/** Whether this browser can save a tab as MHTML (Chromium's pageCapture; Firefox has none). */
export function canSaveMhtml(): boolean {
  return typeof ext.pageCapture?.saveAsMHTML === 'function';
}

/** The tab as an MHTML archive; callers check canSaveMhtml() first. */
export async function saveAsMhtml(tabId: number): Promise<Blob | undefined> {
  return ext.pageCapture.saveAsMHTML({ tabId });
}

/** The visible part of a window's active tab as a PNG data URL (needs <all_urls> or an activeTab grant). */
export async function captureVisibleTab(windowId: number): Promise<string> {
  return ext.tabs.captureVisibleTab(windowId, { format: 'png' });
}

/** The keyboard shortcuts as the user set them (empty where the browser cannot tell). */
export async function commandShortcuts(): Promise<chrome.commands.Command[]> {
  return (await ext.commands?.getAll?.()) ?? [];
}

/**
 * Opens where the user changes the keyboard shortcuts: Chrome's shortcuts page (an extension
 * may open chrome://extensions/shortcuts with tabs.create), or Firefox's dialog (its
 * about:addons page cannot be opened by an extension). False where neither is possible:
 * the UI then says where to go.
 */
export async function openShortcutSettings(): Promise<boolean> {
  if (browserKind() === 'firefox') {
    const open = (ext.commands as { openShortcutSettings?: () => Promise<void> } | undefined)?.openShortcutSettings;
    if (!open) return false;
    await open();
    return true;
  }
  await ext.tabs.create({ url: 'chrome://extensions/shortcuts' });
  return true;
}

export const ALL_URLS: chrome.permissions.Permissions = { origins: ['<all_urls>'] };

/**
 * The marketplace origins of the manifest's host_permissions that the browser does not grant
 * now. Firefox MV3 lets the user withdraw them (about:addons, or the toolbar's site menu);
 * our content script then no longer runs on that site. Chrome grants them at install.
 */
export async function withdrawnSiteOrigins(): Promise<string[]> {
  const origins = (ext.runtime.getManifest?.() as { host_permissions?: string[] } | undefined)?.host_permissions ?? [];
  const missing: string[] = [];
  for (const origin of origins.filter((o) => o !== '<all_urls>')) {
    if (!(await ext.permissions.contains({ origins: [origin] }).catch(() => true))) missing.push(origin);
  }
  return missing;
}

/** Asks for these origins again; call it inside the user's click (no await before it). */
export function requestSiteOrigins(origins: string[]): Promise<boolean> {
  return ext.permissions.request({ origins }).catch(() => false);
}
