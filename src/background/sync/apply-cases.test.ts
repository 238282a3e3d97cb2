import { describe, expect, it } from 'vitest';
import { applyCase } from './apply-cases.ts';
import { attentionCount } from '../attention.ts';
import { record } from '../../../test/unit/records.ts';
import type { Case } from '../../shared/api/schemas.ts';

const NOW = new Date('2026-11-23T08:00:00.000Z');
const submitted = record({ caseId: 'TD-2026-000123', receivedAt: '2026-11-22T06:00:01.000Z', slaDueAt: '2026-11-23T06:00:01.000Z', outbox: { state: 'submitted', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: null } });
const wire = (over: Partial<Case>): Case => ({
  caseId: 'TD-2026-000123',
  clientRequestId: submitted.clientRequestId,
  status: 'in_review',
  receivedAt: '2026-11-22T06:00:01.000Z',
  slaDueAt: '2026-11-23T06:00:01.000Z',
  updatedAt: '2026-11-22T07:12:00.000Z',
  resolvedAt: null,
  resolution: null,
  respondBy: null,
  ...over,
});

describe('folding case status into requests', () => {
  it('updates the status without a notification while the case is under review', () => {
    const change = applyCase(submitted, wire({}), NOW)!;
    expect(change.record.caseStatus).toBe('in_review');
    expect(change.notify).toBeNull();
  });
  it('notifies on resolution, needs_info and counter_notice (with respondBy)', () => {
    expect(applyCase(submitted, wire({ status: 'taken_down', resolution: { code: 'removed', message: 'Listing removed' } }), NOW)!.notify).toBe('resolved');
    expect(applyCase(submitted, wire({ status: 'needs_info', resolution: { code: 'more', message: 'Send the registration certificate' } }), NOW)!.notify).toBe('needs_info');
    const cn = applyCase(submitted, wire({ status: 'counter_notice', respondBy: '2026-11-26T08:00:00.000Z' }), NOW)!;
    expect(cn.notify).toBe('counter_notice');
    expect(cn.record.respondBy).toBe('2026-11-26T08:00:00.000Z');
  });
  it('remembers when the service first decided, for the within-SLA rate', () => {
    const review = applyCase(submitted, wire({}), NOW)!.record;
    expect(review.decidedAt).toBeNull();
    const asked = applyCase(review, wire({ status: 'needs_info', updatedAt: '2026-11-22T09:00:00.000Z' }), NOW)!.record;
    expect(asked.decidedAt).toBe('2026-11-22T09:00:00.000Z');
    const back = applyCase(asked, wire({ status: 'in_review', updatedAt: '2026-11-23T01:00:00.000Z' }), NOW)!.record;
    const done = applyCase(back, wire({ status: 'taken_down', updatedAt: '2026-11-23T07:00:00.000Z', resolvedAt: '2026-11-23T07:00:00.000Z' }), NOW)!.record;
    expect(done.decidedAt).toBe('2026-11-22T09:00:00.000Z');
  });
  it('keeps a status it does not know, as sent', () => {
    const change = applyCase(submitted, wire({ status: 'escalated_to_platform' }), NOW)!;
    expect(change.record.caseStatus).toBe('escalated_to_platform');
  });
  it('reports no change when nothing changed, so nothing is written', () => {
    const once = applyCase(submitted, wire({}), NOW)!.record;
    expect(applyCase(once, wire({}), NOW)).toBeNull();
  });
});

describe('the action badge', () => {
  it('counts requests that wait on the user, and everything queued while paused', () => {
    const attention = record({ outbox: { state: 'attention', attempts: 0, nextAttemptAt: 0, lastError: { code: 'x', message: 'y' }, batchId: null } });
    const needsInfo = { ...submitted, caseStatus: 'needs_info' };
    const queued = record();
    expect(attentionCount([attention, needsInfo, queued, submitted], false)).toBe(2);
    expect(attentionCount([attention, needsInfo, queued, submitted], true)).toBe(3);
  });
});
