import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Sandbox } from '../../sandbox/server.ts';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import type { Browser } from './harness/extension.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { seedSettings, waitFor } from './harness/flows.ts';

const ITEM_ID = '637145790668';
const ITEM = `http://item.taobao.com/item.htm?id=${ITEM_ID}`;
const VIEWPORT_HEIGHT = 900; // launch()'s viewport

// The SSR 2025 item page with a long description (about four viewports), with coloured bands
// at known places in the page (absolute, so their page offsets do not depend on the layout)
// so the stitched image can be checked where each viewport's part lands.
const BANDS = [
  { top: 1200, rgb: [255, 0, 0] },
  { top: 2400, rgb: [0, 160, 0] },
] as const;
const LONG_PAGE = readFileSync(path.resolve(import.meta.dirname, '../fixtures/taobao/item-ssr2025.html'), 'utf8').replace(
  '</body>',
  `<div style="height:2700px"></div>${BANDS.map((b) => `<div style="position:absolute;left:0;width:100%;height:60px;top:${b.top}px;background:rgb(${b.rgb.join(',')})"></div>`).join('')}</body>`,
);

interface Evidence {
  sha256: string;
  kind: string;
  mediaType: string;
  bytes: number;
}

const pngHeight = (data: Buffer) => data.readUInt32BE(20);

/** The colour of one pixel of a PNG, decoded by the browser. */
async function pixels(page: Page, png: Buffer, points: [number, number][]): Promise<number[][]> {
  return page.evaluate(
    async ({ b64, points }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      return points.map(([x, y]) => [...ctx.getImageData(x, y, 1, 1).data].slice(0, 3));
    },
    { b64: png.toString('base64'), points },
  );
}

async function flagOnPage(page: Page, note: string): Promise<{ wallMs: number; scrollBefore: number }> {
  await page.getByTestId('flag-listing').click();
  await page.getByTestId('flag-reason').selectOption('counterfeit');
  await page.getByTestId('flag-ip-right').selectOption(DEMO_TRADEMARK_ID);
  await page.getByTestId('flag-note').fill(note);
  const scrollBefore = await page.evaluate(() => window.scrollY);
  const started = Date.now();
  await page.getByTestId('flag-submit').click();
  await page.getByTestId('listing-status').waitFor({ timeout: 30_000 });
  return { wallMs: Date.now() - started, scrollBefore };
}

/** Bytes of evidence stored in the extension's IndexedDB, and how many requests they serve. */
async function storage(browser: Browser): Promise<{ evidenceBytes: number; requests: number }> {
  return (await browser.liveWorker()).evaluate(
    () =>
      new Promise<{ evidenceBytes: number; requests: number }>((resolve, reject) => {
        const open = indexedDB.open('takedown-flagger');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['evidence', 'requests']);
          const all = tx.objectStore('evidence').getAll();
          const count = tx.objectStore('requests').count();
          tx.oncomplete = () => {
            resolve({ evidenceBytes: (all.result as { bytes: number }[]).reduce((n, e) => n + e.bytes, 0), requests: count.result });
            open.result.close();
          };
        };
      }),
  );
}

function setUp(grantAllUrls: boolean) {
  const s = {} as { sandbox: Sandbox; browser: Browser };
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startStack({
      grantAllUrls,
      routes: [
        { host: 'item.taobao.com', path: '/item.htm', query: { id: ITEM_ID }, html: LONG_PAGE },
        { host: 's.taobao.com', path: '/search', fixture: 'taobao/search-gen3.html' },
      ],
    });
    Object.assign(s, { sandbox: stack.sandbox, browser: stack.browser });
  });
  afterAll(() => stack?.close());
  return s;
}

