import { describe, expect, it } from 'vitest';
import { db } from '../shared/db/open.ts';
import { setPause } from '../shared/db/kv.ts';
import { Messages } from '../shared/messages.ts';
import { record } from '../../test/unit/records.ts';
import { lookup } from './annotate.ts';

const ID = (n: number) => `6f1c0f5e-0c7e-4b8e-9a55-8d3b1c2e7a${String(n).padStart(2, '0')}`;

async function store(...records: ReturnType<typeof record>[]) {
  const database = await db();
  for (const r of records) await database.put('requests', r);
}

describe('lookup', () => {
  it('answers which of the page items have requests, with their state and SLA', async () => {
    await store(
      record({ id: ID(1), itemId: '800000000001', caseStatus: 'in_review', slaDueAt: '2026-11-23T06:00:00.000Z', caseId: 'case_1' }),
      record({ id: ID(2), itemId: '800000000009' }),
    );
    const res = await lookup({ items: [{ marketplace: 'taobao', itemId: '800000000001' }, { marketplace: 'taobao', itemId: '800000000002' }], sellers: [] });
    expect(res.annotations).toEqual([
      { marketplace: 'taobao', itemId: '800000000001', clientRequestId: ID(1), state: 'in_review', slaDueAt: '2026-11-23T06:00:00.000Z', caseId: 'case_1' },
    ]);
  });

  it('counts the requests of each seller the page names, by id or else by name', async () => {
    await store(
      record({ id: ID(1), itemId: '800000000001' }),
      record({ id: ID(2), itemId: '800000000002' }),
      record({ id: ID(3), itemId: '800000000003', sellerKey: 'taobao:小店' }),
    );
    const res = await lookup({
      items: [],
      sellers: [
        { marketplace: 'taobao', sellerId: '2200000001', sellerName: 'Example官方旗舰店' },
        { marketplace: 'taobao', sellerId: null, sellerName: '小店' },
        { marketplace: 'taobao', sellerId: '999', sellerName: 'new' },
      ],
    });
    expect(res.sellerCounts).toEqual({ 'taobao:2200000001': 2, 'taobao:小店': 1, 'taobao:999': 0 });
  });

  it('shows everything queued as needing attention while the queue is paused', async () => {
    await store(record({ id: ID(1), itemId: '800000000001' }));
    await setPause({ code: 'unauthorized', message: 'bad token', at: '2026-11-22T06:00:00.000Z' });
    const res = await lookup({ items: [{ marketplace: 'taobao', itemId: '800000000001' }], sellers: [] });
    expect(res.annotations[0]?.state).toBe('attention');
  });

  it('keeps the message bounded both ways', () => {
    const many = Array.from({ length: 2001 }, () => ({ marketplace: 'taobao', sellerId: null, sellerName: 'x' }));
    expect(Messages.lookup.request.safeParse({ items: [], sellers: many }).success).toBe(false);
    expect(Messages.lookup.request.safeParse({ items: [] }).data).toEqual({ items: [], sellers: [] });
    const annotation = { marketplace: 'taobao', itemId: '1', clientRequestId: 'x', state: 'queued', slaDueAt: null, caseId: null };
    expect(Messages.lookup.response.safeParse({ annotations: Array(2001).fill(annotation), sellerCounts: {} }).success).toBe(false);
    expect(Messages.lookup.response.safeParse({ annotations: [], sellerCounts: { 'taobao:1': -1 } }).success).toBe(false);
  });
});
