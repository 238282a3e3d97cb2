import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { flagOpenListing, waitFor, waitForCaptures } from './harness/flows.ts';

// Trusted timestamps end to end (shared/spec/timestamps.md): the sandbox's TSA configured on
// the options page, a flag, the bundle from the popup, and the checks a court expert runs.
const ROOT = path.resolve(import.meta.dirname, '../..');
const ITEM_ID = '637145790668';
const SECOND_ITEM_ID = '600000000777';
const THIRD_ITEM_ID = '652233445566';
const FOURTH_ITEM_ID = '640000000999';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }));
  });
}

async function exportBundle(stack: Stack, itemId: string): Promise<Uint8Array> {
  const popup = await stack.browser.popup();
  const row = popup.locator(`[data-testid="request-row"][data-item-id="${itemId}"]`);
  await row.waitFor({ timeout: 15_000 });
  const [download] = await Promise.all([popup.waitForEvent('download', { timeout: 30_000 }), row.getByTestId('export-bundle').click()]);
  const bytes = new Uint8Array(await readFile(await download.path()));
  await popup.close();
  return bytes;
}

/** The row's trusted-timestamp line once it reads `state` (stamped, owed, failed, none). */
async function stampLine(stack: Stack, itemId: string, state: string): Promise<{ text: string; at: string; clientRequestId: string }> {
  const popup = await stack.browser.popup();
  const row = popup.locator(`[data-testid="request-row"][data-item-id="${itemId}"]`);
  const line = row.getByTestId('timestamp-state');
  await expect.poll(() => line.getAttribute('data-state').catch(() => null), { timeout: 15_000 }).toBe(state);
  const seen = { text: (await line.textContent()) ?? '', at: (await line.getAttribute('data-at')) ?? '', clientRequestId: (await row.getAttribute('data-client-request-id')) ?? '' };
  await popup.close();
  return seen;
}

async function flag(stack: Stack, itemId: string): Promise<void> {
  const page: Page = await stack.browser.context.newPage();
  await page.goto(`http://item.taobao.com/item.htm?id=${itemId}`);
  await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID });
  // The evidence is captured from the tab after the flag is stored: the user sees the status
  // leave "capturing" before closing it (a tab closed sooner is sent with the gap said).
  await waitForCaptures(stack.browser);
  await page.close();
}