describe('evidence of an item page several viewports long', () => {
  const s = setUp(true);

  it('holds a stitched full-page screenshot listed in the capture manifest, and the user stays where they were', async () => {
    await seedSettings(s.browser, s.sandbox.url, DEMO_TOKEN);
    const page = await s.browser.context.newPage();
    await page.goto(ITEM);
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(pageHeight).toBeGreaterThanOrEqual(2 * VIEWPORT_HEIGHT);
    await page.evaluate(() => window.scrollTo(0, 500));

    const { wallMs, scrollBefore } = await flagOnPage(page, 'Full-page evidence.');
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('tdf-root')!).visibility)).toBe('visible');

    const filed = await waitFor('the case at the sandbox', () => s.sandbox.listCases().find((c) => c.itemId === ITEM_ID));
    const evidence = filed.submission.evidence as Evidence[];
    expect(evidence.map((e) => e.kind).sort()).toEqual(['capture_manifest', 'metadata', 'page_archive', 'screenshot', 'screenshot_full']);
    const full = evidence.find((e) => e.kind === 'screenshot_full')!;
    const fullPng = s.sandbox.evidence(full.sha256)!.data;
    expect(full.mediaType).toBe('image/png');
    expect(pngHeight(fullPng)).toBeGreaterThan(VIEWPORT_HEIGHT);
    expect(pngHeight(fullPng)).toBe(pageHeight); // device pixel ratio 1 here
    expect(pngHeight(s.sandbox.evidence(evidence.find((e) => e.kind === 'screenshot')!.sha256)!.data)).toBe(VIEWPORT_HEIGHT);

    // Each band is where the page has it: the parts were cropped and placed right.
    const colours = await pixels(page, fullPng, BANDS.map((b) => [200, b.top + 30]));
    for (const [i, band] of BANDS.entries()) for (const [c, v] of band.rgb.entries()) expect(Math.abs(colours[i]![c]! - v)).toBeLessThan(8);

    const manifest = JSON.parse(s.sandbox.evidence(evidence.find((e) => e.kind === 'capture_manifest')!.sha256)!.data.toString('utf8'));
    expect(manifest.artifacts.map((a: Evidence) => a.sha256)).toContain(full.sha256);
    expect(manifest.capture.fullPage).toMatchObject({ sha256: full.sha256, viewports: Math.ceil(pageHeight / VIEWPORT_HEIGHT), truncated: false, sameAsViewport: false });
    expect(manifest.capture.viewport).toMatchObject({ scrollY: scrollBefore });
    expect(manifest.capture.archive.format).toBe('mhtml');

    const stored = await storage(s.browser);
    console.log(
      `[capture] item page ${pageHeight} px tall (${manifest.capture.fullPage.viewports} viewports): capture ${manifest.capture.durationMs} ms in the worker, ` +
        `${wallMs} ms from the submit click to the status; ${stored.evidenceBytes} evidence bytes for ${stored.requests} request(s) ` +
        `= ${Math.round(stored.evidenceBytes / stored.requests)} bytes per flagged listing ` +
        `(${evidence.map((e) => `${e.kind} ${e.bytes}`).join(', ')})`,
    );
    await page.close();
  });

  it('captures each flagged card of a search page in a screenshot that shows it, with its rectangle', async () => {
    const page = await s.browser.context.newPage();
    await page.goto('http://s.taobao.com/search?q=%E5%8F%8C%E8%82%A9%E5%8C%85&tab=all');
    const ids = await page.evaluate(() => [...document.querySelectorAll('a[id^="item_id_"][href*="item.taobao.com"]')].map((a) => a.id.slice('item_id_'.length)));
    const [near, far] = [ids[0]!, ids.at(-1)!];
    const select = async (id: string) => {
      await page.evaluate((id) => document.getElementById(`item_id_${id}`)!.scrollIntoView({ block: 'center' }), id);
      await page.locator(`[data-testid="select-listing"][data-item-id="${id}"]`).click();
    };
    await select(far);
    await select(near);
    await page.evaluate(() => window.scrollTo(0, 0));
    const farTop = await page.evaluate((id) => document.getElementById(`item_id_${id}`)!.getBoundingClientRect().top + window.scrollY, far);
    expect(farTop).toBeGreaterThan(2 * VIEWPORT_HEIGHT);

    const before = await storage(s.browser);
    await page.getByTestId('flag-selected').click();
    await page.getByTestId('flag-reason').selectOption('counterfeit');
    await page.getByTestId('flag-ip-right').selectOption(DEMO_TRADEMARK_ID);
    const started = Date.now();
    await page.getByTestId('flag-submit').click();
    await page.locator(`[data-testid="listing-status"][data-item-id="${near}"]`).waitFor({ timeout: 30_000 });
    const wallMs = Date.now() - started;
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    const cases = await waitFor('both cases', () => {
      const found = [near, far].map((id) => s.sandbox.listCases().find((c) => c.itemId === id));
      return found.every(Boolean) ? found : null;
    });
    const json = (sha: string) => JSON.parse(s.sandbox.evidence(sha)!.data.toString('utf8'));
    const shots = cases.map((c) => {
      const evidence = c!.submission.evidence as Evidence[];
      const meta = json(evidence.find((e) => e.kind === 'metadata')!.sha256);
      expect(meta.screenshot, `card ${c!.itemId}`).toMatchObject({ fullyVisible: true });
      expect(evidence.map((e) => e.sha256)).toContain(meta.screenshot.sha256);
      const png = s.sandbox.evidence(meta.screenshot.sha256)!.data;
      const { rectDevice } = meta.screenshot;
      expect(rectDevice.y + rectDevice.height).toBeLessThanOrEqual(pngHeight(png));
      return meta.screenshot;
    });
    expect(shots[0].sha256).not.toBe(shots[1].sha256);
    expect(shots[0].scrollY).toBe(0);
    // The far card's rectangle is where the page has it at the capture's scroll position.
    expect(Math.abs(shots[1].scrollY + shots[1].rectCss.y - farTop)).toBeLessThan(2);

    const manifest = json((cases[0]!.submission.evidence as Evidence[]).find((e) => e.kind === 'capture_manifest')!.sha256);
    expect(manifest.capture.cards.map((c: { itemId: string }) => c.itemId).sort()).toEqual([near, far].sort());
    const after = await storage(s.browser);
    console.log(
      `[capture] search page, 2 cards ${Math.round(farTop)} px apart: capture ${manifest.capture.durationMs} ms in the worker, ${wallMs} ms from the submit click to the status; ` +
        `${Math.round((after.evidenceBytes - before.evidenceBytes) / (after.requests - before.requests))} evidence bytes per flagged listing`,
    );
    await page.close();
  });
});

