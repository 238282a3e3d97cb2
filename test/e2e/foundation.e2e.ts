import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import type { Browser } from './harness/extension.ts';
import { startStack, type Stack } from './harness/stack.ts';
import { configureApi, waitFor } from './harness/flows.ts';
import { apiTarget, firstIpRight } from './harness/api-target.ts';

const ITEM_ID = '637145790668';
// TDF_E2E_API_URL/TOKEN: the same flow against an integrator's own service (see README);
// what only the sandbox can show (the case and evidence it stored) is then left out.
const target = apiTarget();

describe('one Taobao listing, flagged end to end', () => {
  let stack: Stack;
  let sandbox: Sandbox;
  let browser: Browser;
  let api: { url: string; token: string; ipRightId: string };

  beforeAll(async () => {
    stack = await startStack({ routes: [{ host: 'item.taobao.com', path: '/item.htm', query: { id: ITEM_ID }, fixture: 'taobao/item-ssr2025.html' }] });
    ({ sandbox, browser } = stack);
    api = target.external
      ? { url: target.url!, token: target.token!, ipRightId: await firstIpRight(target.url!, target.token!) }
      : { url: sandbox.url, token: DEMO_TOKEN, ipRightId: DEMO_TRADEMARK_ID };
  });

  afterAll(() => stack?.close());

  it('configures the API from the options page and offers the IP rights of /v1/me', async () => {
    const options = await configureApi(browser, api.url, api.token);
    if (!target.external) await expect.poll(() => options.getByTestId('connection-status').textContent()).toContain('Demo Brand Ltd.');
    const values = await options.getByTestId('default-ip-right').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(values).toContain(api.ipRightId);
    await options.close();
  });

  it('flags the listing with a trusted click, files it at the service, and counts down in the popup', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://item.taobao.com/item.htm?id=${ITEM_ID}&spm=a21n57.1.0.0&scm=1007.123`);
    await page.getByTestId('flag-listing').click();
    await page.getByTestId('flag-reason').selectOption('counterfeit');
    await page.getByTestId('flag-ip-right').selectOption(api.ipRightId);
    await page.getByTestId('flag-note').fill('Logo and hang-tag copied; price far below RRP.');
    await page.getByTestId('flag-submit').click();

    const status = page.getByTestId('listing-status');
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 15_000 }).toMatch(/^(queued|sending|received)$/);

    if (!target.external) await expectFiledAtSandbox(sandbox);

    // The page learns the service has the request.
    await page.reload();
    await expect.poll(() => page.getByTestId('listing-status').getAttribute('data-state'), { timeout: 15_000 }).toBe('received');
    const slaDueAt = target.external ? await dueAtInPopup(browser) : sandbox.listCases().find((c) => c.itemId === ITEM_ID)!.slaDueAt!;

    // The popup runs on a controlled clock, so what the countdown shows never depends on the day
    // the suite runs (at a weekend the real clock is paused and shows days). The instant just
    // before a deadline is always business time: the deadline is business time added to receipt.
    const due = Date.parse(slaDueAt);
    await browser.context.clock.install({ time: due - 60_000 });
    const popup = await browser.popup();
    const row = popup.locator(`[data-testid="request-row"][data-item-id="${ITEM_ID}"]`);
    await expect.poll(() => row.getAttribute('data-state'), { timeout: 15_000 }).toBe('received');
    const countdown = row.getByTestId('sla-countdown');
    await expect.poll(() => countdown.getAttribute('data-due-at')).toBe(slaDueAt);
    await popup.clock.pauseAt(due - 30_000);
    await popup.clock.runFor(1_000);
    await expect.poll(() => countdown.textContent()).toBe('29s business time left');
    await popup.clock.runFor(2_000);
    await expect.poll(() => countdown.textContent()).toBe('27s business time left');
    expect(await countdown.getAttribute('data-tone')).toBe('amber');
    expect(await popup.getByTestId('queue-summary').getAttribute('data-queued')).toBe('0');
  });

  /** What only our sandbox can show: the case exactly as the page showed it, and its evidence. */
  async function expectFiledAtSandbox(sandbox: Sandbox) {
    const filed = await waitFor('the case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === ITEM_ID));
    const listing = filed.submission.listing;
    expect(filed.marketplace).toBe('taobao');
    expect(listing.itemId).toBe(ITEM_ID);
    expect(listing.url).toBe(`https://item.taobao.com/item.htm?id=${ITEM_ID}`);
    expect(listing.title).toContain('Example 经典帆布双肩包');
    expect(listing.seller.name).toBe('Example官方旗舰店');
    expect(listing.price).toEqual({ amount: '199.00', currency: 'CNY' });
    expect(filed.submission.ipRightId).toBe(DEMO_TRADEMARK_ID);
    expect(filed.submission.note).toBe('Logo and hang-tag copied; price far below RRP.');

    // Every piece of evidence the request names is at the service, and its bytes hash to its name.
    const kinds = filed.submission.evidence.map((e) => e.kind).sort();
    expect(kinds).toEqual(['capture_manifest', 'metadata', 'page_archive', 'screenshot', 'screenshot_full']);
    for (const ref of filed.submission.evidence) {
      const stored = sandbox.evidence(ref.sha256);
      expect(stored, `evidence ${ref.kind}`).toBeDefined();
      expect(createHash('sha256').update(stored!.data).digest('hex')).toBe(ref.sha256);
      expect(stored!.data.length).toBe(ref.bytes);
    }
  }

  /** The due time the service gave, as the popup shows it (read before the clock is controlled). */
  async function dueAtInPopup(browser: Browser): Promise<string> {
    const popup = await browser.popup();
    const due = popup.locator(`[data-testid="request-row"][data-item-id="${ITEM_ID}"] [data-testid="sla-countdown"]`);
    await expect.poll(() => due.getAttribute('data-due-at'), { timeout: 30_000 }).toBeTruthy();
    const at = (await due.getAttribute('data-due-at'))!;
    await popup.close();
    return at;
  }
});