describe('trusted timestamps on every capture', () => {
  let stack: Stack;
  let work: string;
  let root: string;

  beforeAll(async () => {
    stack = await startStack({
      routes: [
        { host: 'item.taobao.com', path: '/item.htm', query: { id: ITEM_ID }, fixture: 'taobao/item-ssr2025.html' },
        { host: 'item.taobao.com', path: '/item.htm', query: { id: SECOND_ITEM_ID }, fixture: 'taobao/item-formula.html' },
        { host: 'item.taobao.com', path: '/item.htm', query: { id: THIRD_ITEM_ID }, fixture: 'taobao/item-react2022.html' },
        { host: 'item.taobao.com', path: '/item.htm', query: { id: FOURTH_ITEM_ID }, fixture: 'taobao/item-ssr2025.html' },
      ],
    });
    work = await mkdtemp(path.join(os.tmpdir(), 'tdf-stamps-'));
    root = await stack.sandbox.tsaRootPath();
    // The options page as a user fills it: the API, and the sandbox TSA in tsa-urls.
    const options = await stack.browser.options();
    await options.getByTestId('api-base-url').fill(stack.sandbox.url);
    await options.getByTestId('api-token').fill(DEMO_TOKEN);
    await options.getByTestId('tsa-urls').fill(stack.sandbox.tsaUrl);
    await options.getByTestId('save-settings').click();
    await waitFor('a working connection', async () => (await options.getByTestId('connection-status').getAttribute('data-state')) === 'ok', 15_000);
    await options.close();
  });

  afterAll(async () => {
    await stack?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('stamps the capture manifest, sends the token with the request, and the bundle passes openssl ts -verify and verify-bundle --tsa-ca', async () => {
    const { sandbox } = stack;
    await flag(stack, ITEM_ID);
    const filed = await waitFor('the case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === ITEM_ID));
    const manifest = filed.submission.evidence.find((e) => e.kind === 'capture_manifest')!;
    const sent = filed.submission.evidence.find((e) => e.kind === 'timestamp_token');
    expect(sent, 'the token rode with the request').toBeDefined();
    expect(sent!.mediaType).toBe('application/timestamp-reply');
    expect(sha256(sandbox.evidence(sent!.sha256)!.data)).toBe(sent!.sha256);

    const zip = await exportBundle(stack, ITEM_ID);
    const files = unzipSync(zip);
    const tsr = `timestamps/${manifest.sha256}.tsr`;
    // The listing's images are not served here: the manifest says so rather than pass as complete.
    const recorded = JSON.parse(new TextDecoder().decode(files[`manifests/${manifest.sha256}.json`]));
    expect(recorded.incomplete).toContainEqual({ what: 'image', detail: expect.stringContaining('img.alicdn.com') });
    expect(sha256(files[tsr]!)).toBe(sent!.sha256);
    const dir = path.join(work, 'first');
    for (const [name, data] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), data);
    }
    expect(new TextDecoder().decode(files['README.txt'])).toContain(`openssl ts -verify -data manifests/${manifest.sha256}.json -in ${tsr} -CAfile`);

    const openssl = await run('openssl', ['ts', '-verify', '-data', `manifests/${manifest.sha256}.json`, '-in', tsr, '-CAfile', root], dir);
    expect(openssl.out).toContain('Verification: OK');
    expect(openssl.code).toBe(0);
    const shown = await run('openssl', ['ts', '-reply', '-in', tsr, '-text'], dir);
    expect(shown.out).toContain('Status: Granted.');
    // The stamped hash is the manifest's (openssl prints it as hex bytes, 8 and 8 with a dash).
    expect(shown.out.replace(/\s/g, '')).toContain(`${manifest.sha256.slice(0, 16)}-${manifest.sha256.slice(16, 32)}`);

    const zipPath = path.join(work, 'stamped.zip');
    await writeFile(zipPath, zip);
    const verified = await run('npx', ['tsx', 'src/cli/verify-bundle.ts', zipPath, '--tsa-ca', root], ROOT);
    expect(verified.out).toContain(`timestamp: ${tsr}`);
    expect(verified.out).toContain('by CN=Sandbox TSA');
    expect(verified.code).toBe(0);

    // One byte of the token changed (SHA256SUMS rewritten to match, as a forger would).
    const token = files[tsr]!.slice();
    token[token.length - 1] = token[token.length - 1]! ^ 0x01;
    const sums = new TextDecoder().decode(files.SHA256SUMS).replace(`${sha256(files[tsr]!)}  ${tsr}`, `${sha256(token)}  ${tsr}`);
    const forged = path.join(work, 'forged.zip');
    await writeFile(forged, zipSync({ ...files, [tsr]: token, SHA256SUMS: new TextEncoder().encode(sums) }));
    const rejected = await run('npx', ['tsx', 'src/cli/verify-bundle.ts', forged, '--tsa-ca', root], ROOT);
    expect(rejected.out).toContain(`FAIL ${tsr}: is not a valid timestamp`);
    expect(rejected.code).toBe(1);
  });

  it('with the TSA answering 503, the flag reaches the API at once and the stamp arrives after the TSA recovers', async () => {
    const { sandbox } = stack;
    sandbox.faults.push({ kind: 'status', status: 503, match: { pathPrefix: '/tsa' }, times: 1 });
    const from = sandbox.calls.length;
    await flag(stack, SECOND_ITEM_ID);
    const filed = await waitFor('the case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === SECOND_ITEM_ID), 15_000);
    expect(filed.submission.evidence.map((e) => e.kind)).not.toContain('timestamp_token');
    const calls = () => sandbox.calls.slice(from);
    const submitted = calls().findIndex((c) => c.path === '/v1/takedowns' && c.method === 'POST' && c.status === 202);
    expect(calls().find((c) => c.path === '/tsa')).toMatchObject({ status: 503 });
    // Sent before any stamp was granted: a TSA that is down holds nothing back.
    expect(calls().slice(0, submitted).some((c) => c.path === '/tsa' && c.status === 200)).toBe(false);

    // The worker tries again on its own (backoff and alarm) and keeps the token locally.
    await waitFor('a granted stamp after the TSA recovered', () => calls().some((c) => c.path === '/tsa' && c.status === 200), 40_000);
    const manifest = filed.submission.evidence.find((e) => e.kind === 'capture_manifest')!;
    const files = await waitFor('the token in the bundle', async () => {
      const f = unzipSync(await exportBundle(stack, SECOND_ITEM_ID));
      return f[`timestamps/${manifest.sha256}.tsr`] ? f : null;
    }, 15_000);
    const dir = path.join(work, 'second');
    await mkdir(path.join(dir, 'manifests'), { recursive: true });
    await mkdir(path.join(dir, 'timestamps'), { recursive: true });
    await writeFile(path.join(dir, `manifests/${manifest.sha256}.json`), files[`manifests/${manifest.sha256}.json`]!);
    await writeFile(path.join(dir, `timestamps/${manifest.sha256}.tsr`), files[`timestamps/${manifest.sha256}.tsr`]!);
    const openssl = await run('openssl', ['ts', '-verify', '-data', `manifests/${manifest.sha256}.json`, '-in', `timestamps/${manifest.sha256}.tsr`, '-CAfile', root], dir);
    expect(openssl.out).toContain('Verification: OK');
  });

  it('keeps asking across a browser restart: a stamp owed when the browser closed arrives after it starts again', async () => {
    const { sandbox } = stack;
    sandbox.faults.push({ kind: 'status', status: 503, match: { pathPrefix: '/tsa' }, times: 1_000 });
    const from = sandbox.calls.length;
    await flag(stack, THIRD_ITEM_ID);
    await waitFor('a refused stamp', () => sandbox.calls.slice(from).some((c) => c.path === '/tsa' && c.status === 503), 15_000);
    const owed = async () =>
      (await stack.browser.liveWorker()).evaluate(
        () =>
          new Promise<{ pending: number; stamped: number }>((resolve, reject) => {
            const open = indexedDB.open('takedown-flagger');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const all = open.result.transaction('stamps').objectStore('stamps').getAll();
              all.onsuccess = () => {
                const jobs = all.result as { state: string }[];
                resolve({ pending: jobs.filter((j) => j.state === 'pending').length, stamped: jobs.filter((j) => j.state === 'stamped').length });
                open.result.close();
              };
            };
          }),
      );
    expect((await owed()).pending).toBe(1);
    // The popup says the stamp is owed, why, and when it is tried next.
    const owedLine = await stampLine(stack, THIRD_ITEM_ID, 'owed');
    expect(owedLine.text).toContain('HTTP 503');
    expect(Date.parse(owedLine.at)).toBeGreaterThan(Date.now() - 60_000);

    await stack.restartBrowser();
    sandbox.faults.clear(); // the TSA is back
    await waitFor('the owed stamp after the restart', async () => (await owed()).pending === 0, 40_000);
    expect((await owed()).stamped).toBe(3);
    // Stamped now: the row names the TSA and its time, the report prints the token beside the manifest.
    const stamped = await stampLine(stack, THIRD_ITEM_ID, 'stamped');
    expect(stamped.text).toContain('Sandbox TSA');
    const report = await stack.browser.open(`src/popup/report.html?ids=${stamped.clientRequestId}`);
    const block = report.getByTestId('report-timestamp');
    await expect.poll(() => block.getAttribute('data-state'), { timeout: 15_000 }).toBe('stamped');
    const printed = (await block.textContent()) ?? '';
    expect(printed).toContain('CN=Sandbox TSA');
    expect(printed).toContain(stamped.at);
    expect(printed).toMatch(/[0-9a-f]{64}[\s\S]*[0-9a-f]{64}/); // the manifest's hash, then the token's
    await report.close();
  });

  it('says when the stamp was given up and why, and stamps the capture when the user says "timestamp again"', async () => {
    const { sandbox } = stack;
    sandbox.faults.push({ kind: 'status', status: 503, match: { pathPrefix: '/tsa' }, times: 1_000 });
    const from = sandbox.calls.length;
    await flag(stack, FOURTH_ITEM_ID);
    await waitFor('a refused stamp', () => sandbox.calls.slice(from).some((c) => c.path === '/tsa' && c.status === 503), 15_000);
    // A week of refusals later (the policy's count is unit-tested on a fixed clock): given up.
    await (await stack.browser.liveWorker()).evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('takedown-flagger');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('stamps', 'readwrite');
            const all = tx.objectStore('stamps').getAll();
            all.onsuccess = () => {
              for (const j of all.result as { state: string; lastError: string }[]) {
                if (j.state === 'pending') tx.objectStore('stamps').put({ ...j, state: 'failed', failures: 40, failedAt: new Date().toISOString() });
              }
            };
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    sandbox.faults.clear(); // the TSA works again
    const popup = await stack.browser.popup();
    const row = popup.locator(`[data-testid="request-row"][data-item-id="${FOURTH_ITEM_ID}"]`);
    const line = row.getByTestId('timestamp-state');
    await expect.poll(() => line.getAttribute('data-state').catch(() => null), { timeout: 15_000 }).toBe('failed');
    expect(await line.textContent()).toContain('HTTP 503');
    const asked = sandbox.calls.filter((c) => c.path === '/tsa').length;
    await row.getByTestId('timestamp-retry').click();
    await expect.poll(() => line.getAttribute('data-state'), { timeout: 15_000 }).toBe('stamped');
    expect(sandbox.calls.filter((c) => c.path === '/tsa').length).toBe(asked + 1);
    await expect.poll(() => row.getByTestId('timestamp-retry').count()).toBe(0);
    await popup.close();
  });
});
