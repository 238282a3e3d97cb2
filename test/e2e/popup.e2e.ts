import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import type { TakedownRecord } from '../../src/shared/model.ts';
import { makeRecord } from '../unit/records.ts';
import type { Browser } from './harness/extension.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { configureApi, flagOpenListing, seedRequests, waitFor, waitForCaptures } from './harness/flows.ts';

// The popup as a Chinese-speaking user meets it (Chromium launched with --lang=zh-CN), against
// the sandbox on a controlled clock: the sandbox's and the popup's clocks are set, so nothing
// here depends on the day or zone the suite runs in (the real day may be a weekend).

const T0 = Date.parse('2026-11-24T02:00:00.000Z'); // Tuesday 10:00 in Shanghai
const POPUP_NOW = T0 + 2 * 3600_000; // the popup looks after everything the sandbox did
const SHOTS = '/tmp/popup-shots';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const itemUrl = (id: string) => `http://item.taobao.com/item.htm?id=${id}&spm=a1z10.1`;
const routes = [{ host: 'item.taobao.com', path: '/item.htm', fixture: 'taobao/item-ssr2025.html' }];

/** axe-core in the page (evaluated over CDP, so the extension's CSP does not apply); serious and critical findings. */
async function axeFindings(page: Page, context?: 'injected'): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = await page.evaluate(async (ctx) => {
    const axe = (globalThis as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
    // On a marketplace page only our UI is ours to judge (the saved page has its own faults).
    const scope = ctx === 'injected' ? document.querySelector('tdf-root')! : document;
    const result = await axe.run(scope, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, context ?? null);
  return found;
}

async function openPopup(browser: Browser): Promise<Page> {
  const popup = await browser.popup();
  await popup.setViewportSize({ width: 440, height: 600 });
  await popup.getByTestId('queue-summary').waitFor();
  return popup;
}

const rowOf = (popup: Page, itemId: string) => popup.locator(`[data-testid="request-row"][data-item-id="${itemId}"]`);


describe('the popup in Chinese, against the sandbox', () => {
  let stack: Stack;
  let sandbox: Sandbox;
  let browser: Browser;
  let sbNow = T0;
  const caseOf = (itemId: string) => sandbox.listCases().find((c) => c.itemId === itemId);

  beforeAll(async () => {
    stack = await startStack({ routes, sandbox: { now: () => new Date(sbNow), rateLimitPerSecond: 1000 }, args: ['--lang=zh-CN'] });
    ({ sandbox, browser } = stack);
    await (await configureApi(browser, sandbox.url, DEMO_TOKEN)).close();
  });
  afterAll(() => stack?.close());

  it('rows move from queued to received to taken_down as the sandbox advances the case', async () => {
    const page = await browser.context.newPage();
    await page.goto(itemUrl('640000000001'));
    await browser.context.setOffline(true);
    await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID });
    await waitForCaptures(browser); // before the popup takes the front
    await browser.context.clock.install({ time: POPUP_NOW });
    const popup = await openPopup(browser);
    const row = rowOf(popup, '640000000001');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('queued');
    expect(await popup.locator('[data-testid="group-header"][data-group="queued"]').getAttribute('data-count')).toBe('1');
    expect(await row.getByTestId('sla-countdown').textContent()).toBe('尚未开始计时');
    expect(await popup.getByTestId('queue-summary').getAttribute('data-online')).toBe('false');

    await browser.context.setOffline(false);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 30_000 }).toBe('received');
    const filed = caseOf('640000000001')!;
    expect(await row.getByTestId('sla-countdown').getAttribute('data-due-at')).toBe(filed.slaDueAt);
    // Tuesday noon in Shanghai, due Wednesday 10:00: 22 business hours, in Chinese units.
    expect(await row.getByTestId('sla-countdown').textContent()).toMatch(/^剩余工作时间 2[12]小时\d+分钟\d+秒$/);
    expect(await row.getByTestId('sla-countdown').getAttribute('title')).toContain('Asia/Shanghai');

    sbNow = T0 + 30 * 60_000;
    sandbox.setCaseStatus(filed.caseId, 'taken_down');
    await popup.reload(); // the popup asks the worker for fresh statuses when it opens
    await expect.poll(() => rowOf(popup, '640000000001').getAttribute('data-state'), { timeout: 20_000 }).toBe('taken_down');
    expect(await popup.locator('[data-testid="group-header"][data-group="resolved"]').getAttribute('data-count')).toBe('1');
    await popup.close();
    await page.close();
  });

  it('a needs_info case answered from the popup reaches the sandbox exactly once and returns to in_review', async () => {
    const page = await browser.context.newPage();
    await page.goto(itemUrl('640000000002'));
    await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID });
    await waitForCaptures(browser); // before the popup takes the front
    const filed = await waitFor('the second case', () => caseOf('640000000002'));
    sbNow = T0 + 40 * 60_000;
    sandbox.setCaseStatus(filed.caseId, 'needs_info');
    const popup = await openPopup(browser);
    const row = rowOf(popup, '640000000002');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 20_000 }).toBe('needs_info');
    expect(await popup.locator('[data-testid="group-header"]').first().getAttribute('data-group')).toBe('needs_you');
    expect(await row.textContent()).toContain('联盟要求：Please send the registration certificate');
    await row.getByTestId('respond-open').click();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('respond-message');
    await popup.getByTestId('respond-message').fill('注册证书已附上，正品照片见附件。');
    await popup.getByTestId('respond-submit').click();
    await waitFor('the answer at the sandbox', () => (sandbox.getCase(filed.caseId)?.responses?.length ?? 0) > 0, 30_000);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 20_000 }).toBe('in_review');
    // Give a duplicate every chance to happen: another drain and a poll.
    await popup.getByTestId('send-now').isVisible();
    await popup.reload();
    await expect.poll(() => rowOf(popup, '640000000002').getAttribute('data-state'), { timeout: 20_000 }).toBe('in_review');
    const stored = sandbox.getCase(filed.caseId)!;
    expect(stored.responses).toHaveLength(1);
    expect(stored.responses![0]!.message).toBe('注册证书已附上，正品照片见附件。');
    expect(sandbox.calls.filter((c) => c.method === 'POST' && c.path.endsWith('/responses'))).toHaveLength(1);
    await popup.close();
    await page.close();
  });

  it('a counter_notice row shows respondBy, counting down in business time', async () => {
    const first = caseOf('640000000001')!;
    sbNow = T0 + 50 * 60_000;
    const c = sandbox.setCaseStatus(first.caseId, 'counter_notice')!;
    expect(c.respondBy).not.toBeNull();
    const popup = await openPopup(browser);
    const row = rowOf(popup, '640000000001');
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 20_000 }).toBe('counter_notice');
    const by = row.getByTestId('respond-by');
    expect(await by.getAttribute('data-respond-by')).toBe(c.respondBy);
    expect(await by.textContent()).toMatch(/^须在 .+ 工作时间内答复$/);
    expect(await row.getByTestId('respond-open').textContent()).toBe('答复反通知');
    await popup.close();
  });

  it('shows the good-faith figures of a forced history, and warns near the fast-lane line', async () => {
    const popup = await openPopup(browser);
    const extra = ['640000000003', '640000000004', '640000000005', '640000000006'].map((itemId) =>
      makeRecord({ listing: { itemId, url: itemUrl(itemId).replace('http:', 'https:').replace('&spm=a1z10.1', ''), title: `Example 双肩包 ${itemId}` }, ipRightId: DEMO_TRADEMARK_ID, flaggedAt: new Date(T0).toISOString() }),
    );
    await seedRequests(popup, extra);
    await popup.getByTestId('send-now').click();
    const cases = await waitFor('the seeded cases', () => {
      const found = extra.map((r) => caseOf(r.listing.itemId));
      return found.every(Boolean) ? found.map((x) => x!) : null;
    });
    sbNow = T0 + 60 * 60_000;
    sandbox.setCaseStatus(cases[0]!.caseId, 'taken_down');
    sandbox.setCaseStatus(cases[1]!.caseId, 'taken_down');
    sandbox.setCaseStatus(cases[2]!.caseId, 'rejected');
    sandbox.setCaseStatus(cases[3]!.caseId, 'reinstated');
    await popup.reload();
    const stats = popup.getByTestId('good-faith-stats');
    // Ended in the window: 2 taken down, 1 rejected, 1 reinstated (the first case is in counter_notice again).
    await expect.poll(() => stats.getAttribute('data-resolved'), { timeout: 20_000 }).toBe('4');
    expect(await stats.getAttribute('data-window')).toBe('90d');
    expect(await stats.getAttribute('data-success-rate')).toBe('0.5');
    expect(await stats.getAttribute('data-counter-notice-rate')).toBe('0.3333');
    expect(await stats.getAttribute('data-within-sla-rate')).toBe('1');
    expect(await popup.getByTestId('good-faith-warning').textContent()).toContain('快速通道有风险');
    await popup.getByTestId('stats-window').selectOption('7d');
    expect(await stats.getAttribute('data-window')).toBe('7d');

    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.screenshot({ path: `${SHOTS}/popup-zh_CN-${scheme}.png` });
    }
    await popup.close();
  });

  it('axe finds no serious or critical violation on the popup, options, welcome page and the injected UI (zh_CN)', async () => {
    const popup = await openPopup(browser);
    await popup.getByTestId('filters-toggle').click();
    expect(await axeFindings(popup)).toEqual([]);
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await axeFindings(popup)).toEqual([]);
    await popup.getByTestId('respond-open').first().click();
    expect(await axeFindings(popup)).toEqual([]);
    await popup.close();
    const options = await browser.options();
    expect(await axeFindings(options)).toEqual([]);
    await options.goto(`${options.url().split('#')[0]}#welcome`);
    expect(await axeFindings(options)).toEqual([]);
    await options.close();
    const page = await browser.context.newPage();
    await page.goto(itemUrl('640000000009'));
    await page.getByTestId('flag-listing').click();
    await page.getByTestId('flag-reason').waitFor();
    expect(await axeFindings(page, 'injected')).toEqual([]);
    await page.close();
  });

  it('opens a printable evidence report of a request: screenshot, URL, capture time, hashes and chain position, in Chinese', async () => {
    const popup = await openPopup(browser);
    const row = rowOf(popup, '640000000002');
    await row.waitFor();
    const [report] = await Promise.all([browser.context.waitForEvent('page'), row.getByTestId('open-report').click()]);
    await report.getByTestId('report-entry').waitFor({ timeout: 15_000 });
    const filed = caseOf('640000000002')!;
    const entry = report.getByTestId('report-entry');
    expect(await report.title()).toBe('证据报告');
    const text = (await entry.textContent()) ?? '';
    expect(text).toContain(filed.caseId);
    expect(text).toContain('https://item.taobao.com/item.htm?id=640000000002');
    for (const ref of filed.submission.evidence) expect(text).toContain(ref.sha256);
    // The second capture on this device: the first listing was captured before it.
    expect(await report.getByTestId('report-chain').textContent()).toContain('本设备哈希链中的第 2 次取证');
    await expect.poll(() => entry.locator('img.shot').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await axeFindings(report)).toEqual([]);
    await report.close();
    await popup.close();
  });
});

