import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server.ts';
import { DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import type { Browser } from './harness/extension.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { stopServiceWorker, waitFor, waitForCaptures } from './harness/flows.ts';

// Headless Chromium cannot open the browser's own context menu nor press an extension
// shortcut. The tests do what the browser does next: they fire the worker's real
// contextMenus.onClicked / commands.onCommand listeners (event.dispatch) with the real tab
// and the real link URL, after a real right-click on that link in the page (the page
// remembers which link was right-clicked). Everything after that is the product as shipped.

const expected = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/taobao/search-gen3.expected.json'), 'utf8')) as {
  cards: { itemId: string; title: string; marketplace: string; seller: { name: string } }[];
};
const CARDS = expected.cards.filter((c) => c.marketplace === 'taobao').slice(0, 4);
const SEARCH = 'http://s.taobao.com/search?q=keys';
const ITEM_ID = '637145790668';
const ITEM = `http://item.taobao.com/item.htm?id=${ITEM_ID}`;
const LONE_ID = '555555555555';
// A marketplace page whose link to a listing sits in no card: only its URL says what it is.
const HOME = `<!doctype html><html><head><meta charset="utf-8"><title>淘宝网</title></head><body>
<h1>淘宝</h1><p>推荐：<a id="lonely" href="//item.taobao.com/item.htm?id=${LONE_ID}&spm=a21bo">双肩包 新款 大容量</a></p></body></html>`;

const box = (page: Page, itemId: string) => page.locator(`[data-testid="select-listing"][data-item-id="${itemId}"]`);
const cardLink = (page: Page, itemId: string) => page.locator(`#item_id_${itemId}`);

/** What the browser does on a click on one of our menu items: the worker's onClicked listeners, with the tab. */
async function menuClick(browser: Browser, page: Page, menuItemId: string, linkUrl: string): Promise<void> {
  const worker = await browser.liveWorker();
  await worker.evaluate(
    async ({ menuItemId, linkUrl, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl.split('#')[0]! });
      if (!tab) throw new Error(`no tab at ${pageUrl}`);
      const info = { menuItemId, linkUrl, pageUrl, frameId: 0, editable: false };
      (chrome.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(info, tab);
    },
    { menuItemId, linkUrl, pageUrl: page.url() },
  );
}

/** What the browser does on one of our shortcuts: the worker's onCommand listeners, with the active tab. */
async function pressCommand(browser: Browser, page: Page, command: string): Promise<void> {
  await (await browser.liveWorker()).evaluate(
    async ({ command, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl.split('#')[0]! });
      if (!tab) throw new Error(`no tab at ${pageUrl}`);
      (chrome.commands.onCommand as unknown as { dispatch(c: string, t: unknown): void }).dispatch(command, tab);
    },
    { command, pageUrl: page.url() },
  );
}

/** Right-clicks the link as a user does (a trusted contextmenu event) and returns its URL. */
async function rightClick(page: Page, link: ReturnType<Page['locator']>): Promise<string> {
  await link.scrollIntoViewIfNeeded();
  await link.click({ button: 'right' });
  return link.evaluate((a) => (a as HTMLAnchorElement).href);
}

const menuExists = (browser: Browser) =>
  browser.liveWorker().then((w) =>
    w.evaluate(async () => {
      const exists = async (id: string) => chrome.contextMenus.update(id, {}).then(() => true, () => false);
      return (await exists('flag-link')) && (await exists('select-link'));
    }),
  );

async function fillAndSubmit(page: Page) {
  await page.getByTestId('flag-reason').selectOption('counterfeit');
  await page.getByTestId('flag-ip-right').selectOption(DEMO_TRADEMARK_ID);
  await page.getByTestId('flag-submit').click();
}

