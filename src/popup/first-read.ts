import { listFirstScreen, listTopRequests } from '../shared/db/requests.ts';
import { peekPause } from '../shared/db/kv-peek.ts';
import { GROUPS, type GroupId } from '../shared/list-order.ts';
import type { QueuePause, TakedownRecord } from '../shared/model.ts';

/** What the first screen's headers and queue summary count, while only its rows are read. */
export interface FirstCounts {
  groups: Record<GroupId, number>;
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
 * (an order the index does not hold), and a request written without its list key would be
 * missing from the index: then the needs-you and queued groups are read whole, as before.
 */
export async function readTop(): Promise<FirstRead> {
  const [screen, pause] = await Promise.all([listFirstScreen(FIRST_SCREEN_ROWS), peekPause()]);
  if (pause === null && screen.indexed) {
    const groups = Object.fromEntries(GROUPS.map((g, i) => [g, screen.counts[i]!])) as Record<GroupId, number>;
    return { records: screen.records, pause, counts: { groups, queued: screen.queued, capturing: screen.capturing } };
  }
  return { records: await listTopRequests(), pause, counts: null };
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
