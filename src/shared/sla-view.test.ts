import { describe, expect, it } from 'vitest';
import { respondByView, slaView } from './sla-view.ts';
import { businessResumesAt } from './sla.ts';
import { makeRecord } from '../../test/unit/records.ts';

const H = 3600 * 1000;
const M = 60 * 1000;
const at = (iso: string) => new Date(iso);

// Asia/Shanghai is UTC+8 all year: 2026-11-20 is a Friday, 2026-11-23 a Monday.
const received = makeRecord({
  caseId: 'c_1',
  caseStatus: 'received',
  outbox: { state: 'submitted', attempts: 1 },
  receivedAt: '2026-11-24T02:00:00.000Z',
  slaDueAt: '2026-11-25T02:00:00.000Z', // Wednesday 10:00 Shanghai
});
const running = (v: ReturnType<typeof slaView>) => (v.kind === 'running' ? v : null);

describe('slaView', () => {
  it('has not started while the request waits in the outbox', () => {
    expect(slaView(makeRecord(), at('2026-11-24T02:00:00.000Z'))).toEqual({ kind: 'not_started' });
  });

  it('runs with the business time left on a weekday, not paused, normal tone early on', () => {
    expect(slaView(received, at('2026-11-24T02:00:47.000Z'))).toEqual({
      kind: 'running', businessMsLeft: 24 * H - 47_000, tone: 'normal', pausedUntil: null, timeZone: 'Asia/Shanghai',
    });
  });

  it('turns amber in the last quarter (6 business hours) on a weekday', () => {
    expect(slaView(received, at('2026-11-24T19:59:59.000Z'))).toMatchObject({ tone: 'normal' });
    expect(slaView(received, at('2026-11-24T20:00:00.000Z'))).toMatchObject({ kind: 'running', businessMsLeft: 6 * H, tone: 'amber' });
  });

  it('counts business time across a weekend and says the clock is paused until Monday 00:00 in the zone', () => {
    // Due Monday 03:00 Shanghai. Saturday 10:00 Shanghai: 3 business hours left, paused.
    const r = makeRecord({ caseStatus: 'in_review', slaDueAt: '2026-11-22T19:00:00.000Z' });
    const v = running(slaView(r, at('2026-11-21T02:00:00.000Z')))!;
    expect(v).toMatchObject({ businessMsLeft: 3 * H, tone: 'amber', timeZone: 'Asia/Shanghai' });
    expect(v.pausedUntil?.toISOString()).toBe('2026-11-22T16:00:00.000Z'); // Monday 00:00 Shanghai
    // Friday 20:00 Shanghai: 4 h on Friday + 3 h on Monday = 7 business hours, normal, running.
    expect(slaView(r, at('2026-11-20T12:00:00.000Z'))).toMatchObject({ businessMsLeft: 7 * H, tone: 'normal', pausedUntil: null });
  });

  it('uses the Lazada site zone: Friday 23:30 in Shanghai is still Friday business time in Bangkok', () => {
    const due = '2026-11-22T20:00:00.000Z'; // Monday 03:00 Bangkok
    const r = makeRecord({ caseStatus: 'received', slaDueAt: due, listing: { marketplace: 'lazada', url: 'https://www.lazada.co.th/products/x-i123.html' } });
    const v = running(slaView(r, at('2026-11-20T16:30:00.000Z')))!; // Fri 23:30 Bangkok, Sat 00:30 Shanghai
    expect(v).toMatchObject({ businessMsLeft: 30 * M + 3 * H, pausedUntil: null, timeZone: 'Asia/Bangkok', tone: 'amber' });
    const sat = running(slaView(r, at('2026-11-20T17:30:00.000Z')))!; // Sat 00:30 Bangkok
    expect(sat.pausedUntil?.toISOString()).toBe('2026-11-22T17:00:00.000Z'); // Monday 00:00 Bangkok
  });

  it('is overdue, red, from the due time on', () => {
    expect(slaView(received, at('2026-11-25T02:00:00.000Z'))).toEqual({ kind: 'overdue', msOver: 0, tone: 'red', timeZone: 'Asia/Shanghai' });
    expect(slaView(received, at('2026-11-25T03:30:00.000Z'))).toMatchObject({ kind: 'overdue', msOver: 90 * M, tone: 'red' });
  });

  it('is closed for every resolved case status, even past the due time', () => {
    for (const caseStatus of ['taken_down', 'rejected', 'withdrawn', 'reinstated']) {
      expect(slaView({ ...received, caseStatus }, at('2026-12-01T00:00:00.000Z'))).toEqual({ kind: 'closed' });
    }
    expect(slaView({ ...received, caseStatus: 'escalated' }, at('2026-11-24T03:00:00.000Z')).kind).toBe('running');
  });

  it('stops while the case waits on the member, never reading "overdue" there', () => {
    for (const caseStatus of ['needs_info', 'counter_notice']) {
      expect(slaView({ ...received, caseStatus }, at('2026-11-24T03:00:00.000Z'))).toEqual({ kind: 'waiting' });
      expect(slaView({ ...received, caseStatus }, at('2026-12-01T00:00:00.000Z'))).toEqual({ kind: 'waiting' });
    }
  });
});

describe('respondByView', () => {
  const cn = makeRecord({ caseStatus: 'counter_notice', respondBy: '2026-11-26T02:00:00.000Z' }); // Thursday 10:00 Shanghai
  it('is absent without respondBy', () => {
    expect(respondByView(makeRecord(), at('2026-11-24T02:00:00.000Z'))).toBeNull();
  });
  it('counts business time and turns red in the last business day, then overdue', () => {
    expect(respondByView(cn, at('2026-11-24T02:00:00.000Z'))).toMatchObject({ kind: 'running', businessMsLeft: 48 * H, tone: 'normal' });
    expect(respondByView(cn, at('2026-11-25T01:59:59.000Z'))).toMatchObject({ tone: 'normal' });
    expect(respondByView(cn, at('2026-11-25T02:00:00.000Z'))).toMatchObject({ kind: 'running', businessMsLeft: 24 * H, tone: 'red' });
    expect(respondByView(cn, at('2026-11-26T02:00:01.000Z'))).toMatchObject({ kind: 'overdue', msOver: 1000 });
  });
});

describe('businessResumesAt', () => {
  it('is null in business time and the next Monday 00:00 at the weekend, in the zone asked', () => {
    expect(businessResumesAt(at('2026-11-20T15:59:59.000Z'), 'Asia/Shanghai')).toBeNull(); // Fri 23:59:59
    expect(businessResumesAt(at('2026-11-20T16:00:00.000Z'), 'Asia/Shanghai')?.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(businessResumesAt(at('2026-11-22T15:59:59.000Z'), 'Asia/Shanghai')?.toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });
});
