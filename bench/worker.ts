import type { CDPSession, Page } from 'playwright-core';
import type { Stack } from '../test/e2e/harness/stack.ts';
import { DEMO_TRADEMARK_ID } from '../sandbox/demo.ts';
import { makeRecord } from '../test/unit/records.ts';
import type { Figure } from './stats.ts';

// The worker's two budgets (issue #10): 300 flags stored within 1 s of their capture
// finishing, and a cold start (worker stopped) to the first API request within 150 ms.
// Both against the sandbox, with the extension connected to it.

export const FLAG_COUNT = 300;
const NS = 'tdf/1';

interface PageWithWorld {
  page: Page;
  cdp: CDPSession;
  /** Our content script's isolated world on that page. */
  world: number;
}

/**
 * Opens `url` and finds our content script's isolated world, so that the flag message goes
 * out exactly as the batch toolbar sends it: from the content script, with the tab as sender.
 */
export async function openInContentWorld(stack: Stack, url: string): Promise<PageWithWorld> {
  const page = await stack.browser.context.newPage();
  const cdp = await stack.browser.context.newCDPSession(page);
  const worlds: { id: number; origin: string; type?: string }[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => worlds.push({ id: e.context.id, origin: e.context.origin, type: (e.context.auxData as { type?: string } | undefined)?.type }));
  await cdp.send('Runtime.enable');
  await page.goto(url, { waitUntil: 'load' });
  // The content script marks cards once it ran: its boxes are in our shadow root.
  await page.locator('[data-testid="select-listing"]').first().waitFor({ timeout: 20_000 });
  const ours = `chrome-extension://${stack.browser.extensionId}`;
  const world = worlds.filter((w) => w.type === 'isolated' && w.origin.startsWith(ours)).at(-1);
  if (!world) throw new Error('our content script has no isolated world on the page');
  return { page, cdp, world: world.id };
}

/** Listings as the search page's batch toolbar reads them from the cards. */
async function listingsOnPage(page: Page, count: number) {
  return page.evaluate((n) => {
    const ids = [...document.querySelectorAll('[id^="item_id_"]')].map((c) => c.id.slice('item_id_'.length)).slice(0, n);
    return ids.map((itemId, i) => ({
      marketplace: 'taobao',
      itemId,
      url: `https://item.taobao.com/item.htm?id=${itemId}`,
      title: `经典帆布双肩包 ${i}`,
      price: { amount: '199.00', currency: 'CNY' },
      imageUrls: [],
      seller: { name: `Seller ${i % 40}`, id: null, shopUrl: null },
    }));
  }, count);
}

