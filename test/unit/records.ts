// Test-only builders for stored requests (imported by *.test.ts files, never by the extension).
import { itemKey, sellerKey, type TakedownRecord } from '../../src/shared/model.ts';
import { NO_CASE_YET } from '../../src/background/flag-package.ts';

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
    // The product's own keys, so a test cannot agree with a record the worker would never write.
    itemKey: itemKey(listing),
    sellerKey: sellerKey(listing),
    listing,
    ipRightId: 'ipr_7781',
    reason: 'counterfeit',
    note: '',
    flaggedAt: '2026-11-20T01:00:00.000Z',
    page: { url: listing.url, title: listing.title },
    evidence: [],
    evidenceGaps: [],
    outbox: { state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: null, ...outboxPatch },
    ...NO_CASE_YET,
    updatedAt: '2026-11-20T01:00:00.000Z',
    ...rest,
  };
}

/**
 * A request with the fixed defaults the worker tests assert against (a Tuesday-morning flag
 * of item 600000000001 by seller 2200000001), by clientRequestId and item id.
 */
export function record(over: Partial<TakedownRecord> & { id?: string; itemId?: string } = {}): TakedownRecord {
  const { id = '6f1c0f5e-0c7e-4b8e-9a55-8d3b1c2e7a10', itemId = '600000000001', ...rest } = over;
  const url = `https://item.taobao.com/item.htm?id=${itemId}`;
  return makeRecord({
    clientRequestId: id,
    listing: {
      itemId,
      url,
      title: 'Example 经典帆布双肩包',
      price: { amount: '199.00', currency: 'CNY' },
      imageUrls: ['https://img.alicdn.com/a.jpg'],
      seller: { name: 'Example官方旗舰店', id: '2200000001', shopUrl: null },
    },
    ipRightId: 'ipr_demo_tm',
    flaggedAt: '2026-11-22T05:59:57.000Z',
    page: { url, title: 'item' },
    updatedAt: '2026-11-22T05:59:57.000Z',
    ...rest,
  });
}
