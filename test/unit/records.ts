import type { TakedownRecord } from '../../src/shared/model.ts';

/** A stored request as the worker writes it, with overridable parts, for unit tests. */
export function record(over: Partial<TakedownRecord> & { id?: string; itemId?: string } = {}): TakedownRecord {
  const id = over.id ?? '6f1c0f5e-0c7e-4b8e-9a55-8d3b1c2e7a10';
  const itemId = over.itemId ?? '600000000001';
  const { id: _id, itemId: _item, ...rest } = over;
  return {
    clientRequestId: id,
    itemKey: `taobao:${itemId}`,
    sellerKey: 'taobao:2200000001',
    listing: {
      marketplace: 'taobao',
      itemId,
      skuId: null,
      url: `https://item.taobao.com/item.htm?id=${itemId}`,
      title: 'Example 经典帆布双肩包',
      price: { amount: '199.00', currency: 'CNY' },
      imageUrls: ['https://img.alicdn.com/a.jpg'],
      seller: { name: 'Example官方旗舰店', id: '2200000001', shopUrl: null },
      unavailable: false,
    },
    ipRightId: 'ipr_demo_tm',
    reason: 'counterfeit',
    note: '',
    flaggedAt: '2026-11-22T05:59:57.000Z',
    page: { url: `https://item.taobao.com/item.htm?id=${itemId}`, title: 'item' },
    evidence: [],
    evidenceGaps: [],
    outbox: { state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: null },
    caseId: null,
    caseStatus: null,
    receivedAt: null,
    slaDueAt: null,
    respondBy: null,
    resolvedAt: null,
    resolution: null,
    updatedAt: '2026-11-22T05:59:57.000Z',
    ...rest,
  };
}
