import { listTopRequests } from '../shared/db/requests.ts';
import type { TakedownRecord } from '../shared/model.ts';

let pending: Promise<TakedownRecord[]> | null = null;

/**
 * Starts reading what the first screen shows (the needs-you and queued groups) at once,
 * before the rest of the popup (Preact, the schemas, the components) is loaded: the read and
 * the loading overlap instead of following one another.
 */
export function startFirstRead(): void {
  pending = listTopRequests();
  pending.catch(() => undefined); // the popup's own read reports failures
}

/** The read started at load, handed over once; later reads go to IndexedDB themselves. */
export function takeFirstRead(): Promise<TakedownRecord[]> | null {
  const p = pending;
  pending = null;
  return p;
}
