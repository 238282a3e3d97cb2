import type { Problem, TakedownRecord } from '../../shared/model.ts';
import type { SubmitResult } from '../../shared/api/schemas.ts';
import type { ApiFailure } from '../../shared/api/client.ts';
import { backoffDelay } from './backoff.ts';
import { t } from '../../shared/i18n.ts';

/** Only this rejection is worth sending again (after uploading the evidence). */
const RESEND_CODES = new Set(['evidence_missing']);

const stamp = (r: TakedownRecord, now: number, outbox: Partial<TakedownRecord['outbox']>): TakedownRecord => ({
  ...r,
  outbox: { ...r.outbox, ...outbox },
  updatedAt: new Date(now).toISOString(),
});

/**
 * Applies the service's per-request answers to the requests of one batch. A request the
 * answer does not mention stays queued: nothing is dropped until the service answers for it.
 */
export function applyResults(batch: TakedownRecord[], results: SubmitResult[], now: number, random: () => number): TakedownRecord[] {
  const byId = new Map(results.map((r) => [r.clientRequestId, r]));
  return batch.map((rec) => {
    const result = byId.get(rec.clientRequestId);
    if (!result) {
      const attempts = rec.outbox.attempts + 1;
      const lastError = { code: 'no_result', message: t('worker_error_no_result') };
      return stamp(rec, now, { state: 'queued', batchId: null, attempts, nextAttemptAt: now + backoffDelay(attempts, random), lastError });
    }
    if (result.outcome === 'accepted' || result.outcome === 'duplicate') {
      return {
        ...stamp(rec, now, { state: 'submitted', batchId: null, lastError: null }),
        caseId: result.caseId,
        receivedAt: result.receivedAt,
        slaDueAt: result.slaDueAt,
      };
    }
    const lastError: Problem = { code: result.error.code, message: result.error.message };
    if (RESEND_CODES.has(result.error.code)) {
      // Upload again, then resend: immediately the first time, with backoff after that so a
      // service that keeps losing our uploads is not hammered.
      const attempts = rec.outbox.attempts + 1;
      const delay = attempts <= 1 ? 0 : backoffDelay(attempts, random);
      return stamp(rec, now, { state: 'queued', batchId: null, attempts, nextAttemptAt: now + delay, lastError });
    }
    return stamp(rec, now, { state: 'attention', batchId: null, lastError });
  });
}

export type FailurePlan =
  | { batch: 'keep'; retryAt: number; records: TakedownRecord[]; pause: null }
  | { batch: 'keep'; retryAt: number; records: TakedownRecord[]; pause: Problem }
  | { batch: 'drop'; records: TakedownRecord[]; pause: null };

/**
 * What a failed POST means for its batch. Transient failures keep the batch (same bytes,
 * same Idempotency-Key) for a later retry; a refused token pauses everything; a request the
 * service can never accept goes to the user.
 */
export function planFailure(batch: TakedownRecord[], failure: ApiFailure, batchAttempts: number, now: number, random: () => number): FailurePlan {
  const lastError: Problem = { code: failure.code, message: failure.message };
  if (failure.kind === 'unauthorized') {
    const records = batch.map((r) => stamp(r, now, { state: 'queued', lastError }));
    return { batch: 'keep', retryAt: now, records, pause: lastError };
  }
  if (failure.kind === 'invalid' && failure.code === 'idempotency_key_reused') {
    // Our stored body and key no longer agree with the service: start a fresh batch.
    // clientRequestId still guarantees the service files no request twice.
    return { batch: 'drop', records: batch.map((r) => stamp(r, now, { state: 'queued', batchId: null, lastError })), pause: null };
  }
  if (failure.kind === 'forbidden' || failure.kind === 'invalid') {
    return { batch: 'drop', records: batch.map((r) => stamp(r, now, { state: 'attention', batchId: null, lastError })), pause: null };
  }
  const retryAt = now + backoffDelay(batchAttempts, random, failure.retryAfterMs);
  const records = batch.map((r) => stamp(r, now, { state: 'queued', attempts: r.outbox.attempts + 1, nextAttemptAt: retryAt, lastError }));
  return { batch: 'keep', retryAt, records, pause: null };
}
