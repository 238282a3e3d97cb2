import { db } from '../../shared/db/open.ts';
import { kvGet, kvPut } from '../../shared/db/kv.ts';
import type { SendPace } from '../../shared/db/kv-keys.ts';
import { CALM, afterSuccess, dueAgain } from './pace.ts';
import { putRequest } from '../../shared/db/request-put.ts';

/** The pace's reads and writes; the decisions are in pace.ts. */

export async function getPace(): Promise<SendPace> {
  return (await kvGet('sendPace')) ?? CALM;
}

export async function updatePace(change: (p: SendPace) => SendPace): Promise<SendPace> {
  const tx = (await db()).transaction('kv', 'readwrite');
  const next = change((await kvGet('sendPace', tx.store)) ?? CALM);
  await kvPut('sendPace', next, tx.store);
  await tx.done;
  return next;
}

/**
 * The service answered: every batch and request waiting out a backoff is due again now (or at
 * the service's Retry-After), in one transaction with the pace. Returns how many moved.
 */
export async function serviceAnswered(now: number, opts: { keepAttempts: boolean }): Promise<number> {
  const tx = (await db()).transaction(['batches', 'requests', 'kv'], 'readwrite');
  const kv = tx.objectStore('kv');
  const pace = (await kvGet('sendPace', kv)) ?? CALM;
  let moved = 0;
  const batches = tx.objectStore('batches');
  for (const b of await batches.getAll()) {
    const next = dueAgain(b, now, pace.notBefore, opts.keepAttempts);
    if (next !== b) (moved++, await batches.put(next));
  }
  const requests = tx.objectStore('requests');
  for (const r of await requests.index('byOutboxState').getAll('queued')) {
    const outbox = dueAgain(r.outbox, now, pace.notBefore, opts.keepAttempts);
    if (outbox !== r.outbox) (moved++, await putRequest(requests, { ...r, outbox }));
  }
  await kvPut('sendPace', afterSuccess(pace), kv);
  await tx.done;
  return moved;
}
