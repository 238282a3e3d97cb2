import { db } from './open.ts';
import type { TakedownRecord } from '../model.ts';

/** Every request, for the popup (a few thousand records read in one go is fast). */
export async function listRequests(): Promise<TakedownRecord[]> {
  return (await db()).getAll('requests');
}

/** Outbox states and case statuses of the popup's first groups: what needs the user, queued, open. */
const FIRST_OUTBOX = ['attention', 'queued', 'sending'] as const;
const FIRST_CASE = ['needs_info', 'counter_notice', 'received', 'in_review'] as const;

/**
 * The requests the popup shows first, read through the indexes in one transaction: a few
 * dozen records rather than the whole history, so the first row paints before everything
 * is read. Resolved cases (and statuses this version does not know) come with listRequests.
 */
export async function listFirstRequests(): Promise<TakedownRecord[]> {
  const tx = (await db()).transaction('requests');
  const byOutbox = tx.store.index('byOutboxState');
  const byCase = tx.store.index('byCaseStatus');
  const parts = await Promise.all([...FIRST_OUTBOX.map((s) => byOutbox.getAll(s)), ...FIRST_CASE.map((s) => byCase.getAll(s))]);
  await tx.done;
  const seen = new Map<string, TakedownRecord>();
  for (const r of parts.flat()) seen.set(r.clientRequestId, r);
  return [...seen.values()];
}

export async function getRequest(clientRequestId: string): Promise<TakedownRecord | undefined> {
  return (await db()).get('requests', clientRequestId);
}

/** The newest request per item key, for annotating a page. */
export async function latestByItems(itemKeys: string[]): Promise<Map<string, TakedownRecord>> {
  const database = await db();
  const tx = database.transaction('requests');
  const index = tx.store.index('byItem');
  const found = new Map<string, TakedownRecord>();
  await Promise.all(
    [...new Set(itemKeys)].map(async (key) => {
      const all = await index.getAll(key);
      const newest = all.sort((a, b) => b.flaggedAt.localeCompare(a.flaggedAt))[0];
      if (newest) found.set(key, newest);
    }),
  );
  await tx.done;
  return found;
}

/** How many requests each seller already has (repeat sellers are marked on the page). */
export async function countBySellers(sellerKeys: string[]): Promise<Record<string, number>> {
  const database = await db();
  const tx = database.transaction('requests');
  const index = tx.store.index('bySeller');
  const counts: Record<string, number> = {};
  await Promise.all(
    [...new Set(sellerKeys)].map(async (key) => {
      counts[key] = await index.count(key);
    }),
  );
  await tx.done;
  return counts;
}
