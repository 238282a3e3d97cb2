import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import { createSandbox, type Sandbox } from '../../sandbox/server.ts';
import { startFixtureServer } from './harness/fixture-server.ts';
import { launchFirefox, type FirefoxExtension } from './harness/firefox.ts';
import { waitFor } from './harness/flows.ts';
import { apiTarget, firstIpRight } from './harness/api-target.ts';
import { main as verifyBundleCli } from '../../src/cli/verify-bundle.ts';

// The Firefox build (dist-firefox/) in Debian's firefox-esr over WebDriver BiDi: the same
// fixture server and sandbox as the Chromium tests, one browser for the whole file.
const ITEM_ID = '637145790668';
// TDF_E2E_API_URL/TOKEN: the same flow against an integrator's own service (see README).
const target = apiTarget();

describe('Firefox: a Taobao listing flagged end to end', () => {
  let sandbox: Sandbox | undefined;
  let api: { url: string; token: string; ipRightId: string };
  let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
  let ff: FirefoxExtension;
  let item: Page;

  beforeAll(async () => {
    if (target.external) {
      api = { url: target.url!, token: target.token!, ipRightId: await firstIpRight(target.url!, target.token!) };
    } else {
      sandbox = await createSandbox({ testControls: true });
      api = { url: sandbox.url, token: DEMO_TOKEN, ipRightId: DEMO_TRADEMARK_ID };
    }
    fixtures = await startFixtureServer([{ host: 'item.taobao.com', path: '/item.htm', query: { id: ITEM_ID }, fixture: 'taobao/item-ssr2025.html' }]);
    ff = await launchFirefox({ fixturePort: fixtures.port });
  });

  const stack = () => sandbox!;

  afterAll(async () => {
    await ff?.close();
    await Promise.allSettled([sandbox?.close(), fixtures?.close()]);
  });

  it('connects to the API from the options page', async () => {
    const options = await ff.open(ff.manifest.options_ui.page);
    await options.locator('[data-testid="api-base-url"]').fill(api.url);
    await options.locator('[data-testid="api-token"]').fill(api.token);
    await options.locator('[data-testid="save-settings"]').click();
    const state = await waitFor('the connection test', () => options.$eval('[data-testid="connection-status"]', (el) => el.getAttribute('data-state')).then((s) => (s === 'ok' || s === 'error' ? s : null)), 15_000);
    expect(state).toBe('ok');
    await options.close();
  });

  it('flags the listing at its marketplace address with trusted clicks', async () => {
    item = await ff.browser.newPage();
    await item.goto(`http://item.taobao.com/item.htm?id=${ITEM_ID}&spm=a21n57.1.0.0`);
    // `>>>` reaches into our open shadow root; puppeteer's clicks are real input events.
    await waitFor('the flag button', () => item.evaluate(() => Boolean(document.querySelector('tdf-root')?.shadowRoot?.querySelector('[data-testid="flag-listing"]'))), 20_000).catch(async (e) => {
      throw new Error(`${e} ${await item.evaluate(() => document.querySelector('tdf-root')?.shadowRoot?.innerHTML.slice(0, 500) ?? 'no root')}`);
    });
    await item.locator('>>> [data-testid="flag-listing"]').click();
    await item.locator('>>> [data-testid="flag-ip-right"]').wait();
    await item.select('>>> [data-testid="flag-reason"]', 'counterfeit');
    await item.select('>>> [data-testid="flag-ip-right"]', api.ipRightId);
    await item.locator('>>> [data-testid="flag-note"]').fill('Copied logo, seen in Firefox.');
    await item.locator('>>> [data-testid="flag-submit"]').click();
    // The page shows the stored request; then the service's answer arrives.
    const state = () => item.evaluate(() => document.querySelector('tdf-root')?.shadowRoot?.querySelector('[data-testid="listing-status"]')?.getAttribute('data-state') ?? null);
    await waitFor('the listing marked as flagged', state, 20_000);
    // Its evidence is captured from this tab while it is in front: the user sees the status
    // leave "capturing" before opening the popup (which, in Firefox, takes the front as a tab).
    await waitFor('the capture finished', async () => ((await state()) !== 'capturing' ? true : null), 30_000);
  });

  // Needs the sandbox's test controls: what the service stored, byte for byte.
  it.skipIf(target.external)('the service holds the case and its evidence; the archive is HTML, and the capture manifest says why', async () => {
    const sandbox = stack();
    const filed = await waitFor('the case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === ITEM_ID), 30_000);
    expect(filed.marketplace).toBe('taobao');
    expect(filed.submission.listing.url).toBe(`https://item.taobao.com/item.htm?id=${ITEM_ID}`);
    expect(filed.submission.listing.title).toContain('Example 经典帆布双肩包');
    expect(filed.submission.note).toBe('Copied logo, seen in Firefox.');
    const kinds = filed.submission.evidence.map((e) => e.kind).sort();
    // Firefox has no pageCapture: the archive is the serialized HTML; screenshots still come.
    expect(kinds).toEqual(['capture_manifest', 'metadata', 'page_archive', 'screenshot', 'screenshot_full']);
    for (const ref of filed.submission.evidence) {
      const stored = sandbox.evidence(ref.sha256);
      expect(stored, ref.kind).toBeDefined();
      expect(createHash('sha256').update(stored!.data).digest('hex')).toBe(ref.sha256);
    }
    const archive = filed.submission.evidence.find((e) => e.kind === 'page_archive')!;
    expect(archive.mediaType).toBe('text/html');
    expect(sandbox.evidence(archive.sha256)!.data.toString('utf8')).toContain('Example 经典帆布双肩包');
    const manifest = JSON.parse(sandbox.evidence(filed.submission.evidence.find((e) => e.kind === 'capture_manifest')!.sha256)!.data.toString('utf8'));
    expect(JSON.stringify(manifest)).toContain('cannot save MHTML');
  });

  it('shows the case in the popup with its countdown, and exports an evidence bundle that verifies', async () => {
    const popup = await ff.open(ff.manifest.action.default_popup);
    const row = `[data-testid="request-row"][data-item-id="${ITEM_ID}"]`;
    // The service's answer (a case with its SLA due time) reached the popup.
    await waitFor('the row with its case and due time', () => popup.$eval(`${row} [data-testid="sla-countdown"]`, (el) => Boolean(el.getAttribute('data-due-at'))).catch(() => false), 30_000);
    if (sandbox) expect(await popup.$eval(row, (el) => el.getAttribute('data-state'))).toBe('received');
    const countdown = await popup.$eval(`${row} [data-testid="sla-countdown"]`, (el) => ({ due: el.getAttribute('data-due-at'), text: el.textContent ?? '' }));
    if (sandbox) expect(countdown.due).toBe(sandbox.listCases().find((c) => c.itemId === ITEM_ID)!.slaDueAt);
    else expect(Number.isNaN(Date.parse(countdown.due ?? ''))).toBe(false);
    // Whatever day the suite runs: time left, or the clock paused outside business hours.
    expect(countdown.text).toMatch(/left|paused/);
    // Firefox has no MHTML: the row says the archive is HTML, and why.
    expect(await popup.$eval(row, (el) => el.textContent ?? '')).toContain('cannot save MHTML');

    // The popup hands the bundle to an <a download> on a blob URL; keep the blob it makes.
    await popup.evaluate(() => {
      const made: Blob[] = ((window as unknown as { __bundles: Blob[] }).__bundles = []);
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (b: Blob | MediaSource) => (b instanceof Blob && made.push(b), create(b));
    });
    await popup.locator(`${row} [data-testid="export-bundle"]`).click();
    const base64 = await waitFor('the bundle', () =>
      popup.evaluate(async () => {
        const b = (window as unknown as { __bundles: Blob[] }).__bundles[0];
        if (!b) return null;
        const bytes = new Uint8Array(await b.arrayBuffer());
        let s = '';
        for (const x of bytes) s += String.fromCharCode(x);
        return btoa(s);
      }),
    );
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tdf-ffbundle-'));
    try {
      const zip = path.join(dir, 'bundle.zip');
      await writeFile(zip, Buffer.from(base64, 'base64'));
      let report = '';
      expect(await verifyBundleCli([zip], (t) => void (report += t)), report).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('asks again, with the reason, for a marketplace the user withdrew access to', async () => {
    // What about:addons' "Permissions" tab does when the user turns Taobao off (and the
    // access to all sites, which covers it, given here for the screenshots).
    const popup = await ff.open(ff.manifest.action.default_popup);
    const removed = await popup.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.remove({ origins: ['*://*.taobao.com/*', '<all_urls>'] }));
    expect(removed).toBe(true);
    const banner = '[data-testid="site-access-withdrawn"]';
    const text = await waitFor('the withdrawn-access banner', () => popup.$eval(banner, (el) => el.textContent ?? '').catch(() => null), 10_000);
    expect(text).toContain('taobao.com');
    expect(text).not.toContain('tmall.com');
    expect(text).toContain('button cannot appear');
    expect(await popup.$eval(`${banner} [data-testid="site-access-allow"]`, (el) => el.textContent)).toBe('Allow access again');
    await popup.close();
  });
});
