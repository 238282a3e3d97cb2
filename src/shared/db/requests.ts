import { db } from './open.ts';
import type { TakedownRecord } from '../model.ts';

/** Every request, for the popup (a few thousand records read in one go is fast). */
export async function listRequests(): Promise<TakedownRecord[]> {
  return (await db()).getAll('requests');
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
