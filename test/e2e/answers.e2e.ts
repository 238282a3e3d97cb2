import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { unzipFiles } from '../../src/evidence/zip.ts';
import { verifyBundle } from '../../src/evidence/verify.ts';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import type { Browser } from './harness/extension.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { configureApi, flagOpenListing, stopServiceWorker, waitFor, waitForCaptures } from './harness/flows.ts';

// Answers to the alliance from the popup, as a brand rep writes them: with a fresh capture
// of the listing, with the worker stopped mid-send, and while the browser is offline. Each
// must reach the sandbox exactly once and bring the case back to in_review.
const itemUrl = (id: string) => `http://item.taobao.com/item.htm?id=${id}`;
const routes = [{ host: 'item.taobao.com', path: '/item.htm', fixture: 'taobao/item-ssr2025.html' }];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('answers to the alliance survive what browsers do', () => {
  let stack: Stack;
  let sandbox: Sandbox;
  let browser: Browser;
  const posts = (caseId: string) => sandbox.calls.filter((c) => c.method === 'POST' && c.path === `/v1/takedowns/${caseId}/responses`);

  beforeAll(async () => {
    stack = await startStack({ routes, sandbox: { rateLimitPerSecond: 1000 } });
    ({ sandbox, browser } = stack);
    await (await configureApi(browser, sandbox.url, DEMO_TOKEN)).close();
  });
  afterAll(() => stack?.close());

  /** A flagged listing whose case the alliance has put back to the member (needs_info). */
  async function needsInfo(itemId: string): Promise<string> {
    const page = await browser.context.newPage();
    await page.goto(itemUrl(itemId));
    await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID });
    await waitForCaptures(browser);
    await page.close();
    const filed = await waitFor('the case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === itemId));
    sandbox.setCaseStatus(filed.caseId, 'needs_info');
    return filed.caseId;
  }

  /** Opens the popup and the answer form of the item's row, with the message typed. */
  async function writeAnswer(itemId: string, message: string): Promise<{ popup: Page; row: ReturnType<Page['locator']> }> {
    const popup = await browser.popup();
    await popup.setViewportSize({ width: 440, height: 600 });
    const row = popup.locator(`[data-testid="request-row"][data-item-id="${itemId}"]`);
    await expect.poll(() => row.getAttribute('data-state').catch(() => null), { timeout: 20_000 }).toBe('needs_info');
    await row.getByTestId('respond-open').click();
    await popup.getByTestId('respond-message').fill(message);
    return { popup, row };
  }

  /** What the worker has stored for the item's answer. */
  const storedAnswer = async (itemId: string) =>
    (await browser.liveWorker()).evaluate(async (id) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('takedown-flagger');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = await new Promise<{ listing: { itemId: string }; answer?: { state: string; attempts: number; lastError: { code: string } | null } | null }[]>((resolve, reject) => {
        const req = database.transaction('requests').objectStore('requests').getAll();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      database.close();
      return all.find((r) => r.listing.itemId === id)?.answer ?? null;
    }, itemId);

  /** Moves the item's queued answer's next try `ms` ahead. */
  const putOffAnswer = async (itemId: string, ms: number) =>
    (await browser.liveWorker()).evaluate(
      async ([id, ahead]) => {
        const database = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('takedown-flagger');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = database.transaction('requests', 'readwrite');
          const all = tx.objectStore('requests').getAll();
          all.onsuccess = () => {
            const r = (all.result as { listing: { itemId: string }; answer: { nextAttemptAt: number; attempts: number } }[]).find((x) => x.listing.itemId === id)!;
            tx.objectStore('requests').put({ ...r, answer: { ...r.answer, nextAttemptAt: Date.now() + ahead } });
          };
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        database.close();
      },
      [itemId, ms] as const,
    );

  it('attaches a fresh capture of the listing, screenshot included, taken from a tab showing it', async () => {
    const itemId = '640000000101';
    const caseId = await needsInfo(itemId);
    const { popup, row } = await writeAnswer(itemId, 'The listing still uses our mark today: a fresh capture is attached.');
    await popup.getByTestId('respond-attach-page').click();
    await popup.getByTestId('respond-submit').click();
    const answer = await waitFor('the answer at the sandbox', () => sandbox.getCase(caseId)?.responses?.[0], 60_000);
    const shot = answer.evidence.find((e) => e.kind === 'screenshot');
    expect(shot, `evidence sent: ${JSON.stringify(answer.evidence.map((e) => e.kind))}`).toMatchObject({ mediaType: 'image/png' });
    const png = sandbox.evidence(shot!.sha256)!.data;
    expect([...png.subarray(0, 8)]).toEqual(PNG);
    // The listing's tab at the browser's size, not the popup's 440 px.
    expect(png.readUInt32BE(16)).toBeGreaterThan(600);
    expect(png.readUInt32BE(20)).toBeGreaterThan(300);
    // The archive made with it is of the listing's page.
    const archive = answer.evidence.find((e) => e.kind === 'page_archive');
    expect(sandbox.evidence(archive!.sha256)!.data.toString("latin1").slice(0, 600)).toContain(`item.htm?id=${itemId}`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 20_000 }).toBe('in_review');
    expect(posts(caseId).filter((c) => c.status === 202)).toHaveLength(1);
    expect(sandbox.getCase(caseId)!.responses).toHaveLength(1);
    // The tab opened for the capture is closed again.
    expect(browser.context.pages().filter((p) => p.url().includes(itemId))).toHaveLength(0);
    // The fresh capture has its manifest, chained after the flag's on this device's chain.
    const manifestRef = answer.evidence.find((e) => e.kind === 'capture_manifest')!;
    const manifest = JSON.parse(sandbox.evidence(manifestRef.sha256)!.data.toString('utf8'));
    const flagged = sandbox.getCase(caseId)!.submission.evidence.find((e) => e.kind === 'capture_manifest')!;
    expect(manifest.artifacts.map((a: { sha256: string }) => a.sha256)).toContain(shot!.sha256);
    expect(manifest.previousManifestSha256).toBe(flagged.sha256);
    // The request's evidence bundle holds the answer's capture, and verifies.
    const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 30_000 }), row.getByTestId('export-bundle').click()]);
    const files = unzipFiles(new Uint8Array(await readFile(await download.path())));
    expect([...files.keys()]).toContain(`manifests/${manifestRef.sha256}.json`);
    expect([...files.keys()].some((k) => k.startsWith(`evidence/${shot!.sha256}`))).toBe(true);
    const verified = await verifyBundle(files);
    expect(verified.ok, JSON.stringify(verified.failures)).toBe(true);
    // The printable report has the answer, the fresh screenshot and its hash.
    const report = await browser.open(`src/popup/report.html?ids=${await row.getAttribute('data-client-request-id')}`);
    const printed = report.getByTestId('report-answer');
    await expect.poll(() => printed.getAttribute('data-state').catch(() => null), { timeout: 15_000 }).toBe('sent');
    expect(await printed.textContent()).toContain(shot!.sha256);
    await expect.poll(() => printed.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth).catch(() => 0)).toBeGreaterThan(600);
    await report.close();
    await popup.close();
  });

  it('reaches the sandbox exactly once when the worker is stopped while sending it', async () => {
    const itemId = '640000000102';
    const caseId = await needsInfo(itemId);
    // The service records the answer, then its reply never comes: the worker is stopped waiting.
    sandbox.faults.push({ kind: 'hang', when: 'after', match: { method: 'POST', pathPrefix: `/v1/takedowns/${caseId}/responses` } });
    const { popup, row } = await writeAnswer(itemId, 'Certificate number 12345678, registered 2019.');
    await popup.getByTestId('respond-submit').click();
    await popup.getByTestId('respond-form').waitFor({ state: 'detached' });
    await waitFor('the answer recorded by the service', () => sandbox.getCase(caseId)?.responses?.length === 1, 15_000);
    await stopServiceWorker(browser);
    // A new worker, woken by itself (no click), sends it again with the same key.
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('in_review');
    expect(sandbox.getCase(caseId)!.responses).toHaveLength(1);
    const sent = posts(caseId);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent.map((c) => c.idempotencyKey)).size).toBe(1);
    expect((await storedAnswer(itemId))?.state).toBe('sent');
    await popup.close();
  });

  it('waits while the browser is offline and goes once it is back online, without a click', async () => {
    const itemId = '640000000103';
    const caseId = await needsInfo(itemId);
    const { popup, row } = await writeAnswer(itemId, 'Our distributor list is attached; this seller is not on it.');
    await browser.context.setOffline(true);
    try {
      await popup.getByTestId('respond-submit').click();
      await popup.getByTestId('respond-form').waitFor({ state: 'detached' });
      // The worker tried and could not reach the service: the answer waits, stored.
      await waitFor('a failed try while offline', async () => (await storedAnswer(itemId))?.lastError?.code === 'offline', 20_000);
      expect((await storedAnswer(itemId))?.state).toBe('queued');
      expect(await row.getAttribute('data-state')).toBe('needs_info');
      expect(posts(caseId)).toHaveLength(0);
      // Whatever its next try says (here: ten minutes away), it goes once the browser is online.
      await putOffAnswer(itemId, 10 * 60_000);
    } finally {
      await browser.context.setOffline(false);
    }
    // Back online: the worker's next look (at most OFFLINE_RECHECK_MS away) sends it.
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 20_000 }).toBe('in_review');
    expect(sandbox.getCase(caseId)!.responses).toHaveLength(1);
    expect(posts(caseId)).toHaveLength(1);
    await popup.close();
  });
});
