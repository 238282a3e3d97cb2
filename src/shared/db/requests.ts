import { db } from './open.ts';
import type { TakedownRecord } from '../model.ts';

/** Every request, for the popup (a few thousand records read in one go is fast). */
export async function listRequests(): Promise<TakedownRecord[]> {
  return (await db()).getAll('requests');
}

/**
 * What can be in the popup's first two groups (needs you, queued): every request not yet
 * accepted by the service (a paused queue shows those as needing the user) and the cases
 * waiting on the member. Then the open cases the popup shows next.
 */
const TOP_OUTBOX = ['attention', 'capturing', 'queued', 'sending'] as const;
const TOP_CASE = ['needs_info', 'counter_notice'] as const;
const OPEN_CASE = ['received', 'in_review'] as const;

async function readByIndexes(outbox: readonly string[], cases: readonly string[]): Promise<TakedownRecord[]> {
  const tx = (await db()).transaction('requests');
  const byOutbox = tx.store.index('byOutboxState');
  const byCase = tx.store.index('byCaseStatus');
  const parts = await Promise.all([...outbox.map((s) => byOutbox.getAll(s)), ...cases.map((s) => byCase.getAll(s))]);
  await tx.done;
  const seen = new Map<string, TakedownRecord>();
  for (const r of parts.flat()) seen.set(r.clientRequestId, r);
  return [...seen.values()];
}

/**
 * Every request that can be in the popup's first two groups, through the indexes: what fills
 * the first screen when those groups are long, without reading the open cases too.
 */
export function listTopRequests(): Promise<TakedownRecord[]> {
  return readByIndexes(TOP_OUTBOX, TOP_CASE);
}

/**
 * The requests the popup shows first, read through the indexes in one transaction: what needs
 * the user, what is queued, the open cases; not the whole history, so the first row paints
 * before everything is read. Resolved cases (and statuses this version does not know) come
 * with listRequests.
 */
export function listFirstRequests(): Promise<TakedownRecord[]> {
  return readByIndexes(TOP_OUTBOX, [...TOP_CASE, ...OPEN_CASE]);
}

/** The open cases of the first read, for when the first two groups do not fill the screen. */
export function listOpenCases(): Promise<TakedownRecord[]> {
  return readByIndexes([], OPEN_CASE);
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
