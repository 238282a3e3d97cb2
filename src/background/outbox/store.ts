import { db } from '../../shared/db/open.ts';
import type { BatchRecord } from '../../shared/db/schema.ts';
import type { TakedownRecord } from '../../shared/model.ts';
import { buildBatch, dueForBatch } from './plan.ts';
import { kvPut } from '../../shared/db/kv.ts';
import { CALM } from './pace.ts';
import { putRequest } from '../../shared/db/request-put.ts';

/**
 * The outbox's reads and writes. Every change to a batch and its requests happens in one
 * transaction, so a worker killed at any point leaves either the old or the new state.
 */

export interface PendingBatch {
  batch: BatchRecord;
  records: TakedownRecord[];
}

/** A stored batch due for (re)sending, else a new batch built from due requests, else null. */
export async function takeBatch(now: number, newId: () => string): Promise<PendingBatch | null> {
  const tx = (await db()).transaction(['batches', 'requests'], 'readwrite');
  const batches = tx.objectStore('batches');
  const requests = tx.objectStore('requests');
  const stored = (await batches.getAll()).filter((b) => b.nextAttemptAt <= now).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  let batch: BatchRecord | null = stored ?? null;
  let records: TakedownRecord[] = [];
  if (batch) {
    const found = await Promise.all(batch.clientRequestIds.map((id) => requests.get(id)));
    records = found.filter((r): r is TakedownRecord => r !== undefined);
  } else {
    const queued = await requests.index('byOutboxState').getAll('queued');
    const { picked, body } = buildBatch(dueForBatch(queued, now));
    if (picked.length > 0) {
      const batchId = newId();
      batch = {
        batchId,
        idempotencyKey: newId(),
        clientRequestIds: picked.map((r) => r.clientRequestId),
        body,
        createdAt: new Date(now).toISOString(),
        attempts: 0,
        nextAttemptAt: now,
      };
      await batches.put(batch);
      records = picked;
    }
  }
  if (batch) {
    records = records.map((r) => ({ ...r, outbox: { ...r.outbox, state: 'sending' as const, batchId: batch.batchId } }));
    await Promise.all(records.map((r) => putRequest(requests, r)));
  }
  await tx.done;
  return batch ? { batch, records } : null;
}

/**
 * Writes the outcome of one attempt: the requests' new states (computed from their current
 * stored versions, so a concurrent status update is not lost) and the batch kept or dropped.
 */
export async function settleBatch(
  batch: BatchRecord,
  update: (current: TakedownRecord[]) => TakedownRecord[],
  keep: { nextAttemptAt: number; attempts: number } | null,
): Promise<TakedownRecord[]> {
  const tx = (await db()).transaction(['batches', 'requests'], 'readwrite');
  const requests = tx.objectStore('requests');
  const current = (await Promise.all(batch.clientRequestIds.map((id) => requests.get(id)))).filter(
    (r): r is TakedownRecord => r !== undefined,
  );
  const next = update(current);
  await Promise.all(next.map((r) => putRequest(requests, r)));
  if (keep) await tx.objectStore('batches').put({ ...batch, attempts: keep.attempts, nextAttemptAt: keep.nextAttemptAt });
  else await tx.objectStore('batches').delete(batch.batchId);
  await tx.done;
  return next;
}

export async function allRequests(): Promise<TakedownRecord[]> {
  return (await db()).getAll('requests');
}

export async function earliestBatchRetry(): Promise<number | null> {
  const all = await (await db()).getAll('batches');
  return all.length ? Math.min(...all.map((b) => b.nextAttemptAt)) : null;
}

/** The earliest time anything in the outbox (a stored batch or a queued request) is due, or null. */
export async function earliestOutboxDue(): Promise<number | null> {
  const queued = await (await db()).getAllFromIndex('requests', 'byOutboxState', 'queued');
  const times = [...queued.map((r) => r.outbox.nextAttemptAt), (await earliestBatchRetry()) ?? Infinity];
  const first = Math.min(...times);
  return Number.isFinite(first) ? first : null;
}

/**
 * "Send now" (and the network coming back): whatever waits for a backoff becomes due at
 * once, and backoff starts small again; the user's word overrides an old Retry-After too.
 * Requests waiting on the user stay where they are.
 */
export async function makeAllDue(now: number): Promise<void> {
  const tx = (await db()).transaction(['batches', 'requests', 'kv'], 'readwrite');
  await kvPut('sendPace', CALM, tx.objectStore('kv'));
  for (const b of await tx.objectStore('batches').getAll()) await tx.objectStore('batches').put({ ...b, attempts: 0, nextAttemptAt: now });
  const requests = tx.objectStore('requests');
  for (const r of await requests.index('byOutboxState').getAll('queued')) {
    if (r.outbox.nextAttemptAt > now) await putRequest(requests, { ...r, outbox: { ...r.outbox, nextAttemptAt: now } });
  }
  await tx.done;
}
