import { listFirstRows, listFirstScreen, listTopRequests } from '../shared/db/requests.ts';
import { peekPause } from '../shared/db/kv-peek.ts';
import { GROUPS, type GroupId } from '../shared/list-order.ts';
import type { QueuePause, TakedownRecord } from '../shared/model.ts';

/** What the first screen's headers and queue summary count, while only its rows are read. */
export interface FirstCounts {
  /** The groups the rows are in (the first screen shows no other group's header). */
  groups: Partial<Record<GroupId, number>>;
  queued: number;
  capturing: number;
}

export interface FirstRead {
  records: TakedownRecord[];
  pause: QueuePause | null;
  /** Null when `records` are the needs-you and queued groups whole (a paused queue). */
  counts: FirstCounts | null;
}

/**
 * More rows than the first screen shows: the virtual list renders its viewport (at most
 * 560 px in the 600 px popup) and 240 px beyond it, 8 rows of 110 px; the rest of the list
 * is read right after the first paint.
 */
export const FIRST_SCREEN_ROWS = 10;

let pending: Promise<FirstRead> | null = null;

/**
 * What the first screen shows: its first rows in display order, off the index of the popup's
 * order, and whether the queue is paused. A pause moves every unsent request into "needs you"
 * (an order the index does not hold): then the needs-you and queued groups are read whole, as
 * before. A request written without its list key would be missing from the index: checkTop
 * finds it right after the first paint.
 */
export async function readTop(): Promise<FirstRead> {
  const [shown, pause] = await Promise.all([listFirstRows(FIRST_SCREEN_ROWS), peekPause()]);
  if (pause !== null) return readGroupsWhole(pause);
  const groups = Object.fromEntries(shown.counts.map((n, i) => [GROUPS[i]!, n]));
  return { records: shown.records, pause, counts: { groups, queued: shown.queued, capturing: shown.capturing } };
}

/** The needs-you and queued groups whole. */
async function readGroupsWhole(pause: QueuePause | null): Promise<FirstRead> {
  return { records: await listTopRequests(), pause, counts: null };
}

/**
 * Right after a first paint off the index: whether every stored request is in it (which takes
 * counting every group, each index entry walked). Null when so (or when `shown` was not read
 * off the index); otherwise the needs-you and queued groups whole, to show instead until the
 * full read lands (as before this check followed the first paint, in issue #10).
 */
export async function checkTop(shown: FirstRead): Promise<FirstRead | null> {
  if (shown.counts === null || (await listFirstScreen(FIRST_SCREEN_ROWS)).indexed) return null;
  return readGroupsWhole(shown.pause);
}

/**
 * Starts reading what the first screen shows at once, before the rest of the popup (Preact,
 * the components) is loaded: the read and the loading overlap instead of following one
 * another. Nothing on this path loads zod (see kv-peek.ts).
 */
export function startFirstRead(): void {
  pending = readTop();
  pending.catch(() => undefined); // the popup's own read reports failures
}

/** The read started at load, handed over once; later reads go to IndexedDB themselves. */
export function takeFirstRead(): Promise<FirstRead> | null {
  const p = pending;
  pending = null;
  return p;
}
