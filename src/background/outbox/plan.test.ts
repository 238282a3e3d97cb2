import { describe, expect, it } from 'vitest';
import { buildBatch, dueForBatch, nextDueAt } from './plan.ts';
import { applyResults, planFailure } from './apply.ts';
import { canTake } from './lease.ts';
import { SubmitBody } from '../../shared/api/schemas.ts';
import { record } from '../../../test/unit/records.ts';
import type { ApiFailure } from '../../shared/api/client.ts';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const NOW = Date.parse('2026-11-22T06:00:00.000Z');

describe('batching', () => {
  it('takes due queued requests not already in a batch, oldest first', () => {
    const rs = [
      record({ id: uuid(1), flaggedAt: '2026-11-22T05:00:02.000Z' }),
      record({ id: uuid(2), flaggedAt: '2026-11-22T05:00:01.000Z' }),
      record({ id: uuid(3), outbox: { state: 'queued', attempts: 1, nextAttemptAt: NOW + 1, lastError: null, batchId: null } }),
      record({ id: uuid(4), outbox: { state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: 'b1' } }),
      record({ id: uuid(5), outbox: { state: 'attention', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: null } }),
    ];
    expect(dueForBatch(rs, NOW).map((r) => r.clientRequestId)).toEqual([uuid(2), uuid(1)]);
    expect(nextDueAt(rs)).toBe(0);
  });

  it('caps a batch at 100 requests and builds a body the API schema accepts', () => {
    const rs = Array.from({ length: 130 }, (_, i) => record({ id: uuid(i), itemId: String(600000000000 + i) }));
    const { picked, body } = buildBatch(rs);
    expect(picked).toHaveLength(100);
    const parsed = SubmitBody.safeParse(JSON.parse(body));
    expect(parsed.success).toBe(true);
  });

  it('caps a batch at 1 MiB of JSON', () => {
    // Twelve image URLs of 2 KiB each: 100 such requests make about 2.4 MiB.
    const imageUrls = Array.from({ length: 12 }, (_, k) => `https://img.alicdn.com/${k}/${'x'.repeat(2000)}.jpg`);
    const rs = Array.from({ length: 100 }, (_, i) => {
      const r = record({ id: uuid(i) });
      return { ...r, listing: { ...r.listing, imageUrls } };
    });
    const { picked, body } = buildBatch(rs);
    expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(1024 * 1024);
    expect(picked.length).toBeGreaterThan(30);
    expect(picked.length).toBeLessThan(100);
    expect(JSON.parse(body).requests).toHaveLength(picked.length);
  });
});

describe('applying answers', () => {
  const batch = [record({ id: uuid(1) }), record({ id: uuid(2) }), record({ id: uuid(3) }), record({ id: uuid(4) }), record({ id: uuid(5) })];
  const out = applyResults(
    batch,
    [
      { clientRequestId: uuid(1), outcome: 'accepted', caseId: 'TD-2026-000123', receivedAt: '2026-11-22T06:00:01.000Z', slaDueAt: '2026-11-23T06:00:01.000Z' },
      { clientRequestId: uuid(2), outcome: 'duplicate', caseId: 'TD-2026-000099', receivedAt: '2026-11-21T10:00:00.000Z', slaDueAt: '2026-11-24T10:00:00.000Z' },
      { clientRequestId: uuid(3), outcome: 'rejected', error: { code: 'evidence_missing', message: 'upload first' } },
      { clientRequestId: uuid(4), outcome: 'rejected', error: { code: 'listing_unavailable', message: 'gone' } },
    ],
    NOW,
    () => 0.5,
  );
  it('accepted and duplicate carry the case and its SLA', () => {
    expect(out[0]).toMatchObject({ caseId: 'TD-2026-000123', slaDueAt: '2026-11-23T06:00:01.000Z', outbox: { state: 'submitted', batchId: null } });
    expect(out[1]).toMatchObject({ caseId: 'TD-2026-000099', slaDueAt: '2026-11-24T10:00:00.000Z', outbox: { state: 'submitted' } });
  });
  it('evidence_missing goes back to the queue at once, to be uploaded and resent', () => {
    expect(out[2]!.outbox).toMatchObject({ state: 'queued', batchId: null, nextAttemptAt: NOW, lastError: { code: 'evidence_missing' } });
  });
  it('a permanent rejection waits for the user with the reason', () => {
    expect(out[3]!.outbox).toMatchObject({ state: 'attention', lastError: { code: 'listing_unavailable', message: 'gone' } });
  });
  it('a request the answer does not mention stays queued', () => {
    expect(out[4]!.outbox.state).toBe('queued');
    expect(out[4]!.outbox.nextAttemptAt).toBeGreaterThanOrEqual(NOW);
  });
});

describe('failed calls', () => {
  const fail = (kind: ApiFailure['kind'], code: string, retryAfterMs: number | null = null): ApiFailure => ({ ok: false, kind, status: 0, code, message: code, retryAfterMs });
  const batch = [record({ id: uuid(1), outbox: { state: 'sending', attempts: 0, nextAttemptAt: 0, lastError: null, batchId: 'b1' } })];
  it('transient: keeps the batch and retries no earlier than Retry-After', () => {
    const plan = planFailure(batch, fail('rate_limited', 'rate_limited', 7_000), 0, NOW, () => 0);
    expect(plan).toMatchObject({ batch: 'keep', retryAt: NOW + 7_000, pause: null });
    expect(plan.records[0]!.outbox).toMatchObject({ state: 'queued', batchId: 'b1' });
  });
  it('401 pauses the queue and keeps the batch', () => {
    const plan = planFailure(batch, fail('unauthorized', 'unauthorized'), 0, NOW, () => 0);
    expect(plan.batch).toBe('keep');
    expect(plan.pause).toMatchObject({ code: 'unauthorized' });
  });
  it('403 and malformed calls go to the user', () => {
    for (const f of [fail('forbidden', 'forbidden'), fail('invalid', 'invalid_request')]) {
      const plan = planFailure(batch, f, 0, NOW, () => 0);
      expect(plan.batch).toBe('drop');
      expect(plan.records[0]!.outbox).toMatchObject({ state: 'attention', batchId: null });
    }
  });
  it('a reused idempotency key requeues under a fresh batch', () => {
    const plan = planFailure(batch, fail('invalid', 'idempotency_key_reused'), 0, NOW, () => 0);
    expect(plan.batch).toBe('drop');
    expect(plan.records[0]!.outbox).toMatchObject({ state: 'queued', batchId: null });
  });
});

describe('sender lease', () => {
  it('is free, renewable by its owner, and taken over only after expiry', () => {
    expect(canTake(null, 'a', NOW)).toBe(true);
    expect(canTake({ owner: 'a', expiresAt: NOW + 1 }, 'a', NOW)).toBe(true);
    expect(canTake({ owner: 'a', expiresAt: NOW + 1 }, 'b', NOW)).toBe(false);
    expect(canTake({ owner: 'a', expiresAt: NOW }, 'b', NOW)).toBe(true);
  });
});
