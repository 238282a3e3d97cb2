import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox, SandboxOptions } from '../../sandbox/server.ts';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { configureApi, flagOpenListing, stopServiceWorker, waitFor, waitForCaptures } from './harness/flows.ts';

// The takedown queue under the conditions our users meet: a flaky, throttling service,
// Chrome killing the worker mid-send, no network, a closed browser, a revoked token.

const itemUrl = (id: string) => `http://item.taobao.com/item.htm?id=${id}&spm=a1z10.1`;
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
  it('chaos: 40 requests drain through errors, throttling, hangs, resets and bad answers while the worker is killed every few seconds', async () => {
    const s = await setup({ sandbox: { rateLimitPerSecond: 20 } });

    // The service is down while the user flags: everything waits in the outbox.
    s.sandbox.faults.push({ kind: 'status', status: 503, retryAfter: '1', times: 100_000 });
    const page = await s.browser.context.newPage();
    await page.bringToFront(); // the tab the user flags in is the one on screen
    const items = ids(40);
    for (const id of items) {
      await page.goto(itemUrl(id));
      await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID });
    }
    // Opening the popup takes the front: the last flags' evidence is captured first.
    await waitForCaptures(s.browser);
    expect(s.sandbox.listCases()).toHaveLength(0);

    // Now it comes back, unreliably; the user presses "Send now" once.
    s.sandbox.faults.clear();
    const popup = await s.browser.popup();
    await popup.getByTestId('send-now').click();
    s.sandbox.faults.setRandom({ rate: 0.08, seed: 7, kinds: ['status', 'reset', 'html200', 'wrongShape', { kind: 'status', status: 429, retryAfter: '1' }, { kind: 'reset', when: 'after' }, { kind: 'hang' }] });
    const started = Date.now();
    let stops = 0;
    const killer = setInterval(() => {
      void stopServiceWorker(s.browser).then(() => stops++).catch(() => undefined);
    }, 4_000);
    const progress = setInterval(() => console.log(`chaos progress: ${casesPerItem(s.sandbox).size}/40 after ${((Date.now() - started) / 1000).toFixed(0)} s, ${stops} worker stops, ${s.sandbox.calls.length} calls`), 15_000);
    try {
      await waitFor('all 40 cases at the service', () => casesPerItem(s.sandbox).size === 40, 300_000, 500);
    } finally {
      clearInterval(killer);
      clearInterval(progress);
    }
    const seconds = (Date.now() - started) / 1000;
    const counts = casesPerItem(s.sandbox);
    const duplicates = [...counts.values()].filter((n) => n > 1).length;
    console.log(`chaos: delivered ${counts.size}/40, duplicate cases ${duplicates}, worker stops ${stops}, ${seconds.toFixed(1)} s to drain, ${s.sandbox.calls.length} API calls`);
    expect(duplicates).toBe(0);
    expect(stops).toBeGreaterThan(0);
    s.sandbox.faults.setRandom(null);
  }, 420_000);

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
