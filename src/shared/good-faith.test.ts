import { describe, expect, it } from 'vitest';
import { goodFaith, nearThresholds, projectBatch } from './good-faith.ts';
import { makeRecord } from '../../test/unit/records.ts';

const NOW = new Date('2026-11-24T02:00:00.000Z');
const days = (n: number) => new Date(NOW.getTime() - n * 24 * 3600 * 1000).toISOString();

/** A case that ended `ago` days back; its first decision `decided` days back, due `due` days back. */
function ended(status: string, ago: number, opts: { decided?: number; due?: number; reason?: 'counterfeit' | 'copyright_image' } = {}) {
  return makeRecord({
    caseId: 'TD', caseStatus: status, resolvedAt: days(ago), reason: opts.reason ?? 'counterfeit',
    decidedAt: days(opts.decided ?? ago), slaDueAt: days((opts.due ?? ago) - 0.5),
  });
}

describe('good-faith record', () => {
  // In the last 30 days: 8 taken down (one later reinstated counts as reinstated), 1 rejected, 1 reinstated;
  // 2 of the 10 decisions came after their SLA due time. One taken down 60 days ago, one 200 days ago.
  const history = [
    ...Array.from({ length: 6 }, (_, i) => ended('taken_down', 2 + i)),
    ended('taken_down', 10, { due: 11 }), // decided a day after its due time
    ended('taken_down', 12, { due: 13 }),
    ended('rejected', 3),
    ended('reinstated', 4, { decided: 20 }),
    ended('taken_down', 60),
    ended('taken_down', 200),
    makeRecord({ caseId: 'TD', caseStatus: 'needs_info', decidedAt: days(1), slaDueAt: days(0.5) }), // asked on time? 1 day ago, due 0.5 days ago: on time
    makeRecord({ caseId: 'TD', caseStatus: 'withdrawn', resolvedAt: days(2) }),
    makeRecord({ caseStatus: null }),
  ];

  it('computes the three rates by the time cases ended, in the window', () => {
    const s = goodFaith(history, '30d', NOW);
    expect(s).toMatchObject({ takenDown: 8, rejected: 1, reinstated: 1, decided: 11 });
    expect(s.successRate).toBeCloseTo(8 / 10);
    expect(s.counterNoticeRate).toBeCloseTo(1 / 9);
    expect(s.withinSlaRate).toBeCloseTo(9 / 11);
    const long = goodFaith(history, '90d', NOW);
    expect(long.takenDown).toBe(9);
    expect(long.successRate).toBeCloseTo(9 / 11);
    expect(goodFaith(history, '180d', NOW).takenDown).toBe(9);
    // 7 days back to the millisecond is outside: the window is (now − 7 d, now].
    expect(goodFaith(history, '7d', NOW)).toMatchObject({ takenDown: 5, rejected: 1, reinstated: 1 });
  });

  it('has no rates while nothing has ended', () => {
    expect(goodFaith([makeRecord()], '90d', NOW)).toMatchObject({ successRate: null, counterNoticeRate: null, withinSlaRate: null });
  });

  it('warns near the fast-lane thresholds: success under 92 %, counter-notices over 4 %', () => {
    const good = [...Array.from({ length: 24 }, () => ended('taken_down', 5)), ended('rejected', 5)]; // 96 %, 0 %
    expect(nearThresholds(goodFaith(good, '90d', NOW))).toEqual([]);
    const weak = [...Array.from({ length: 11 }, () => ended('taken_down', 5)), ended('rejected', 5)]; // 91.7 %
    expect(nearThresholds(goodFaith(weak, '90d', NOW)).map((w) => w.kind)).toEqual(['success']);
    const challenged = [...Array.from({ length: 20 }, () => ended('taken_down', 5)), ended('reinstated', 5)]; // 20/21, 1/21
    expect(nearThresholds(goodFaith(challenged, '90d', NOW)).map((w) => w.kind)).toEqual(['counter_notices']);
  });

  it('projects a batch by its reason’s past success rate and warns when it would cross 90 %', () => {
    // Counterfeit: 19 of 19 taken down; copyright images: 1 of 3.
    const h = [
      ...Array.from({ length: 19 }, () => ended('taken_down', 5)),
      ended('taken_down', 5, { reason: 'copyright_image' }),
      ended('rejected', 5, { reason: 'copyright_image' }),
      ended('rejected', 5, { reason: 'copyright_image' }),
    ];
    // Now 20 / 22 = 90.9 %. 40 counterfeit flags: (20 + 40) / 62 = 96.8 %.
    expect(projectBatch(h, 'counterfeit', 40, NOW)).toEqual([]);
    // One more copyright flag: (20 + 1/3) / 23 = 88.4 %, under the line.
    const [w] = projectBatch(h, 'copyright_image', 1, NOW);
    expect(w?.kind).toBe('success');
    expect(w?.rate).toBeCloseTo(61 / 69);
    expect(projectBatch(h, 'patent', 5, NOW)).toEqual([]); // no history for the reason: nothing to project
  });
});
