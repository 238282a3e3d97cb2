import { listTopRequests } from '../shared/db/requests.ts';
import { peekPause } from '../shared/db/kv-peek.ts';
import type { QueuePause, TakedownRecord } from '../shared/model.ts';

export interface FirstRead {
  records: TakedownRecord[];
  pause: QueuePause | null;
}

let pending: Promise<FirstRead> | null = null;

/** What the first screen shows: the needs-you and queued groups, and whether the queue is paused. */
export async function readTop(): Promise<FirstRead> {
  const [records, pause] = await Promise.all([listTopRequests(), peekPause()]);
  return { records, pause };
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