describe('evidence without the screenshot permission', () => {
  const s = setUp(false);

  it('opens the welcome page on install, asking for the permission with the reason', async () => {
    const welcome = await waitFor('the welcome tab', () => s.browser.context.pages().find((p) => p.url().endsWith('#welcome')), 10_000);
    await welcome.getByTestId('welcome').waitFor();
    // data-granted is empty while the browser is asked (the section renders before the answer).
    await expect.poll(() => welcome.getByTestId('screenshot-permission').getAttribute('data-granted'), { timeout: 10_000 }).toBe('false');
    expect(await welcome.getByTestId('grant-screenshots').isVisible()).toBe(true);
    await welcome.close();
  });

  it('flags with the archive and metadata, and the popup says the screenshot is missing and why', async () => {
    await seedSettings(s.browser, s.sandbox.url, DEMO_TOKEN);
    const page = await s.browser.context.newPage();
    await page.goto(ITEM);
    const { wallMs } = await flagOnPage(page, 'No permission.');

    const filed = await waitFor('the case at the sandbox', () => s.sandbox.listCases().find((c) => c.itemId === ITEM_ID));
    const evidence = filed.submission.evidence as Evidence[];
    expect(evidence.map((e) => e.kind).sort()).toEqual(['capture_manifest', 'metadata', 'page_archive']);

    const popup = await s.browser.popup();
    const row = popup.locator(`[data-testid="request-row"][data-item-id="${ITEM_ID}"]`);
    await expect.poll(() => row.textContent(), { timeout: 15_000 }).toMatch(/No screenshot: the extension is not allowed to capture pages/);
    const stored = await storage(s.browser);
    console.log(`[capture] without <all_urls>: ${wallMs} ms from the submit click to the status; ${Math.round(stored.evidenceBytes / stored.requests)} evidence bytes per flagged listing`);
  });
});
