import type { Page } from 'playwright-core';
import type { Browser } from './extension.ts';
import type { TakedownRecord } from '../../../src/shared/model.ts';
import { listOrder } from '../../../src/shared/list-order.ts';

/** Sets the API up the way a user does: the options page, Save, and a green connection test. */
export async function configureApi(browser: Browser, baseUrl: string, token: string): Promise<Page> {
  const page = await browser.options();
  await page.getByTestId('api-base-url').fill(baseUrl);
  await page.getByTestId('api-token').fill(token);
  await page.getByTestId('save-settings').click();
  const status = page.getByTestId('connection-status');
  await waitFor('a working connection', async () => (await status.getAttribute('data-state')) === 'ok' || (await status.getAttribute('data-state')) === 'error', 15_000);
  if ((await status.getAttribute('data-state')) !== 'ok') throw new Error(`The connection test failed: ${await status.textContent()}`);
  return page;
}

/** Polls until `fn` returns a value that is not undefined/null/false, or fails with `what`. */
export async function waitFor<T>(what: string, fn: () => T | Promise<T>, timeoutMs = 30_000, everyMs = 200): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await fn();
    if (last !== undefined && last !== null && last !== false) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
}

/** Flags the listing open in `page` through the real UI, with trusted (CDP) clicks. */
export async function flagOpenListing(page: Page, opts: { ipRightId: string; reason?: string; note?: string }): Promise<void> {
  // A user clicks in the tab on screen; its evidence is captured from it while it is in front.
  await page.bringToFront();
  await page.getByTestId('flag-listing').click();
  await page.getByTestId('flag-reason').selectOption(opts.reason ?? 'counterfeit');
  await page.getByTestId('flag-ip-right').selectOption(opts.ipRightId);
  if (opts.note) await page.getByTestId('flag-note').fill(opts.note);
  await page.getByTestId('flag-submit').click();
  await page.getByTestId('listing-status').waitFor({ timeout: 15_000 });
}

/**
 * Stops the extension's service worker the way Chrome does when it is idle or killed:
 * closing its target over CDP. The next event starts a fresh worker; IndexedDB survives.
 */
export async function stopServiceWorker(browser: Browser): Promise<boolean> {
  const page = browser.context.pages().find((p) => p.url().startsWith(`chrome-extension://${browser.extensionId}/`)) ?? (await browser.open(browser.manifest.action.default_popup));
  const cdp = await browser.context.newCDPSession(page);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    return true;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Every record of one of the extension's IndexedDB stores, read in its worker (started if
 * Chrome had stopped it). Records come back as the worker stored them, structured-cloned.
 */
export async function storeRecords<T>(browser: Browser, store: string): Promise<T[]> {
  return (await browser.liveWorker()).evaluate(async (name) => {
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('takedown-flagger');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    try {
      return await new Promise<unknown[]>((resolve, reject) => {
        const req = database.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
    } finally {
      database.close();
    }
  }, store) as Promise<T[]>;
}

/**
 * Waits until no request is still having its evidence captured. A flag is stored at once and
 * captured after, from its tab while that tab is in front; a test that then opens another tab
 * (the popup) or navigates on waits here first, as a user sees the status leave "capturing".
 */
export async function waitForCaptures(browser: Browser, timeoutMs = 60_000): Promise<void> {
  // What the requests and capture jobs are doing, for the message when the wait times out.
  let last: unknown = null;
  const seen = async () => {
    const all = await storeRecords<{ outbox: { state: string } }>(browser, 'requests');
    if (all.length > 0 && all.every((r) => r.outbox.state !== 'capturing')) return true;
    const jobs = await storeRecords<{ state: string; pending: string[]; attempts: number }>(browser, 'captureJobs');
    const states: Record<string, number> = {};
    for (const r of all) states[r.outbox.state] = (states[r.outbox.state] ?? 0) + 1;
    last = { states, jobs: jobs.filter((j) => j.state !== 'sealed').map((j) => ({ state: j.state, pending: j.pending.length, attempts: j.attempts })) };
    return false;
  };
  await waitFor('every capture finished', () => seen().catch((err: Error) => ((last = `the worker: ${err.message}`), false)), timeoutMs).catch((err: Error) => {
    throw new Error(`${err.message}; last seen: ${JSON.stringify(last)}`);
  });
}

/**
 * The requests the extension holds (item id and outbox state), read from its IndexedDB in
 * the worker. A flag is stored before anything is sent, and the outbox sends only what is
 * stored: once every stored request is `submitted`, nothing more will reach the service,
 * so a test can check "filed exactly once" at that moment instead of after a pause.
 */
export async function storedRequests(browser: Browser): Promise<{ itemId: string; state: string }[]> {
  const all = await storeRecords<{ listing: { itemId: string }; outbox: { state: string } }>(browser, 'requests');
  return all.map((r) => ({ itemId: r.listing.itemId, state: r.outbox.state }));
}

/**
 * Connects the extension to the API without the options page (for tests where that page is
 * not what is tested): asks the sandbox for /v1/me as the options page would, then writes
 * the settings the options page would have saved into the extension's IndexedDB, through
 * the worker, and tells open pages they changed.
 */
export async function seedSettings(browser: Browser, baseUrl: string, token: string): Promise<void> {
  const res = await fetch(`${baseUrl}/v1/me`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET /v1/me answered ${res.status}`);
  const me = (await res.json()) as { member: unknown; ipRights: { id: string }[] };
  const settings = {
    baseUrl,
    token,
    defaultIpRightId: me.ipRights[0]?.id ?? null,
    defaultReason: 'counterfeit',
    me,
    connection: { state: 'ok', message: 'Connected', at: new Date().toISOString() },
  };
  await (await browser.liveWorker()).evaluate(async (value) => {
    // The worker opens its database at every start (it drains the outbox): wait for that
    // rather than creating an empty one here.
    for (let i = 0; !(await indexedDB.databases()).some((d) => d.name === 'takedown-flagger'); i++) {
      if (i > 200) throw new Error('the extension never opened its database');
      await new Promise((r) => setTimeout(r, 25));
    }
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('takedown-flagger');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = database.transaction('kv', 'readwrite');
      const store = tx.objectStore('kv');
      const get = store.get('settings');
      get.onsuccess = () => store.put({ ...(get.result ?? {}), ...value }, 'settings');
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    database.close();
    const changes = new BroadcastChannel('tdf-changes');
    changes.postMessage('settings');
    changes.close();
  }, settings);
}

/**
 * Stores requests straight into the extension's IndexedDB from one of its pages, as the worker
 * stores them, and tells open pages (the popup) that requests changed.
 */
export async function seedRequests(page: Page, records: TakedownRecord[]): Promise<void> {
  // As the extension writes them (shared/db/request-put.ts): with where the popup lists each.
  const stored = records.map((r) => ({ ...r, listOrder: listOrder(r) }));
  await page.evaluate(async (recs) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('takedown-flagger');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('requests', 'readwrite');
      for (const rec of recs) tx.objectStore('requests').put(rec);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
    new BroadcastChannel('tdf-changes').postMessage('requests');
  }, stored);
}
