import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flag as flagOnly, type FlagContext } from './flag.ts';
import { runCaptures } from './capture/jobs-runner.ts';
import type { RequestOf } from '../shared/messages.ts';

/** Flags, then lets the capture job run to its end (the worker does both, one after the other). */
async function flag(p: RequestOf<'flag'>, c: FlagContext) {
  const answer = await flagOnly(p, c);
  await runCaptures();
  return answer;
}
import { db } from '../shared/db/open.ts';
import { saveSettings } from '../shared/db/kv.ts';
import type { CaptureManifest } from '../evidence/format.ts';
import { pngSize } from './capture/png.ts';
import { fakePage } from './capture/fake-page.test-kit.ts';
import type { StitchPart } from './capture/stitch.ts';

// The canvas work runs in Chromium (end-to-end); here stitching records what it was given.
const stitched = vi.hoisted(() => [] as { parts: StitchPart[]; width: number; height: number }[]);
vi.mock('./capture/stitch.ts', async () => {
  const { fakePngDataUrl } = await import('./capture/fake-png.test-kit.ts');
  const { dataUrlBytes } = await import('./capture/png.ts');
  return {
    stitch: async (parts: StitchPart[], width: number, height: number) => {
      stitched.push({ parts, width, height });
      return dataUrlBytes(fakePngDataUrl(width, height, 999));
    },
  };
});

