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

/** How many requests each group of the popup holds, from index byListOrder (unpaused groups). */
export type GroupCounts = [needsYou: number, queued: number, open: number, resolved: number];

export interface FirstScreen {
  /** The first `rows` requests in the popup's order (while the queue is not paused). */
  records: TakedownRecord[];
  counts: GroupCounts;
  /** Requests not yet accepted by the service, by outbox state (for the queue summary). */
  queued: number;
  capturing: number;
  /** False when some stored request has no list key (written around putRequest): read the groups whole instead. */
  indexed: boolean;
}

/**
 * What fills the popup's first screen, in one transaction: `rows` records off index
 * byListOrder (the popup's order), and the counts its group headers and queue summary show.
 * Counting walks keys only; it is deserialising records that costs (issue #10: 800 records,
 * 35-56 ms; 10 records, 1.4 ms).
 */
export async function listFirstScreen(rows: number): Promise<FirstScreen> {
  const tx = (await db()).transaction('requests');
  const byOrder = tx.store.index('byListOrder');
  const byOutbox = tx.store.index('byOutboxState');
  const rank = (g: number) => IDBKeyRange.bound([g], [g + 1], false, true);
  const [records, a, b, c, d, total, queued, sending, capturing] = await Promise.all([
    byOrder.getAll(null, rows),
    byOrder.count(rank(0)),
    byOrder.count(rank(1)),
    byOrder.count(rank(2)),
    byOrder.count(rank(3)),
    tx.store.count(),
    byOutbox.count('queued'),
    byOutbox.count('sending'),
    byOutbox.count('capturing'),
  ]);
  await tx.done;
  return { records, counts: [a, b, c, d], queued: queued + sending, capturing, indexed: a + b + c + d === total };
}