describe('the popup in English', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ routes, args: ['--lang=en-US'] });
    await (await configureApi(stack.browser, stack.sandbox.url, DEMO_TOKEN)).close();
  });
  afterAll(() => stack?.close());

  it('reads in English with the same hooks, passes axe in both themes, and is saved as screenshots', async () => {
    const { browser } = stack;
    await browser.context.clock.install({ time: Date.parse('2026-11-21T02:00:00.000Z') }); // a Saturday: clocks are paused
    const popup = await openPopup(browser);
    const sub = { state: 'submitted' as const, attempts: 1 };
    await seedRequests(popup, [
      makeRecord({ outbox: { state: 'attention', lastError: { code: 'unknown_ip_right', message: 'IP right ipr_x is not one of this member’s rights.' } } }),
      makeRecord({ caseId: 'TD-2026-000101', caseStatus: 'needs_info', slaDueAt: '2026-11-23T02:00:00.000Z', outbox: sub, resolution: { code: 'needs_info', message: 'Please send the registration certificate.' } }),
      makeRecord({ caseId: 'TD-2026-000102', caseStatus: 'counter_notice', respondBy: '2026-11-25T02:00:00.000Z', slaDueAt: '2026-11-20T02:00:00.000Z', outbox: sub }),
      makeRecord({ flaggedAt: '2026-11-21T01:00:00.000Z' }),
      makeRecord({ caseId: 'TD-2026-000103', caseStatus: 'in_review', slaDueAt: '2026-11-22T19:00:00.000Z', outbox: sub }),
      makeRecord({ caseId: 'TD-2026-000104', caseStatus: 'received', slaDueAt: '2026-11-24T02:00:00.000Z', outbox: sub, listing: { marketplace: 'lazada', url: 'https://www.lazada.co.th/products/x-i5.html' } }),
      makeRecord({ caseId: 'TD-2026-000105', caseStatus: 'taken_down', resolvedAt: '2026-11-20T09:00:00.000Z', decidedAt: '2026-11-20T09:00:00.000Z', slaDueAt: '2026-11-20T10:00:00.000Z', outbox: sub }),
    ]);
    const row = popup.locator('[data-testid="request-row"]').filter({ has: popup.locator('text=Case TD-2026-000103') });
    await expect.poll(() => row.getByTestId('sla-countdown').textContent()).toBe('3h 0m business time left · paused until Mon 00:00 (Asia/Shanghai)');
    const groups = () => popup.locator('[data-testid="group-header"]').evaluateAll((hs) => hs.map((h) => `${h.getAttribute('data-group')}:${h.getAttribute('data-count')}`));
    expect(await groups()).toEqual(['needs_you:3', 'queued:1', 'open:2']);
    // Only the rows in view are rendered: the resolved group comes into the list on scrolling.
    await popup.locator('.vlist').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect.poll(groups).toContain('resolved:1');
    await popup.locator('.vlist').evaluate((el) => el.scrollTo(0, 0));
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme: scheme });
      expect(await axeFindings(popup)).toEqual([]);
      await popup.screenshot({ path: `${SHOTS}/popup-en-${scheme}.png` });
    }
    const options = await browser.options();
    expect(await axeFindings(options)).toEqual([]);
    await options.goto(`${options.url().split('#')[0]}#welcome`);
    expect(await axeFindings(options)).toEqual([]);
    const page = await browser.context.newPage();
    await page.goto(itemUrl('640000000019'));
    await page.getByTestId('flag-listing').click();
    await page.getByTestId('flag-reason').waitFor();
    expect(await axeFindings(page, 'injected')).toEqual([]);
  });
});