describe('keyboard commands and the link menu', () => {
  let stack: Stack;
  let sandbox: Sandbox;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack({
      routes: [
        { host: 's.taobao.com', path: '/search', fixture: 'taobao/search-gen3.html' },
        { host: 'item.taobao.com', path: '/item.htm', query: { id: ITEM_ID }, fixture: 'taobao/item-ssr2025.html' },
        { host: 'www.taobao.com', path: '/', html: HOME },
      ],
      connected: true,
    });
    ({ sandbox, browser } = stack);
  });

  afterAll(() => stack?.close());

  it('has its two link-menu items after install, and still after the worker was stopped and started again', async () => {
    await waitFor('the link menu made on install', () => menuExists(browser), 15_000);
    expect(await stopServiceWorker(browser)).toBe(true);
    expect(await menuExists(browser)).toBe(true);
  });

  it('"Flag this listing" on a search card\'s link files what that card shows; the menu again shows the case and asks first', async () => {
    const card = CARDS[0]!;
    const page = await browser.context.newPage();
    await page.goto(SEARCH);
    await page.bringToFront();
    await box(page, card.itemId).waitFor({ timeout: 15_000 });
    const href = await rightClick(page, cardLink(page, card.itemId));
    await menuClick(browser, page, 'flag-link', href);

    const panel = page.getByTestId('link-flag');
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.getAttribute('data-from')).toBe('card');
    expect(await panel.getAttribute('data-item-id')).toBe(card.itemId);
    expect(await page.getByTestId('flag-summary').textContent()).toContain(card.seller.name);
    await fillAndSubmit(page);
    await panel.waitFor({ state: 'detached', timeout: 10_000 });
    await page.locator(`[data-testid="listing-status"][data-item-id="${card.itemId}"]`).waitFor({ timeout: 15_000 });
    await waitForCaptures(browser);
    const filed = await waitFor('the case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === card.itemId));
    expect(filed.submission.listing.title).toBe(card.title);
    expect(filed.submission.listing.seller.name).toBe(card.seller.name);
    // The card's own screenshot, as for a card flagged from the toolbar.
    const meta = JSON.parse(sandbox.evidence(filed.submission.evidence.find((e) => e.kind === 'metadata')!.sha256)!.data.toString('utf8'));
    expect(filed.submission.evidence.some((e) => e.kind === 'screenshot' && e.sha256 === meta.screenshot?.sha256)).toBe(true);
    // Its request learns the case id once sent: then the card says so.
    await expect.poll(() => page.locator(`[data-testid="listing-status"][data-item-id="${card.itemId}"]`).getAttribute('data-state'), { timeout: 20_000 }).toBe('received');

    // Again from the menu: the form shows the existing case and files nothing without a choice.
    await rightClick(page, cardLink(page, card.itemId));
    await menuClick(browser, page, 'flag-link', href);
    const already = page.getByTestId('already-reported').locator('[data-case-id]');
    await already.waitFor({ timeout: 10_000 });
    expect(await already.getAttribute('data-case-id')).toBe(filed.caseId);
    expect(await already.textContent()).toContain(filed.caseId);
    expect(await page.getByTestId('flag-submit').textContent()).toBe('Flag again');
    await page.getByTestId('link-flag').getByRole('button', { name: 'Cancel' }).click();
    expect(sandbox.listCases().filter((c) => c.itemId === card.itemId)).toHaveLength(1);
    await page.close();
  });

  it('toggles the card whose box has focus, else the card under the pointer; adds a linked card from the menu; opens the selection form', async () => {
    const [, a, b, c] = CARDS as [unknown, (typeof CARDS)[0], (typeof CARDS)[0], (typeof CARDS)[0]];
    const page = await browser.context.newPage();
    await page.goto(SEARCH);
    await page.bringToFront();
    await box(page, a.itemId).waitFor({ timeout: 15_000 });

    // "Flag this listing" on the focused card: the card flagged above shows its case and asks first.
    const flagged = CARDS[0]!.itemId;
    await page.locator(`[data-testid="listing-status"][data-item-id="${flagged}"]`).waitFor({ timeout: 15_000 });
    await box(page, a.itemId).focus();
    await page.keyboard.press('Shift+Tab'); // keyboard focus moves back to the flagged card's box
    await pressCommand(browser, page, 'flag-listing');
    await page.getByTestId('link-flag').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('link-flag').getAttribute('data-item-id')).toBe(flagged);
    expect(await page.getByTestId('already-reported').locator('[data-case-id]').getAttribute('data-case-id')).toMatch(/^TD-/);
    await page.getByTestId('link-flag').getByRole('button', { name: 'Cancel' }).click();

    await box(page, a.itemId).focus();
    await pressCommand(browser, page, 'toggle-selection');
    await expect.poll(() => box(page, a.itemId).isChecked()).toBe(true);
    expect(await page.getByTestId('batch-toolbar').getAttribute('data-count')).toBe('1');

    // No focus in a card: the card under the pointer.
    await page.evaluate(() => (document.querySelector('tdf-root')!.shadowRoot!.activeElement as HTMLElement | null)?.blur());
    await cardLink(page, b.itemId).hover({ position: { x: 30, y: 120 } });
    await pressCommand(browser, page, 'toggle-selection');
    await expect.poll(() => box(page, b.itemId).isChecked()).toBe(true);

    // "Add to selection" on another card's link.
    const href = await rightClick(page, cardLink(page, c.itemId));
    await menuClick(browser, page, 'select-link', href);
    await expect.poll(() => box(page, c.itemId).isChecked()).toBe(true);
    expect(await page.getByTestId('batch-toolbar').getAttribute('data-count')).toBe('3');

    // The toolbar shows the keys of its commands; the command opens its form.
    const hint = page.getByTestId('batch-toolbar').getByTestId('shortcut-hint');
    await expect.poll(() => hint.textContent()).toContain('Alt+Shift+S');
    expect(await hint.textContent()).toContain('Alt+Shift+G');
    await pressCommand(browser, page, 'flag-selection');
    await page.getByTestId('batch-toolbar').getByTestId('flag-reason').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('flag-summary').textContent()).toContain('3');
    // "Change shortcuts" from the page: the worker opens the browser's shortcuts page.
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await hint.getByTestId('change-shortcuts').click();
    const shortcutsPage = await opened;
    await expect.poll(() => shortcutsPage.url()).toBe('chrome://extensions/shortcuts');
    await shortcutsPage.close();
    await page.close();
  });

  it('"Flag this listing" on a link outside any card files what its URL says, once the form has the title and seller', async () => {
    const page = await browser.context.newPage();
    await page.goto('http://www.taobao.com/');
    await page.bringToFront();
    const link = page.locator('#lonely');
    // The content script runs on this page too: wait for its listener (its UI root is made on demand).
    const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
    await waitFor('the page to take the menu', async () => {
      await rightClick(page, link);
      await menuClick(browser, page, 'flag-link', href);
      return page.getByTestId('link-flag').count();
    }, 15_000, 500);
    const panel = page.getByTestId('link-flag');
    expect(await panel.getAttribute('data-from')).toBe('url');
    expect(await page.getByTestId('link-title').inputValue()).toBe('双肩包 新款 大容量');
    await fillAndSubmit(page);
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('Fill in the title and the seller');
    expect(sandbox.listCases().some((c) => c.itemId === LONE_ID)).toBe(false);
    await page.getByTestId('link-seller').fill('双肩包工厂店');
    await page.getByTestId('flag-submit').click();
    await panel.waitFor({ state: 'detached', timeout: 10_000 });
    await waitForCaptures(browser);
    const filed = await waitFor('the case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === LONE_ID));
    expect(filed.submission.listing.seller.name).toBe('双肩包工厂店');
    expect(filed.submission.listing.title).toBe('双肩包 新款 大容量');
    expect(filed.submission.listing.url).toBe(`https://item.taobao.com/item.htm?id=${LONE_ID}`);
    expect(filed.submission.evidence.some((e) => e.kind === 'screenshot')).toBe(true);
    await page.close();
  });

  it('the flag command on an item page opens its form with the keys shown, and once flagged asks first instead of filing again', async () => {
    const page = await browser.context.newPage();
    await page.goto(ITEM);
    await page.bringToFront();
    await page.getByTestId('flag-listing').waitFor({ timeout: 15_000 });
    await pressCommand(browser, page, 'flag-listing');
    await page.getByTestId('flag-reason').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('shortcut-hint').textContent()).toContain('Alt+Shift+F');
    await fillAndSubmit(page);
    await page.getByTestId('listing-status').waitFor({ timeout: 15_000 });
    await waitForCaptures(browser);
    await waitFor('the case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === ITEM_ID));

    await pressCommand(browser, page, 'flag-listing');
    await page.getByTestId('flag-again').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('flag-reason').count()).toBe(0);
    expect(sandbox.listCases().filter((c) => c.itemId === ITEM_ID)).toHaveLength(1);
    await page.close();
  });

  it('lists the shortcuts on the options page', async () => {
    const page = await browser.options();
    const row = (name: string) => page.locator(`[data-testid="shortcut"][data-command="${name}"]`);
    await expect.poll(() => row('flag-listing').getAttribute('data-shortcut')).toBe('Alt+Shift+F');
    expect(await row('toggle-selection').getAttribute('data-shortcut')).toBe('Alt+Shift+S');
    expect(await row('flag-selection').getAttribute('data-shortcut')).toBe('Alt+Shift+G');
    // "Change shortcuts" opens the browser's own shortcuts page.
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await page.getByTestId('change-shortcuts').click();
    const shortcutsPage = await opened;
    await expect.poll(() => shortcutsPage.url()).toBe('chrome://extensions/shortcuts');
    await shortcutsPage.close();
    await page.close();
  });
});
