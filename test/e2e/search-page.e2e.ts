import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server.ts';
import { DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import type { Browser } from './harness/extension.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { waitFor } from './harness/flows.ts';

const expected = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/taobao/search-gen3.expected.json'), 'utf8')) as {
  cards: { itemId: string; title: string; marketplace: string }[];
};
// Three Taobao cards (the page's Tmall results are Tmall's listings).
const PICKED = expected.cards.filter((c) => c.marketplace === 'taobao').slice(0, 3);
const SEARCH = 'http://s.taobao.com/search?q=%E5%8F%8C%E8%82%A9%E5%8C%85&tab=all';

const checkbox = (page: Page, itemId: string) => page.locator(`[data-testid="select-listing"][data-item-id="${itemId}"]`);
const status = (page: Page, itemId: string) => page.locator(`[data-testid="listing-status"][data-item-id="${itemId}"]`);

describe('a Taobao search page: select cards, flag them at once, see their status', () => {
  let stack: Stack;
  let sandbox: Sandbox;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack({ routes: [{ host: 's.taobao.com', path: '/search', fixture: 'taobao/search-gen3.html' }], connected: true });
    ({ sandbox, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('gives the cards in view a select box, and a page script cannot tick one', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEARCH);
    await checkbox(page, PICKED[0]!.itemId).waitFor({ timeout: 15_000 });
    // One kind of forged click per card: two on the same box would cancel each other out.
    const [clicked, dispatched] = [PICKED[0]!.itemId, PICKED[1]!.itemId];
    const ticked = await page.evaluate(([a, b]) => {
      const box = (id: string) => document.querySelector('tdf-root')!.shadowRoot!.querySelector<HTMLInputElement>(`[data-testid="select-listing"][data-item-id="${id}"]`)!;
      box(a!).click();
      box(b!).dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
      return [box(a!).checked, box(b!).checked];
    }, [clicked, dispatched]);
    expect(ticked).toEqual([false, false]);
    // A real click on another card: the toolbar appears counting that one card only, so the
    // page's clicks selected nothing before it.
    await checkbox(page, PICKED[2]!.itemId).click();
    await expect.poll(() => page.getByTestId('batch-toolbar').getAttribute('data-count')).toBe('1');
    expect(await checkbox(page, clicked).isChecked()).toBe(false);
    expect(await checkbox(page, dispatched).isChecked()).toBe(false);
    await page.close();
  });

  it('flags three selected cards in one go, files three cases, and shows their status after a reload', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEARCH);
    for (const card of PICKED) await checkbox(page, card.itemId).click();
    const toolbar = page.getByTestId('batch-toolbar');
    await expect.poll(() => toolbar.getAttribute('data-count')).toBe('3');

    await page.getByTestId('flag-selected').click();
    await page.getByTestId('flag-reason').selectOption('counterfeit');
    await page.getByTestId('flag-ip-right').selectOption(DEMO_TRADEMARK_ID);
    await page.getByTestId('flag-note').fill('Same counterfeit batch, three shops.');
    await page.getByTestId('flag-submit').click();

    for (const card of PICKED) {
      await expect.poll(() => status(page, card.itemId).getAttribute('data-state'), { timeout: 15_000 }).toMatch(/^(queued|sending|received)$/);
    }
    expect(await page.getByTestId('batch-toolbar').count()).toBe(0);

    const filed = await waitFor('three cases at the sandbox', () => {
      const cases = sandbox.listCases().filter((c) => PICKED.some((p) => p.itemId === c.itemId));
      return cases.length === 3 ? cases : null;
    });
    expect(sandbox.listCases()).toHaveLength(3);
    expect(filed.map((c) => [c.itemId, c.submission.listing.title]).sort()).toEqual(PICKED.map((p) => [p.itemId, p.title]).sort());
    expect(filed.every((c) => c.submission.note === 'Same counterfeit batch, three shops.')).toBe(true);

    await page.reload();
    for (const card of PICKED) {
      await expect.poll(() => status(page, card.itemId).getAttribute('data-state'), { timeout: 15_000 }).toBe('received');
    }
    // Only the flagged cards carry a status.
    expect(await page.getByTestId('listing-status').count()).toBe(3);
    await page.close();
  });
});
