import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox, SandboxOptions } from '../../sandbox/server.ts';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { configureApi, flagOpenListing, stopServiceWorker, waitFor, waitForCaptures } from './harness/flows.ts';
import { generateSearchPage } from '../../bench/generate-page.ts';
import { withoutCardShot } from './harness/card-shots.ts';

// The takedown queue under the conditions our users meet: a flaky, throttling service,
// Chrome killing the worker mid-send, no network, a closed browser, a revoked token.

const itemUrl = (id: string) => `http://item.taobao.com/item.htm?id=${id}&spm=a1z10.1`;
const CHAOS_COUNT = 300;
const CHAOS_FIRST_ID = 830000000001;
/** Long enough for a batch to meet several failures in a row and back off for a minute or more. */
const OUTAGE_MS = 15_000;
const ids = (n: number, base = 700000000000) => Array.from({ length: n }, (_, i) => String(base + i));

let stacks: Stack[] = [];
afterEach(async () => {
  for (const st of stacks.splice(0)) await st.close();
});

async function setup(opts: { sandbox?: SandboxOptions } = {}) {
  const st = await startStack({ routes: [{ host: 'item.taobao.com', path: '/item.htm', fixture: 'taobao/item-ssr2025.html' }], sandbox: opts.sandbox, connected: true });
  stacks.push(st);
  return st;
}

/** How many cases the service holds per item id (a duplicate would show as 2). */
const casesPerItem = (sandbox: Sandbox) => {
  const counts = new Map<string, number>();
  for (const c of sandbox.listCases()) counts.set(c.itemId, (counts.get(c.itemId) ?? 0) + 1);
  return counts;
};

