import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startKit, type Kit } from '../../../sandbox/server.test-kit.ts';
import { DEMO_TOKEN } from '../../../sandbox/demo.ts';
import { apiClock, browserInfo, captureContext, incompleteOf } from './context.ts';

let kit: Kit;
beforeEach(async () => {
  kit = await startKit();
});
afterEach(() => kit.done());

describe('the capture context', () => {
  it("reads the API's Date header and our clock's offset from it", async () => {
    // Our clock 90 s ahead of the service's (the sandbox's Date is the machine's real time).
    const skewed = () => Date.now() + 90_000;
    const clock = await apiClock({ baseUrl: kit.sb.url, token: DEMO_TOKEN }, skewed);
    expect(clock).toMatchObject({ date: expect.stringMatching(/Z$/), offsetMs: expect.any(Number) });
    if (typeof clock === 'string' || !clock) return;
    // The header has whole seconds: the offset is 90 s give or take one.
    expect(Math.abs(clock.offsetMs - 90_000)).toBeLessThanOrEqual(1_500);
  });

  it('says why there is no API time', async () => {
    expect(await apiClock({ baseUrl: '', token: '' })).toBe('the API is not configured');
    expect(await apiClock({ baseUrl: 'http://127.0.0.1:9', token: 't' })).toMatch(/^the API did not answer/);
  });

  it('names the browser and its full version from Client Hints, else from the user agent', async () => {
    const hints = { userAgent: 'UA', userAgentData: { brands: [], getHighEntropyValues: async () => ({ fullVersionList: [{ brand: 'Not)A;Brand', version: '99' }, { brand: 'Chromium', version: '156.0.8078.114' }, { brand: 'Google Chrome', version: '156.0.8078.114' }] }) } };
    expect(await browserInfo(hints as unknown as Navigator)).toEqual({ name: 'Google Chrome', version: '156.0.8078.114', userAgent: 'UA' });
    const firefox = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0' };
    expect(await browserInfo(firefox as Navigator)).toMatchObject({ name: 'Firefox', version: '153.0' });
  });

  it('records the page the browser reported and the one captured, and an unanswered page as unchecked', () => {
    const context = captureContext({
      capture: { page: { url: 'https://item.taobao.com/item.htm?id=2', redirectCount: 1, visible: true, focused: false, missing: [] }, viewport: { width: 1280, height: 900, devicePixelRatio: 2 } },
      tabUrl: 'https://item.taobao.com/item.htm?id=1',
      extensionVersion: '0.1.0',
      browser: { name: 'Chromium', version: '156', userAgent: 'UA' },
      uiLanguage: 'zh-CN',
      local: new Date('2026-12-04T15:59:00.000Z'),
      api: 'the API did not answer (offline)',
    });
    expect(context).toEqual({
      extensionVersion: '0.1.0',
      browser: { name: 'Chromium', version: '156', userAgent: 'UA' },
      uiLanguage: 'zh-CN',
      page: { url: 'https://item.taobao.com/item.htm?id=1', finalUrl: 'https://item.taobao.com/item.htm?id=2', redirectCount: 1 },
      viewport: { width: 1280, height: 900, devicePixelRatio: 2 },
      clock: { local: '2026-12-04T15:59:00.000Z', api: null, apiUnavailable: 'the API did not answer (offline)' },
      pageInFront: false,
    });
    expect(incompleteOf({ page: null })).toEqual([{ what: 'page', detail: expect.stringContaining('could not be checked') }]);
  });
});
