import { describe, expect, it } from 'vitest';
import { applyFilters, countQueued, groupRequests, NO_FILTERS } from './groups.ts';
import { makeRecord } from '../../test/unit/records.ts';

const sub = { state: 'submitted' as const, attempts: 1 };
const attention = makeRecord({ flaggedAt: '2026-11-24T01:00:00.000Z', outbox: { state: 'attention', lastError: { code: 'unknown_ip_right', message: 'Not yours' } } });
const needsInfo = makeRecord({ caseId: 'TD-2026-000010', caseStatus: 'needs_info', slaDueAt: '2026-11-25T02:00:00.000Z', outbox: sub });
const counterSoon = makeRecord({ caseId: 'TD-2026-000011', caseStatus: 'counter_notice', respondBy: '2026-11-26T02:00:00.000Z', outbox: sub });
const counterLate = makeRecord({ caseId: 'TD-2026-000012', caseStatus: 'counter_notice', respondBy: '2026-11-27T02:00:00.000Z', outbox: sub });
const queuedOld = makeRecord({ flaggedAt: '2026-11-20T01:00:00.000Z' });
const sending = makeRecord({ flaggedAt: '2026-11-21T01:00:00.000Z', outbox: { state: 'sending', batchId: 'b1' } });
const overdue = makeRecord({ caseId: 'TD-2026-000001', caseStatus: 'received', slaDueAt: '2026-11-24T10:00:00.000Z', outbox: sub });
const soon = makeRecord({ caseId: 'TD-2026-000002', caseStatus: 'in_review', slaDueAt: '2026-11-24T18:00:00.000Z', outbox: sub });
const doneOld = makeRecord({ caseId: 'TD-2026-000003', caseStatus: 'taken_down', resolvedAt: '2026-11-21T09:00:00.000Z', outbox: sub });
const doneNew = makeRecord({ caseId: 'TD-2026-000004', caseStatus: 'rejected', resolvedAt: '2026-11-23T09:00:00.000Z', outbox: sub });
const all = [doneOld, soon, counterLate, queuedOld, attention, doneNew, sending, overdue, needsInfo, counterSoon];

describe('needs me first', () => {
  it('groups in order: what needs the user, queued and sending, open cases by SLA due time, resolved newest first', () => {
    const groups = groupRequests(all, false);
    expect(groups.map((g) => g.id)).toEqual(['needs_you', 'queued', 'open', 'resolved']);
    expect(groups.map((g) => g.records)).toEqual([
      [counterSoon, counterLate, attention, needsInfo],
      [queuedOld, sending],
      [overdue, soon],
      [doneNew, doneOld],
    ]);
  });

  it('puts everything queued under "needs you" while the queue is paused, and leaves out empty groups', () => {
    const groups = groupRequests([queuedOld, overdue], true);
    expect(groups.map((g) => [g.id, g.records.length])).toEqual([['needs_you', 1], ['open', 1]]);
  });

  it('counts as queued only what is waiting to be sent, not what waits on the user', () => {
    expect(countQueued(all)).toBe(2);
    expect(countQueued([attention, needsInfo])).toBe(0);
  });
});

describe('find anything', () => {
  const tmall = makeRecord({
    listing: { marketplace: 'tmall', itemId: '700000000001', title: 'Example 经典帆布双肩包', seller: { name: 'Example官方旗舰店', id: '2200000001', shopUrl: null } },
    caseId: 'TD-2026-000777', caseStatus: 'in_review', ipRightId: 'ipr_b', flaggedAt: '2026-11-22T06:00:00.000Z', outbox: sub,
  });
  const f = (patch: Partial<typeof NO_FILTERS>) => applyFilters([...all, tmall], { ...NO_FILTERS, ...patch }, false);

  it('searches item id, title, seller name and id, and case id, word by word, ignoring case', () => {
    expect(f({ text: 'td-2026-000777' })).toEqual([tmall]);
    expect(f({ text: '双肩包 example' })).toEqual([tmall]);
    expect(f({ text: '2200000001' })).toEqual([tmall]);
    expect(f({ text: '700000000001' })).toEqual([tmall]);
    expect(f({ text: 'nothing like this' })).toEqual([]);
  });

  it('filters by state, marketplace, seller, IP right and flag date, and the group counts follow', () => {
    expect(f({ state: 'counter_notice' })).toEqual([counterLate, counterSoon]);
    expect(f({ marketplace: 'tmall' })).toEqual([tmall]);
    expect(f({ seller: tmall.sellerKey })).toEqual([tmall]);
    expect(f({ ipRight: 'ipr_b' })).toEqual([tmall]);
    expect(f({ from: '2026-11-22', to: '2026-11-22' })).toEqual([tmall]);
    expect(f({ from: '2026-11-21' }).map((r) => r.clientRequestId)).toEqual([attention, sending, tmall].map((r) => r.clientRequestId));
    const counts = groupRequests(f({ state: 'counter_notice' }), false).map((g) => [g.id, g.records.length]);
    expect(counts).toEqual([['needs_you', 2]]);
  });
});