const listing = (itemId: string) => ({ marketplace: 'taobao', itemId, url: `https://item.taobao.com/item.htm?id=${itemId}`, title: `Bag ${itemId}`, seller: { name: 'Shop' } });
let n = 0;
const ctx = (url: string) => {
  return { tab: { id: 3, windowId: 1, url, title: 'A page' }, now: () => new Date('2026-03-02T08:00:00Z'), newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` };
};
const payload = (ids: string[]) => ({ listings: ids.map(listing), reason: 'counterfeit' as const, ipRightId: 'ipr_1', note: '' });

async function stored() {
  const database = await db();
  const evidence = await database.getAll('evidence');
  const json = (sha: string) => JSON.parse(new TextDecoder().decode(evidence.find((e) => e.sha256 === sha)!.data));
  const requests = await database.getAll('requests');
  const manifestRef = requests[0]!.evidence.find((e) => e.kind === 'capture_manifest')!;
  return { evidence, requests, json, manifest: json(manifestRef.sha256) as CaptureManifest };
}

beforeEach(async () => {
  stitched.length = 0;
  await saveSettings({ me: { member: { id: 'm', name: 'M' }, ipRights: [{ id: 'ipr_1', kind: 'trademark', title: 'T', registrationNumber: '1', jurisdiction: 'CN', classes: [25], brand: 'B' }] } });
  chrome.pageCapture.saveAsMHTML = (async () => new Blob(['MIME-Version: 1.0\r\n'])) as never;
});

describe('flagging an item page', () => {
  it('stores the viewport and a full-page screenshot stitched from scrolled captures, and puts the user back where they were', async () => {
    const page = fakePage({ pageHeight: 2250, scrollY: 300 });
    const answer = await flag(payload(['637145790668']), ctx('https://item.taobao.com/item.htm?id=637145790668'));
    expect(answer.ok).toBe(true);

    // The user's view first, then the page from the top; the last scroll is clamped to 1350.
    expect(page.captures).toEqual([300, 0, 900, 1350]);
    expect(page.scrollY).toBe(300);
    expect(page.uiHidden).toBe(false);
    expect(stitched[0]!.height).toBe(2250);
    expect(stitched[0]!.parts.map((p) => p.crop)).toEqual([
      { sy: 0, dy: 0, height: 900 },
      { sy: 0, dy: 900, height: 900 },
      { sy: 450, dy: 1800, height: 450 },
    ]);

    const { requests, evidence, manifest } = await stored();
    const kinds = requests[0]!.evidence.map((e) => e.kind).sort();
    expect(kinds).toEqual(['capture_manifest', 'metadata', 'page_archive', 'screenshot', 'screenshot_full']);
    const full = requests[0]!.evidence.find((e) => e.kind === 'screenshot_full')!;
    expect(pngSize(evidence.find((e) => e.sha256 === full.sha256)!.data)).toEqual({ width: 1280, height: 2250 });
    expect(manifest.artifacts.map((a) => a.sha256)).toContain(full.sha256);
    expect(manifest.capture!.fullPage).toMatchObject({ sha256: full.sha256, viewports: 3, truncated: false, pageHeightCss: 2250 });
    expect(manifest.capture!.viewport).toMatchObject({ scrollY: 300, scale: 1 });
    expect(manifest.capture!.archive).toEqual({ format: 'mhtml', truncated: false });
    expect(requests[0]!.evidenceGaps).toEqual([]);
  });

  it('reuses the viewport capture when the page fits in it', async () => {
    const page = fakePage({ pageHeight: 800 });
    await flag(payload(['637145790668']), ctx('https://item.taobao.com/item.htm?id=637145790668'));
    expect(page.captures).toEqual([0]);
    const { requests, manifest } = await stored();
    expect(requests[0]!.evidence.map((e) => e.kind)).not.toContain('screenshot_full');
    expect(manifest.capture!.fullPage).toMatchObject({ sameAsViewport: true, sha256: null });
  });

  it('keeps the viewport screenshot, says why the full page is missing and restores the scroll when the page stops answering mid-capture', async () => {
    const page = fakePage({ pageHeight: 5000, scrollY: 1200, failOn: 'captureScroll' });
    const answer = await flag(payload(['637145790668']), ctx('https://item.taobao.com/item.htm?id=637145790668'));
    expect(answer.ok).toBe(true);
    expect(page.log.at(-1)).toBe('captureEnd');
    expect(page.scrollY).toBe(1200);
    const { requests } = await stored();
    expect(requests[0]!.evidence.map((e) => e.kind).sort()).toEqual(['capture_manifest', 'metadata', 'page_archive', 'screenshot']);
    expect(requests[0]!.evidenceGaps.map((g) => g.code)).toEqual(['screenshot_full_failed']);
  });

  it('falls back to the serialized HTML when there is no MHTML, and says so in the manifest', async () => {
    fakePage({ pageHeight: 800, html: '<!DOCTYPE html>\n<html><body>listing</body></html>' });
    chrome.pageCapture.saveAsMHTML = (async () => {
      throw new Error('Cannot capture this page');
    }) as never;
    await flag(payload(['637145790668']), ctx('https://item.taobao.com/item.htm?id=637145790668'));
    const { requests, evidence, manifest } = await stored();
    const archive = requests[0]!.evidence.find((e) => e.kind === 'page_archive')!;
    expect(archive.mediaType).toBe('text/html');
    expect(new TextDecoder().decode(evidence.find((e) => e.sha256 === archive.sha256)!.data)).toContain('listing');
    expect(manifest.capture!.archive).toEqual({ format: 'html', truncated: false, mhtmlError: 'Cannot capture this page' });
  });

  it('without an answer from the page (an old content script), keeps the viewport screenshot and says why there is no full page', async () => {
    const { fakePngDataUrl } = await import('./capture/fake-png.test-kit.ts');
    chrome.tabs.captureVisibleTab = (async () => fakePngDataUrl(1280, 900)) as never;
    await flag(payload(['637145790668']), ctx('https://item.taobao.com/item.htm?id=637145790668'));
    const { requests } = await stored();
    expect(requests[0]!.evidence.map((e) => e.kind).sort()).toEqual(['capture_manifest', 'metadata', 'page_archive', 'screenshot']);
    expect(requests[0]!.evidenceGaps).toMatchObject([{ code: 'screenshot_full_failed', message: expect.stringContaining('reload') }]);
  });
});

describe('flagging cards on a search page', () => {
  it('captures each card in a viewport that shows it, grouped, and records its rectangle in CSS and device pixels', async () => {
    const page = fakePage({
      pageHeight: 6000,
      devicePixelRatio: 2,
      cards: { a1: { x: 20, y: 100, width: 240, height: 380 }, b2: { x: 20, y: 1200, width: 240, height: 380 }, c3: { x: 280, y: 1400, width: 240, height: 380 } },
    });
    const answer = await flag(payload(['a1', 'b2', 'c3', 'gone4']), ctx('https://s.taobao.com/search?q=bag'));
    expect(answer.ok).toBe(true);
    expect(page.captures).toEqual([0, 1184]);
    expect(page.scrollY).toBe(0);

    const { requests, json, manifest, evidence } = await stored();
    const byItem = new Map(requests.map((r) => [r.listing.itemId, r]));
    const meta = (id: string) => json(byItem.get(id)!.evidence.find((e) => e.kind === 'metadata')!.sha256);
    const viewport = manifest.capture!.viewport!.sha256;

    expect(meta('a1').screenshot).toMatchObject({ sha256: viewport, rectCss: { x: 20, y: 100, width: 240, height: 380 }, rectDevice: { x: 40, y: 200, width: 480, height: 760 }, fullyVisible: true });
    const b = meta('b2').screenshot;
    expect(b.sha256).not.toBe(viewport);
    expect(b).toMatchObject({ scrollY: 1184, rectCss: { y: 16 }, rectDevice: { y: 32 } });
    expect(meta('c3').screenshot.sha256).toBe(b.sha256);
    expect(byItem.get('b2')!.evidence.map((e) => e.sha256)).toContain(b.sha256);
    expect(byItem.get('a1')!.evidence.map((e) => e.sha256)).not.toContain(b.sha256);
    // Two captures, stored once each.
    expect(evidence.filter((e) => e.mediaType === 'image/png')).toHaveLength(2);

    expect(manifest.capture!.cards!.map((c) => [c.itemId, c.sha256])).toEqual([
      ['a1', viewport],
      ['b2', b.sha256],
      ['c3', b.sha256],
    ]);
    expect(meta('gone4').screenshot).toBeUndefined();
    expect(byItem.get('gone4')!.evidenceGaps.map((g) => g.code)).toEqual(['card_not_found']);
    expect(manifest.gaps.map((g) => g.code)).toEqual(['card_not_found']);
  });
});

describe('flagging without the screenshot permission', () => {
  it('still stores the archive and metadata, and the request says the screenshot is missing and why', async () => {
    const page = fakePage({ pageHeight: 3000 });
    chrome.tabs.captureVisibleTab = (async () => {
      throw new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
    }) as never;
    const answer = await flag(payload(['637145790668']), ctx('https://item.taobao.com/item.htm?id=637145790668'));
    expect(answer.ok).toBe(true);
    expect(page.log).not.toContain('captureScroll');
    expect(page.uiHidden).toBe(false);
    const { requests } = await stored();
    expect(requests[0]!.evidence.map((e) => e.kind).sort()).toEqual(['capture_manifest', 'metadata', 'page_archive']);
    expect(requests[0]!.evidenceGaps).toMatchObject([{ code: 'screenshot_permission', message: expect.stringContaining('screenshot') }]);
  });
});

describe('a full disk', () => {
  it('tells the user nothing was queued, and loses nothing already stored', async () => {
    fakePage({ pageHeight: 800 });
    expect((await flag(payload(['600000000001']), ctx('https://item.taobao.com/item.htm?id=600000000001'))).ok).toBe(true);
    const before = await stored();
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const answer = await flag(payload(['600000000002']), ctx('https://item.taobao.com/item.htm?id=600000000002'));
      expect(answer).toMatchObject({ ok: false, error: { code: 'storage_full', message: expect.stringContaining('disk is full') } });
    } finally {
      put.mockRestore();
    }
    const after = await stored();
    expect(after.requests.map((r) => r.clientRequestId)).toEqual(before.requests.map((r) => r.clientRequestId));
    expect(after.evidence.length).toBe(before.evidence.length);
    expect(await (await db()).get('kv', 'captureChainHead')).toBe(before.requests[0]!.evidence.find((e) => e.kind === 'capture_manifest')!.sha256);
  });
});
