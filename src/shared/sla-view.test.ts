import { describe, expect, it } from 'vitest';
import { formatDuration, slaView, sortForPopup } from './sla-view.ts';
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

describe('slaView', () => {
  it('has not started while the request waits in the outbox', () => {
    expect(slaView(makeRecord(), at('2026-11-24T02:00:00.000Z'))).toEqual({ kind: 'not_started' });
  });

  it('runs with the wall-clock time left to slaDueAt, normal tone early on', () => {
    const v = slaView(received, at('2026-11-24T02:00:47.000Z'));
    expect(v).toEqual({ kind: 'running', msLeft: 24 * H - 47_000, tone: 'normal' });
  });

  it('turns amber in the last quarter (6 business hours) on a weekday', () => {
    expect(slaView(received, at('2026-11-24T19:59:59.000Z'))).toMatchObject({ tone: 'normal' });
    expect(slaView(received, at('2026-11-24T20:00:00.000Z'))).toMatchObject({ kind: 'running', msLeft: 6 * H, tone: 'amber' });
  });

  it('counts the last quarter in business time across a weekend', () => {
    // Due Monday 03:00 Shanghai. Friday 22:00 leaves 53 h of wall clock but 5 business hours.
    const r = makeRecord({ caseStatus: 'in_review', slaDueAt: '2026-11-22T19:00:00.000Z' });
    expect(slaView(r, at('2026-11-20T14:00:00.000Z'))).toEqual({ kind: 'running', msLeft: 53 * H, tone: 'amber' });
    // Friday 20:00: 4 h on Friday + 3 h on Monday = 7 business hours, still normal.
    expect(slaView(r, at('2026-11-20T12:00:00.000Z'))).toEqual({ kind: 'running', msLeft: 55 * H, tone: 'normal' });
  });

  it('uses the Lazada site time zone (Bangkok is an hour behind Shanghai)', () => {
    const due = '2026-11-22T20:00:00.000Z'; // Monday 03:00 Bangkok
    const r = makeRecord({ caseStatus: 'received', slaDueAt: due, listing: { marketplace: 'lazada', url: 'https://www.lazada.co.th/products/x-i123.html' } });
    // Friday 16:00 UTC = 23:00 Bangkok: 1 h + 3 h business left.
    expect(slaView(r, at('2026-11-20T16:00:00.000Z'))).toMatchObject({ tone: 'amber' });
    // Friday 14:00 UTC = 21:00 Bangkok: 3 h + 3 h = exactly a quarter, amber; an hour earlier normal.
    expect(slaView(r, at('2026-11-20T14:00:00.000Z'))).toMatchObject({ tone: 'amber' });
    expect(slaView(r, at('2026-11-20T13:00:00.000Z'))).toMatchObject({ tone: 'normal' });
  });

  it('is overdue, red, from the due time on', () => {
    expect(slaView(received, at('2026-11-25T02:00:00.000Z'))).toEqual({ kind: 'overdue', msOver: 0, tone: 'red' });
    expect(slaView(received, at('2026-11-25T03:30:00.000Z'))).toEqual({ kind: 'overdue', msOver: 90 * M, tone: 'red' });
  });

  it('is closed for every resolved case status, even past the due time', () => {
    for (const caseStatus of ['taken_down', 'rejected', 'withdrawn', 'reinstated']) {
      expect(slaView({ ...received, caseStatus }, at('2026-12-01T00:00:00.000Z'))).toEqual({ kind: 'closed' });
    }
    // needs_info and unknown statuses keep their clock.
    expect(slaView({ ...received, caseStatus: 'needs_info' }, at('2026-11-24T03:00:00.000Z')).kind).toBe('running');
    expect(slaView({ ...received, caseStatus: 'escalated' }, at('2026-11-24T03:00:00.000Z')).kind).toBe('running');
  });
});

describe('formatDuration', () => {
  it('formats hours, minutes and seconds with padding, and days coarsely', () => {
    expect(formatDuration(23 * H + 59 * M + 12_000)).toBe('23h 59m 12s');
    expect(formatDuration(12 * H + 3 * M + 10_999)).toBe('12h 03m 10s');
    expect(formatDuration(4 * M + 5_000)).toBe('4m 05s');
    expect(formatDuration(9_400)).toBe('9s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(-5_000)).toBe('0s');
    expect(formatDuration(51 * H + 30 * M)).toBe('2d 3h');
  });
});

describe('sortForPopup', () => {
  it('orders open cases by due time, then unstarted by flag time, then resolved ones', () => {
    const now = at('2026-11-24T12:00:00.000Z');
    const overdue = makeRecord({ caseStatus: 'received', slaDueAt: '2026-11-24T10:00:00.000Z' });
    const soon = makeRecord({ caseStatus: 'in_review', slaDueAt: '2026-11-24T18:00:00.000Z' });
    const later = makeRecord({ caseStatus: 'received', slaDueAt: '2026-11-25T09:00:00.000Z' });
    const queuedOld = makeRecord({ flaggedAt: '2026-11-20T01:00:00.000Z' });
    const attentionNew = makeRecord({ flaggedAt: '2026-11-24T01:00:00.000Z', outbox: { state: 'attention', attempts: 3, lastError: { code: 'x', message: 'y' } } });
    const doneOld = makeRecord({ caseStatus: 'taken_down', slaDueAt: '2026-11-21T10:00:00.000Z', updatedAt: '2026-11-21T09:00:00.000Z' });
    const doneNew = makeRecord({ caseStatus: 'rejected', slaDueAt: '2026-11-23T10:00:00.000Z', updatedAt: '2026-11-23T09:00:00.000Z' });
    const sorted = sortForPopup([doneOld, attentionNew, later, queuedOld, doneNew, soon, overdue], now);
    expect(sorted).toEqual([overdue, soon, later, queuedOld, attentionNew, doneNew, doneOld]);
  });
});
