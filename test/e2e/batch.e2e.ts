import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server.ts';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import { generateSearchPage } from '../../bench/generate-page.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { configureApi, stopServiceWorker, waitFor } from './harness/flows.ts';
import { cardShots } from './harness/card-shots.ts';

// Flagging a selection at an IP agent's scale, while MV3 stops the worker as it likes.

const SEARCH = 'http://s.taobao.com/search?q=batch';
const FIRST_ID = 800000000001;

let stacks: Stack[] = [];
afterEach(async () => {
  for (const st of stacks.splice(0)) await st.close();
});

async function setup(cards: number) {
  const st = await startStack({ routes: [{ host: 's.taobao.com', path: '/search', html: generateSearchPage(cards) }] });
  stacks.push(st);
  await (await configureApi(st.browser, st.sandbox.url, DEMO_TOKEN)).close();
  return st;
}

/** The cases the service holds per item id (a duplicate would show as 2). */
const casesPerItem = (sandbox: Sandbox) => {
  const counts = new Map<string, number>();
  for (const c of sandbox.listCases()) counts.set(c.itemId, (counts.get(c.itemId) ?? 0) + 1);
  return counts;
};

async function flagSelection(page: Page) {
  await page.getByTestId('flag-selected').click();
  await page.getByTestId('flag-reason').selectOption('counterfeit');
  await page.getByTestId('flag-ip-right').selectOption(DEMO_TRADEMARK_ID);
  await page.getByTestId('flag-note').fill('Counterfeit batch.');
  await page.getByTestId('flag-submit').click();
}

describe('a click is never lost', () => {
  it('40 cards flagged while the worker is stopped every 3 s: stored at once, each filed once with a screenshot of its card', async () => {
    const s = await setup(40);
    const page = await s.browser.context.newPage();
    await page.goto(SEARCH);
    await page.locator(`[data-testid="select-listing"][data-item-id="${FIRST_ID}"]`).waitFor({ timeout: 15_000 });
    // The toolbar shows once a card is selected.
    await page.locator(`[data-testid="select-listing"][data-item-id="${FIRST_ID}"]`).click();
    await page.getByTestId('select-all-visible').click();
    await expect.poll(() => page.getByTestId('batch-toolbar').getAttribute('data-count')).toBe('40');

    let stops = 0;
    const killer = setInterval(() => void stopServiceWorker(s.browser).then(() => stops++, () => undefined), 3_000);
    try {
      await flagSelection(page);
      const submitted = Date.now();
      // Stored: the cards show their request (the worker answered with the stored requests).
      await page.locator(`[data-testid="listing-status"][data-item-id="${FIRST_ID}"]`).waitFor({ state: 'attached', timeout: 20_000 });
      const storedMs = Date.now() - submitted;
      console.log(`batch: 40 requests stored ${storedMs} ms after the submit (worker stopped every 3 s)`);
      const popup = await s.browser.popup();
      // Every request is in the extension's IndexedDB (the popup renders only the rows in view).
      const stored = () =>
        popup.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const open = indexedDB.open('takedown-flagger');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const count = open.result.transaction('requests').objectStore('requests').count();
                count.onsuccess = () => (resolve(count.result), open.result.close());
              };
            }),
        );
      expect(await stored()).toBe(40);
      await popup.close();

      await waitFor('all 40 cases at the service', () => casesPerItem(s.sandbox).size === 40, 180_000, 500);
    } finally {
      clearInterval(killer);
    }
    expect(stops).toBeGreaterThan(0);
    expect([...casesPerItem(s.sandbox).values()].every((n) => n === 1)).toBe(true);
    const shots = cardShots(s.sandbox);
    expect(shots.filter((x) => !x.inEvidence || !x.shot?.fullyVisible || !x.png)).toEqual([]);
  }, 300_000);
});
