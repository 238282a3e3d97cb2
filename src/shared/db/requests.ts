import { db } from './open.ts';
import type { TakedownRecord } from '../model.ts';
import { GROUPS, groupOf } from '../list-order.ts';

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

/** What the popup's first paint needs: its rows, the sizes of their groups, the queue summary's counts. */
export interface FirstRows {
  /** The first `rows` requests in the popup's order (while the queue is not paused). */
  records: TakedownRecord[];
  /** The sizes of the groups from the first up to the last one `records` reach, by rank. */
  counts: number[];
  /** Requests not yet accepted by the service, by outbox state (for the queue summary). */
  queued: number;
  capturing: number;
}

const rank = (g: number) => IDBKeyRange.bound([g], [g + 1], false, true);

/**
 * What the popup's first paint shows, in one transaction: `rows` records off index
 * byListOrder, the counts of the queue summary and of the groups those rows are in (the first
 * screen shows no other group's header). Not the later groups, nor whether every request is
 * in the index (listFirstScreen): in Chromium each index entry walked costs about 5 µs (a
 * store's own count about 1.3), and with 2,000 requests those counts were ~30 of the ~45 ms
 * that counting cost before the first row (issue #10).
 */
export async function listFirstRows(rows: number): Promise<FirstRows> {
  const tx = (await db()).transaction('requests');
  const byOrder = tx.store.index('byListOrder');
  const byOutbox = tx.store.index('byOutboxState');
  const rowsRead = byOrder.getAll(null, rows);
  const outbox = Promise.all([byOutbox.count('queued'), byOutbox.count('sending'), byOutbox.count('capturing')]);
  // Index order is group order: the groups of the rows are the first non-empty ones.
  const groups = rowsRead.then((records) => {
    const last = Math.max(-1, ...records.map((r) => GROUPS.indexOf(groupOf(r, false))));
    return Promise.all(GROUPS.slice(0, last + 1).map((_, g) => byOrder.count(rank(g))));
  });
  const [records, counts, [queued, sending, capturing]] = await Promise.all([rowsRead, groups, outbox]);
  await tx.done;
  return { records, counts, queued: queued + sending, capturing };
}

/**
 * What fills the popup's first screen, in one transaction: `rows` records off index
 * byListOrder (the popup's order), and every count its group headers and queue summary can
 * show; and whether every stored request is in the index (the popup checks this right after
 * its first paint, which listFirstRows serves). Counting walks keys only; it is deserialising
 * records that costs (issue #10: 800 records, 35-56 ms; 10 records, 1.4 ms).
 */
export async function listFirstScreen(rows: number): Promise<FirstScreen> {
  const tx = (await db()).transaction('requests');
  const byOrder = tx.store.index('byListOrder');
  const byOutbox = tx.store.index('byOutboxState');
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
