import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { configureApi, waitFor } from './harness/flows.ts';

// The evidence shows the page as a visitor sees it, never our UI: the injected UI is painted
// in a colour nothing else on the page has, and no captured image (viewport, stitched full
// page, card shots) may hold a single pixel of it. The page also tries to force our host
// visible, as a hostile or careless page stylesheet could.
const ITEM_ID = '637145790668';
const MARK = [1, 254, 3] as const;
const MARK_CSS = `rgb(${MARK.join(',')})`;
const LONG_PAGE = readFileSync(path.resolve(import.meta.dirname, '../fixtures/taobao/item-ssr2025.html'), 'utf8').replace(
  '</body>',
  `<div style="height:2700px"></div><style>tdf-root { display: block !important; visibility: visible !important; opacity: 1 !important }</style></body>`,
);

const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

interface Ref {
  sha256: string;
  kind: string;
}

/** Paints every element of our UI in the mark colour (the open shadow root is reachable). */
async function markOurUi(page: Page): Promise<void> {
  await page.evaluate((colour) => {
    const root = document.querySelector('tdf-root')!.shadowRoot!;
    const style = document.createElement('style');
    style.textContent = `*, *::before, *::after { background: ${colour} !important; color: ${colour} !important; border-color: ${colour} !important; outline-color: ${colour} !important; box-shadow: none !important; }`;
    root.append(style);
  }, MARK_CSS);
}

/** How many pixels of a PNG have exactly the mark colour, decoded by Chromium. */
async function markedPixels(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(
    async ({ b64, mark }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === mark[0] && data[i + 1] === mark[1] && data[i + 2] === mark[2]) n++;
      return n;
    },
    { b64: png.toString('base64'), mark: MARK },
  );
}

describe('captures never show our own UI', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      routes: [
        { host: 'item.taobao.com', path: '/item.htm', query: { id: ITEM_ID }, html: LONG_PAGE },
        { host: 's.taobao.com', path: '/search', fixture: 'taobao/search-gen3.html' },
      ],
    });
    await (await configureApi(stack.browser, stack.sandbox.url, DEMO_TOKEN)).close();
  });
  afterAll(() => stack?.close());

  const images = (refs: Ref[]) => refs.filter((e) => e.kind === 'screenshot' || e.kind === 'screenshot_full');

  it('item page: neither the viewport nor the stitched full page holds a pixel of the open flag form', async () => {
    const { sandbox, browser } = stack;
    const page = await browser.context.newPage();
    // The listing's images, served: the capture waits for them and records none missing.
    await page.route('**://img.alicdn.com/**', (route) => route.fulfill({ contentType: 'image/png', body: PNG_1PX }));
    await page.goto(`http://item.taobao.com/item.htm?id=${ITEM_ID}`);
    await page.getByTestId('flag-listing').click();
    await page.getByTestId('flag-reason').selectOption('counterfeit');
    await page.getByTestId('flag-ip-right').selectOption(DEMO_TRADEMARK_ID);
    await page.getByTestId('flag-note').fill('Hang-tag copied.');
    await markOurUi(page);
    // The control: on screen, the form is there in the mark colour.
    expect(await markedPixels(page, await page.screenshot())).toBeGreaterThan(1000);

    await page.getByTestId('flag-submit').click();
    await page.getByTestId('listing-status').waitFor({ timeout: 30_000 });
    const filed = await waitFor('the case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === ITEM_ID));
    const shots = images(filed.submission.evidence as Ref[]);
    expect(shots.map((s) => s.kind).sort()).toEqual(['screenshot', 'screenshot_full']);
    for (const shot of shots) expect(await markedPixels(page, sandbox.evidence(shot.sha256)!.data), shot.kind).toBe(0);
    // The capture's context and completeness, as the manifest records them.
    const manifestRef = (filed.submission.evidence as Ref[]).find((e) => e.kind === 'capture_manifest')!;
    const manifest = JSON.parse(sandbox.evidence(manifestRef.sha256)!.data.toString('utf8'));
    expect(manifest.context).toMatchObject({
      extensionVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      browser: { name: expect.stringMatching(/Chrom/), version: expect.stringMatching(/^\d+\.\d+/) },
      uiLanguage: expect.stringMatching(/^[a-z]{2}/),
      page: { url: `http://item.taobao.com/item.htm?id=${ITEM_ID}`, finalUrl: `http://item.taobao.com/item.htm?id=${ITEM_ID}`, redirectCount: 0 },
      viewport: { width: 1280, height: 900, devicePixelRatio: 1 },
      clock: { local: expect.any(String), api: { date: expect.any(String), offsetMs: expect.any(Number) } },
      pageInFront: true,
    });
    // Every listing image was served (routed above): nothing showed a placeholder.
    expect(manifest.incomplete).toEqual([]);
    // And the UI is back for the user afterwards.
    expect(await markedPixels(page, await page.screenshot())).toBeGreaterThan(0);
    await page.close();
  });

  it('search page: neither the viewport nor any card shot holds a pixel of the select boxes, toolbar or form', async () => {
    const { sandbox, browser } = stack;
    const page = await browser.context.newPage();
    await page.goto('http://s.taobao.com/search?q=%E5%8F%8C%E8%82%A9%E5%8C%85&tab=all');
    const ids = await page.evaluate(() => [...document.querySelectorAll('a[id^="item_id_"][href*="item.taobao.com"]')].map((a) => a.id.slice('item_id_'.length)));
    const picked = [ids[0]!, ids.at(-1)!];
    for (const id of picked) {
      await page.evaluate((id) => document.getElementById(`item_id_${id}`)!.scrollIntoView({ block: 'center' }), id);
      await page.locator(`[data-testid="select-listing"][data-item-id="${id}"]`).click();
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('flag-selected').click();
    await page.getByTestId('flag-reason').selectOption('counterfeit');
    await page.getByTestId('flag-ip-right').selectOption(DEMO_TRADEMARK_ID);
    await markOurUi(page);
    expect(await markedPixels(page, await page.screenshot())).toBeGreaterThan(1000);

    await page.getByTestId('flag-submit').click();
    await page.locator(`[data-testid="listing-status"][data-item-id="${picked[0]}"]`).waitFor({ timeout: 30_000 });
    const cases = await waitFor('both cases', () => {
      const found = picked.map((id) => sandbox.listCases().find((c) => c.itemId === id));
      return found.every(Boolean) ? found : null;
    });
    const shots = [...new Map(cases.flatMap((c) => images(c!.submission.evidence as Ref[])).map((s) => [s.sha256, s])).values()];
    // The viewport, plus the far card's own shot.
    expect(shots.length).toBeGreaterThanOrEqual(2);
    for (const shot of shots) expect(await markedPixels(page, sandbox.evidence(shot.sha256)!.data), `${shot.kind} ${shot.sha256}`).toBe(0);
    await page.close();
  });
});
