import { describe, expect, it } from 'vitest';
import { packageFlag, type FlagParts } from './flag-package.ts';
import { artifact } from './capture/artifact.ts';
import type { Capture } from './capture/collect.ts';
import { readManifest, sha256Hex } from '../evidence/format.ts';
import { Listing, sellerKey } from '../shared/model.ts';

// A fixed clock: Friday 23:59 in Shanghai, the moment a naive day boundary would slip.
const AT = new Date('2026-12-04T15:59:00.000Z');
const PREVIOUS = 'b'.repeat(64);

const listing = (itemId: string, seller: { name: string; id: string | null }) =>
  Listing.parse({ marketplace: 'taobao', itemId, url: `https://item.taobao.com/item.htm?id=${itemId}`, title: `Bag ${itemId}`, seller });

async function parts(): Promise<FlagParts> {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const viewport = await artifact('screenshot', 'image/png', bytes('viewport'), AT);
  const card = await artifact('screenshot_card', 'image/png', bytes('card 1'), AT);
  const capture: Capture = {
    shared: [viewport],
    gaps: [{ code: 'archive_failed', message: 'no archive' }],
    listings: [
      { artifacts: [card], gaps: [], card: { sha256: card.ref.sha256, scrollY: 0, rectCss: { x: 0, y: 0, width: 10, height: 10 }, rectDevice: { x: 0, y: 0, width: 10, height: 10 }, fullyVisible: true } },
      { artifacts: [], gaps: [{ code: 'card_not_found', message: 'not on screen' }], card: null },
    ],
    notes: { viewport: null, archive: null },
    page: { url: 'https://s.taobao.com/search?q=bag', redirectCount: 0, visible: true, focused: true, missing: [] },
    viewport: { width: 1280, height: 900, devicePixelRatio: 1 },
  };
  return {
    payload: { ipRightId: 'ipr_1', reason: 'counterfeit', note: 'same logo' },
    listings: [listing('600000000001', { name: 'Shop A', id: '2200000001' }), listing('600000000002', { name: 'Shop B', id: null })],
    page: { url: 'https://s.taobao.com/search?q=bag', title: 'bag' },
    capture,
    capturedAt: AT,
    requestIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'],
    captureId: '00000000-0000-4000-8000-000000000003',
    previousManifestSha256: PREVIOUS,
    context: { userTimeZone: 'Asia/Shanghai', extension: { id: 'ext', version: '1.0.0' }, browser: 'Chromium 156', durationMs: 1234 },
  };
}

describe('packaging a captured flag', () => {
  it('makes one queued request per listing, flagged at the capture time, with its own and the shared evidence', async () => {
    const input = await parts();
    const write = await packageFlag(input);
    expect(write.requests.map((r) => [r.clientRequestId, r.itemKey, r.sellerKey, r.flaggedAt, r.updatedAt, r.outbox.state])).toEqual([
      ['00000000-0000-4000-8000-000000000001', 'taobao:600000000001', sellerKey(input.listings[0]!), AT.toISOString(), AT.toISOString(), 'queued'],
      ['00000000-0000-4000-8000-000000000002', 'taobao:600000000002', sellerKey(input.listings[1]!), AT.toISOString(), AT.toISOString(), 'queued'],
    ]);
    // The seller id where the page gives one, the name otherwise.
    expect(write.requests.map((r) => r.sellerKey)).toEqual(['taobao:2200000001', 'taobao:Shop B']);
    expect(write.requests[0]!.evidence.map((e) => e.kind)).toEqual(['screenshot', 'screenshot_card', 'metadata', 'capture_manifest']);
    expect(write.requests[1]!.evidence.map((e) => e.kind)).toEqual(['screenshot', 'metadata', 'capture_manifest']);
    expect(write.requests[1]!.evidenceGaps.map((g) => g.code)).toEqual(['archive_failed', 'card_not_found']);
    expect(write.requests[0]).toMatchObject({ ipRightId: 'ipr_1', reason: 'counterfeit', note: 'same logo', caseId: null, slaDueAt: null });
  });

  it('chains the manifest to the previous head, lists every artifact in it, and makes it the new head', async () => {
    const write = await packageFlag(await parts());
    const manifestBlob = write.evidence.find((e) => e.sha256 === write.chainHead)!;
    expect(await sha256Hex(manifestBlob.data)).toBe(write.chainHead);
    const read = readManifest(new Uint8Array(manifestBlob.data));
    if (!read.ok) throw new Error(read.error);
    expect(read.manifest).toMatchObject({ previousManifestSha256: PREVIOUS, capturedAt: AT.toISOString(), userTimeZone: 'Asia/Shanghai', clientRequestIds: write.requests.map((r) => r.clientRequestId) });
    expect(read.manifest.gaps.map((g) => g.message)).toEqual(['no archive', '600000000002: not on screen']);
    const others = write.evidence.filter((e) => e.sha256 !== write.chainHead).map((e) => e.sha256);
    expect(read.manifest.artifacts.map((a) => a.sha256).sort()).toEqual(others.sort());
    expect(read.manifest.capture!.cards!.map((c) => c.itemId)).toEqual(['600000000001']);
  });

  it('gives the same bytes for the same parts (nothing reads a clock or the browser)', async () => {
    const [a, b] = [await packageFlag(await parts()), await packageFlag(await parts())];
    expect(a.chainHead).toBe(b.chainHead);
    expect(a.requests).toEqual(b.requests);
  });

  it('stores an artifact shared by two cards once', async () => {
    const input = await parts();
    input.capture.listings[1]!.artifacts = input.capture.listings[0]!.artifacts;
    const write = await packageFlag(input);
    const shas = write.evidence.map((e) => e.sha256);
    expect(new Set(shas).size).toBe(shas.length);
  });
});