describe('a takedown queue that never loses or duplicates a request', () => {
  it('chaos: 300 listings flagged as one selection reach the service exactly once through 503s, 429s, resets and hangs while the worker is stopped every few seconds, and drain within 60 s once it is back', async () => {
    const s = await startStack({ routes: [{ host: 's.taobao.com', path: '/search', html: generateSearchPage(CHAOS_COUNT, CHAOS_FIRST_ID) }], sandbox: { rateLimitPerSecond: 20 }, connected: true });
    stacks.push(s);
    const started = Date.now();
    const at = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
    // The service is sick the whole time the user flags and the evidence is captured.
    s.sandbox.faults.setRandom({
      seed: 14,
      mix: [
        { rate: 0.3, fault: { kind: 'status', status: 503 } },
        { rate: 0.1, fault: { kind: 'status', status: 429, retryAfter: '1' } },
        { rate: 0.03, fault: 'reset' },
        { rate: 0.02, fault: { kind: 'reset', when: 'after' } }, // stored, then the answer is lost
        { rate: 0.01, fault: 'hang' },
      ],
    });
    let stops = 0;
    const killer = setInterval(() => void stopServiceWorker(s.browser).then(() => stops++, () => undefined), 5_000);
    const progress = setInterval(() => console.log(`chaos progress: ${casesPerItem(s.sandbox).size}/${CHAOS_COUNT} at the service after ${at()}, ${stops} worker stops, ${s.sandbox.calls.length} calls`), 15_000);
    try {
      const page = await s.browser.context.newPage();
      await page.bringToFront(); // the user flags in the tab on screen, and it stays there while captured
      await page.goto('http://s.taobao.com/search?q=chaos');
      const first = page.locator(`[data-testid="select-listing"][data-item-id="${CHAOS_FIRST_ID}"]`);
      await first.waitFor({ timeout: 20_000 });
      await first.click();
      await page.getByTestId('select-all-visible').click();
      await expect.poll(() => page.getByTestId('batch-toolbar').getAttribute('data-count'), { timeout: 15_000 }).toBe(String(CHAOS_COUNT));
      await page.getByTestId('flag-selected').click();
      await page.getByTestId('flag-reason').selectOption('counterfeit');
      await page.getByTestId('flag-ip-right').selectOption(DEMO_TRADEMARK_ID);
      await page.getByTestId('flag-submit').click();
      await page.locator(`[data-testid="listing-status"][data-item-id="${CHAOS_FIRST_ID}"]`).waitFor({ state: 'attached', timeout: 20_000 });
      await waitForCaptures(s.browser, 120_000);
      const captured = at();
      const callsCaptured = s.sandbox.calls.length;

      // Then it goes down altogether for a while: the backoffs grow as they do in an outage.
      s.sandbox.faults.setRandom({ rate: 1, kinds: [{ kind: 'status', status: 503 }] });
      await new Promise((r) => setTimeout(r, OUTAGE_MS));
      const before = casesPerItem(s.sandbox).size;

      // The service is back: nobody presses anything.
      s.sandbox.faults.setRandom(null);
      const recovered = Date.now();
      const callsBefore = s.sandbox.calls.length;
      await waitFor(`all ${CHAOS_COUNT} cases at the service`, () => casesPerItem(s.sandbox).size === CHAOS_COUNT, 90_000, 250);
      const drainSeconds = (Date.now() - recovered) / 1000;
      const counts = casesPerItem(s.sandbox);
      const duplicates = [...counts.values()].filter((n) => n > 1).length;
      console.log(
        `chaos: ${counts.size}/${CHAOS_COUNT} delivered, duplicate cases ${duplicates}; captured after ${captured}; ${before} at the service when it came back; ` +
          `drain after recovery ${drainSeconds.toFixed(1)} s; ${stops} worker stops; ${s.sandbox.calls.length} API calls (${s.sandbox.calls.slice(callsCaptured).filter((c) => c.path === '/v1/me').length} probes after the captures); ${at()} in all`,
      );
      // Where the drain's time went: the calls it made after recovery, and when the first one succeeded.
      const after = s.sandbox.calls.slice(callsBefore);
      const kinds = new Map<string, number>();
      for (const c of after) kinds.set(`${c.method} ${c.path.split('/').slice(0, 3).join('/')} ${c.status || c.fault}`, (kinds.get(`${c.method} ${c.path.split('/').slice(0, 3).join('/')} ${c.status || c.fault}`) ?? 0) + 1);
      const firstOk = after.find((c) => c.status >= 200 && c.status < 300);
      // What the capture's ~40 s go to: Chrome allows about two screenshots a second (capture/pace.ts).
      const shots = new Set(s.sandbox.listCases().flatMap((c) => c.submission.evidence.filter((e) => e.kind === 'screenshot').map((e) => e.sha256)));
      console.log(`chaos capture: ${shots.size} screenshots for ${CHAOS_COUNT} listings, captured in ${captured}`);
      console.log(`chaos drain: first success ${firstOk ? ((Date.parse(firstOk.at) - recovered) / 1000).toFixed(1) : '-'} s after recovery (${firstOk?.method} ${firstOk?.path.slice(0, 12)}); calls ${JSON.stringify(Object.fromEntries(kinds))}`);
      expect(duplicates).toBe(0);
      // Every listing went with a screenshot that shows its card, worker stops or not.
      expect(withoutCardShot(s.sandbox).map((x) => x.itemId)).toEqual([]);
      expect(stops).toBeGreaterThan(0);
      expect(drainSeconds).toBeLessThanOrEqual(60);
    } finally {
      clearInterval(killer);
      clearInterval(progress);
    }
  }, 240_000);

  it('a queue waiting out a long backoff asks the service well before its end, and drains as soon as it answers, the worker stopped meanwhile', async () => {
    const s = await setup();
    s.sandbox.faults.push({ kind: 'status', status: 503, times: 100_000 });
    const page = await s.browser.context.newPage();
    await page.goto(itemUrl('730000000001'));
    await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID });
    await waitForCaptures(s.browser);
    // The service has been down long enough for the batch to back off five minutes, and the
    // probe is planned a few seconds ahead (what an hour of failures leaves, without the hour).
    await waitFor('a batch kept for a retry', () =>
      s.browser.liveWorker().then((w) => w.evaluate(async () => {
        const d = await new Promise<IDBDatabase>((resolve, reject) => {
          const r = indexedDB.open('takedown-flagger');
          r.onsuccess = () => resolve(r.result);
          r.onerror = () => reject(r.error);
        });
        const now = Date.now();
        const tx = d.transaction(['batches', 'requests', 'kv'], 'readwrite');
        const all = <T,>(req: IDBRequest<T>) => new Promise<T>((resolve) => (req.onsuccess = () => resolve(req.result)));
        const batches = await all(tx.objectStore('batches').getAll());
        if (batches.length === 0) return (tx.abort(), d.close(), false);
        for (const b of batches) tx.objectStore('batches').put({ ...b, attempts: 7, nextAttemptAt: now + 300_000 });
        for (const r of await all(tx.objectStore('requests').getAll())) tx.objectStore('requests').put({ ...r, outbox: { ...r.outbox, nextAttemptAt: now + 300_000 } });
        tx.objectStore('kv').put({ notBefore: 0, failuresInARow: 7, probeAt: now + 3_000, failedProbes: 0 }, 'sendPace');
        await new Promise((resolve) => (tx.oncomplete = resolve));
        d.close();
        return true;
      })),
    );
    s.sandbox.faults.clear();
    await stopServiceWorker(s.browser);
    const back = Date.now();
    await waitFor('the case at the service', () => s.sandbox.listCases().length === 1, 30_000, 250);
    console.log(`probe: the case arrived ${((Date.now() - back) / 1000).toFixed(1)} s after the service came back, its batch due in 300 s`);
    expect(s.sandbox.calls.some((c) => c.path === '/v1/me' && c.status === 200 && Date.parse(c.at) >= back)).toBe(true);
    expect([...casesPerItem(s.sandbox).values()]).toEqual([1]);
  });

  it('offline: flags made with no network survive a browser restart and arrive without a click', async () => {
    const s = await setup();
    const items = ids(3, 710000000000);
    const pages = [];
    for (const id of items) {
      const p = await s.browser.context.newPage();
      await p.goto(itemUrl(id));
      pages.push(p);
    }
    await s.browser.context.setOffline(true);
    for (const p of pages) {
      // The user flags in the tab on screen, and sees its status leave "capturing" before moving on.
      await p.bringToFront();
      await flagOpenListing(p, { ipRightId: DEMO_TRADEMARK_ID });
      await waitForCaptures(s.browser);
    }

    const popup = await s.browser.popup();
    await expect.poll(() => popup.getByTestId('queue-summary').getAttribute('data-online')).toBe('false');
    await expect.poll(() => popup.getByTestId('queue-summary').getAttribute('data-queued')).toBe('3');
    const countdowns = await popup.getByTestId('sla-countdown').evaluateAll((els) => els.map((e) => e.getAttribute('data-due-at')));
    expect(countdowns).toEqual(['', '', '']);
    expect(s.sandbox.listCases()).toHaveLength(0);

    // Close the laptop; open it somewhere with a network.
    await s.restartBrowser();
    await waitFor('the three cases at the service', () => casesPerItem(s.sandbox).size === 3, 60_000);
    expect([...casesPerItem(s.sandbox).values()]).toEqual([1, 1, 1]);
  });

  it('a refused token pauses the queue, the popup says so, and a new token resumes it', async () => {
    const s = await setup();
    s.sandbox.faults.push({ kind: 'status', status: 401, times: 1000, match: { pathPrefix: '/v1/' } });
    const page = await s.browser.context.newPage();
    await page.goto(itemUrl('720000000001'));
    await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID });
    // The evidence is captured from the tab on screen: the popup takes the front only after.
    await waitForCaptures(s.browser);

    const popup = await s.browser.popup();
    const row = popup.getByTestId('request-row');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 20_000 }).toBe('attention');
    await expect.poll(() => popup.locator('body').textContent()).toMatch(/token/i);
    // Paused means nothing is left to wake the sender: the drain that met the 401 ends by
    // clearing its watchdog/retry alarm (a positive sign that it finished); a queue that kept
    // retrying would have re-armed it for the backoff.
    await waitFor('the sender to finish and leave no retry alarm', async () => (await s.browser.liveWorker()).evaluate(async () => !(await chrome.alarms.get('outbox-retry'))), 15_000);

    // The user enters a new token: the queue resumes without anything else.
    s.sandbox.faults.clear();
    await (await configureApi(s.browser, s.sandbox.url, DEMO_TOKEN)).close();
    await waitFor('the case at the service', () => s.sandbox.listCases().length === 1, 30_000);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('received');
  });
});
