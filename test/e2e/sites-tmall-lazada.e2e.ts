import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, DEMO_TRADEMARK_ID } from '../../sandbox/demo.ts';
import type { Sandbox } from '../../sandbox/server.ts';
import { slaDueAt, timeZoneFor } from '../../src/shared/sla.ts';
import type { Browser } from './harness/extension.ts';
import { seedSettings, flagOpenListing, waitFor } from './harness/flows.ts';
import { startStack, type Stack } from './harness/stack.ts';

// A Tmall and a Lazada item page, served at their real hostnames so the manifest's Tmall
// and Lazada content-script entries are what runs, flagged through the UI; the sandbox
// then holds exactly the listing the adapters read, with the SLA in the site's time zone.

const TMALL_ID = '688123456789';
const LAZADA_ID = '3252052249';
const LAZADA_SKU = '15677372382';
const LAZADA_PATH = `/products/tai-nghe-bluetooth-example-pro-chinh-hang-i${LAZADA_ID}-s${LAZADA_SKU}.html`;

describe('Tmall and Lazada item pages, flagged end to end', () => {
  let stack: Stack;
  let sandbox: Sandbox;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack({
      routes: [
        { host: 'detail.tmall.com', path: '/item.htm', query: { id: TMALL_ID }, fixture: 'tmall/item-ssr2025.html' },
        { host: 'www.lazada.vn', path: LAZADA_PATH, fixture: 'lazada/pdp-apprun.html' },
      ],
    });
    ({ sandbox, browser } = stack);
    await seedSettings(browser, sandbox.url, DEMO_TOKEN);
  });

  afterAll(() => stack?.close());

  it('files the Tmall listing with its canonical URL, CNY price and seller, on Shanghai business time', async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://detail.tmall.com/item.htm?spm=a21n57.1.0.0.3b7c523c&id=${TMALL_ID}&ns=1&abbucket=3&pvid=8b1f0c2e`);
    await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID, note: 'Tmall: fake serum.' });

    const filed = await waitFor('the Tmall case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === TMALL_ID));
    expect(filed.marketplace).toBe('tmall');
    const l = filed.submission.listing;
    expect(l.itemId).toBe(TMALL_ID);
    expect(l.skuId ?? null).toBeNull();
    expect(l.url).toBe(`https://detail.tmall.com/item.htm?id=${TMALL_ID}`);
    expect(l.title).toBe('Example 小棕瓶精华液 修护抗老 50ml 官方旗舰店正品');
    expect(l.price).toEqual({ amount: '1099.00', currency: 'CNY' });
    expect(l.seller.name).toBe('Example美妆官方旗舰店');
    expect(l.seller.id).toBe('2207418093265');
    expect(filed.timeZone).toBe('Asia/Shanghai');
    expect(filed.slaDueAt).toBe(slaDueAt(new Date(filed.receivedAt), 'Asia/Shanghai').toISOString());
    await page.close();
  });

  it("files the Lazada listing with the URL's SKU and its VND price, on Ho Chi Minh City business time", async () => {
    const page = await browser.context.newPage();
    await page.goto(`http://www.lazada.vn${LAZADA_PATH}?spm=a2o4n.searchlist.list.1.5a3c1d2e&search=1&clickTrackInfo=query%3Atai%2Bnghe`);
    await flagOpenListing(page, { ipRightId: DEMO_TRADEMARK_ID, note: 'Lazada: copied earbuds.' });

    const filed = await waitFor('the Lazada case at the sandbox', () => sandbox.listCases().find((c) => c.itemId === LAZADA_ID));
    expect(filed.marketplace).toBe('lazada');
    const l = filed.submission.listing;
    expect(l.itemId).toBe(LAZADA_ID);
    expect(l.skuId).toBe(LAZADA_SKU);
    expect(l.url).toBe(`https://www.lazada.vn/products/i${LAZADA_ID}-s${LAZADA_SKU}.html`);
    expect(l.title).toBe('Tai nghe Bluetooth Example Pro Chống Ồn Chính Hãng - Bảo hành 12 tháng');
    expect(l.price).toEqual({ amount: '99000', currency: 'VND' });
    expect(l.seller.name).toBe('Example Official Store');
    expect(l.seller.id).toBe('200184593');

    const zone = timeZoneFor('lazada', l.url);
    expect(zone).toBe('Asia/Ho_Chi_Minh');
    expect(filed.timeZone).toBe(zone);
    expect(filed.slaDueAt).toBe(slaDueAt(new Date(filed.receivedAt), zone).toISOString());
    await page.close();
  });
});