async function sendFromContent(p: PageWithWorld, message: unknown): Promise<unknown> {
  const r = await p.cdp.send('Runtime.evaluate', {
    contextId: p.world,
    expression: `chrome.runtime.sendMessage(${JSON.stringify(message)})`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (r.exceptionDetails) throw new Error(`sendMessage failed: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  return r.result.value;
}

/**
 * Of the given items: how many are stored, how many are released to the outbox (their capture
 * done), and, once all are, the capture manifests (one per capture chunk).
 */
async function storedFlags(extPage: Page, itemIds: string[], withManifests: boolean) {
  return extPage.evaluate(
    async ({ ids, withManifests }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('takedown-flagger');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
      const all = await new Promise<{ listing: { itemId: string }; outbox: { state: string }; evidence: { kind: string; sha256: string }[] }[]>((resolve, reject) => {
        const q = db.transaction('requests').objectStore('requests').getAll();
        q.onsuccess = () => resolve(q.result);
        q.onerror = () => reject(q.error);
      });
      const wanted = new Set(ids);
      const mine = all.filter((r) => wanted.has(r.listing.itemId));
      const manifests: unknown[] = [];
      if (withManifests) {
        const shas = new Set(mine.flatMap((r) => r.evidence.filter((e) => e.kind === 'capture_manifest').map((e) => e.sha256)));
        for (const sha of shas) {
          const blob = await new Promise<{ data: ArrayBuffer } | undefined>((resolve, reject) => {
            const q = db.transaction('evidence').objectStore('evidence').get(sha);
            q.onsuccess = () => resolve(q.result);
            q.onerror = () => reject(q.error);
          });
          if (blob) manifests.push(JSON.parse(new TextDecoder().decode(blob.data)));
        }
      }
      db.close();
      return { count: mine.length, released: mine.filter((r) => r.outbox.state !== 'capturing').length, manifests };
    },
    { ids: itemIds, withManifests },
  );
}

/** The capture's end by the worker's own clock: its start (clock.local) plus its duration. */
function captureSpan(manifest: unknown): [number, number] {
  const m = manifest as { context?: { clock?: { local?: string } }; clock?: { local?: string }; capture?: { durationMs?: number } } | null;
  const local = m?.context?.clock?.local ?? m?.clock?.local;
  const duration = m?.capture?.durationMs;
  if (!local || duration === undefined) throw new Error(`the capture manifest lacks its clock or duration: ${JSON.stringify(m).slice(0, 400)}`);
  return [Date.parse(local), Date.parse(local) + duration];
}

export interface FlagRun {
  /** Submit → the worker's answer, given once every request is committed (as capturing). */
  answerMs: number;
  /** Submit → every request released to the outbox, its evidence captured and stored. */
  releasedMs: number;
  /** First capture chunk's start → last chunk's end (the manifests' own clocks). */
  captureMs: number;
  /** The last capture chunk finished → all 300 released (at most one poll, 25 ms, late). */
  storeAfterCaptureMs: number;
  acceptedMs: number;
}

/** One flag of 300 listings on a fresh search page (`url`), through to the sandbox. */
export async function flagRun(stack: Stack, extPage: Page, url: string): Promise<FlagRun> {
  const p = await openInContentWorld(stack, url);
  try {
    const listings = await listingsOnPage(p.page, FLAG_COUNT);
    if (listings.length !== FLAG_COUNT) throw new Error(`the page has ${listings.length} cards, not ${FLAG_COUNT}`);
    const ids = listings.map((l) => l.itemId);
    const t0 = Date.now();
    const answer = (await sendFromContent(p, { ns: NS, type: 'flag', payload: { listings, reason: 'counterfeit', ipRightId: DEMO_TRADEMARK_ID, note: '' } })) as { ok: boolean; error?: unknown };
    const answered = Date.now();
    if (!answer?.ok) throw new Error(`the flag was refused: ${JSON.stringify(answer)}`);
    const first = await storedFlags(extPage, ids, false);
    if (first.count !== FLAG_COUNT) throw new Error(`${first.count} of ${FLAG_COUNT} requests stored after the answer`);
    let released = 0;
    const until = Date.now() + 180_000;
    for (;;) {
      const now = await storedFlags(extPage, ids, false);
      if (now.released === FLAG_COUNT) {
        released = Date.now();
        break;
      }
      if (Date.now() > until) throw new Error(`only ${now.released} of ${FLAG_COUNT} requests left capturing after 180 s`);
      await new Promise((r) => setTimeout(r, 25));
    }
    const done = await storedFlags(extPage, ids, true);
    if (!done.manifests.length) throw new Error('no capture manifest stored with the flags');
    const spans = done.manifests.map(captureSpan);
    const captureStart = Math.min(...spans.map((s) => s[0]));
    const captureEnd = Math.max(...spans.map((s) => s[1]));
    const wanted = new Set(ids);
    const deadline = Date.now() + 120_000;
    let accepted = 0;
    while (Date.now() < deadline) {
      accepted = stack.sandbox.listCases().filter((c) => wanted.has(c.itemId)).length;
      if (accepted >= FLAG_COUNT) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    if (accepted < FLAG_COUNT) throw new Error(`only ${accepted} of ${FLAG_COUNT} cases at the sandbox after 120 s`);
    return { answerMs: answered - t0, releasedMs: released - t0, captureMs: captureEnd - captureStart, storeAfterCaptureMs: released - captureEnd, acceptedMs: Date.now() - t0 };
  } finally {
    await p.cdp.detach().catch(() => undefined);
    await p.page.close();
  }
}

/** Closes the worker's target, as Chrome does when it is idle or killed. */
async function stopWorker(stack: Stack): Promise<void> {
  const cdp = await stack.browser.context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${stack.browser.extensionId}/`));
    if (!sw) throw new Error('no running service worker to stop');
    await cdp.send('Target.closeTarget', { targetId: sw.targetId });
    for (let i = 0; ; i++) {
      const left = (await cdp.send('Target.getTargets')).targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${stack.browser.extensionId}/`));
      if (!left) return;
      if (i > 100) throw new Error('the service worker did not stop');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Cold start: a request is queued while the worker is stopped; an extension page then asks to
 * send now. Measured from that message to the first API request the sandbox logs.
 */
export async function coldStartRun(stack: Stack, extPage: Page): Promise<{ firstMs: number; firstPath: string; postMs: number }> {
  // Nothing may be in flight: the previous run's requests are all filed.
  await stopWorker(stack);
  const rec = makeRecord({ ipRightId: DEMO_TRADEMARK_ID });
  await extPage.evaluate(async (r) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const q = indexedDB.open('takedown-flagger');
      q.onsuccess = () => resolve(q.result);
      q.onerror = () => reject(q.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('requests', 'readwrite');
      tx.objectStore('requests').put(r);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rec);
  await new Promise((r) => setTimeout(r, 300));
  const before = stack.sandbox.calls.length;
  const t0 = await extPage.evaluate((ns) => {
    const t = Date.now();
    void chrome.runtime.sendMessage({ ns, type: 'sendNow', payload: {} });
    return t;
  }, NS);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline && !stack.sandbox.calls.slice(before).some((c) => c.method === 'POST')) await new Promise((r) => setTimeout(r, 10));
  const fresh = stack.sandbox.calls.slice(before);
  const first = fresh[0];
  const post = fresh.find((c) => c.method === 'POST');
  if (!first || !post) throw new Error('the woken worker sent nothing to the sandbox within 20 s');
  // Let this request be filed before the next run stops the worker again.
  const wait = Date.now() + 20_000;
  while (Date.now() < wait && !stack.sandbox.listCases().some((c) => c.itemId === rec.listing.itemId)) await new Promise((r) => setTimeout(r, 20));
  return { firstMs: Date.parse(first.at) - t0, firstPath: `${first.method} ${first.path}`, postMs: Date.parse(post.at) - t0 };
}

export function flagFigures(runs: FlagRun[]): Figure[] {
  const entry = `${FLAG_COUNT} flags, one message`;
  return [
    { entry, what: `submit → all ${FLAG_COUNT} stored in IndexedDB (capturing)`, unit: 'ms', runs: runs.map((r) => r.answerMs) },
    { entry, what: 'capture, first chunk start → last chunk end', unit: 'ms', runs: runs.map((r) => r.captureMs) },
    { entry, what: `submit → all ${FLAG_COUNT} captured and stored`, unit: 'ms', runs: runs.map((r) => r.releasedMs) },
    { entry, what: 'capture finished → all stored with evidence', unit: 'ms', runs: runs.map((r) => r.storeAfterCaptureMs), budget: 1000 },
    { entry, what: `submit → all ${FLAG_COUNT} accepted by the sandbox`, unit: 'ms', runs: runs.map((r) => r.acceptedMs) },
  ];
}
