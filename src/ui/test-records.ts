// Test-only builders for stored requests (imported by *.test.ts files, never by the pages).
import type { TakedownRecord } from '../shared/model.ts';

let n = 0;

type Patch = Partial<Omit<TakedownRecord, 'listing' | 'outbox'>> & {
  listing?: Partial<TakedownRecord['listing']>;
  outbox?: Partial<TakedownRecord['outbox']>;
};

export function makeRecord(patch: Patch = {}): TakedownRecord {
  n += 1;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const { listing: listingPatch, outbox: outboxPatch, ...rest } = patch;
  const listing: TakedownRecord['listing'] = {
    marketplace: 'taobao',
    itemId: `6${String(n).padStart(11, '0')}`,
    skuId: null,
    url: `https://item.taobao.com/item.htm?id=6${String(n).padStart(11, '0')}`,
    title: `Listing ${n}`,
    price: null,
    imageUrls: [],
    seller: { name: `Seller ${n}`, id: null, shopUrl: null },
    unavailable: false,
    ...listingPatch,
  };
  return {
    clientRequestId: id,
    itemKey: `${listing.marketplace}:${listing.itemId}`,
    sellerKey: `${listing.marketplace}:${listing.seller.name}`,
    listing,
    ipRightId: 'ipr_7781',
    reason: 'counterfeit',
    note: '',
    flaggedAt: '2026-11-20T01:00:00.000Z',
    page: { url: listing.url, title: listing.title },
    evidence: [],
    evidenceGaps: [],
    outbox: { state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: null, ...outboxPatch },
    caseId: null,
    caseStatus: null,
    receivedAt: null,
    slaDueAt: null,
    respondBy: null,
    resolvedAt: null,
    resolution: null,
    updatedAt: '2026-11-20T01:00:00.000Z',
    ...rest,
  };
}
