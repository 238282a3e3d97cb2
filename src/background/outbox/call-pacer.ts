/**
 * Keeps our calls within the service's rate limit (spec: 20 calls a second per token by
 * default) instead of meeting it: each 429 stops the drain for its Retry-After and a wake-up,
 * which on a drain of hundreds of uploads costs far more than spacing the calls evenly.
 */
export const CALLS_PER_SECOND = 20;

/** How long to wait before the next call, given the times of the recent ones (pure). */
export function waitBeforeCall(recent: readonly number[], now: number, perSecond = CALLS_PER_SECOND): number {
  const inWindow = recent.filter((t) => now - t < 1000);
  if (inWindow.length < perSecond) return 0;
  return inWindow[inWindow.length - perSecond]! + 1000 - now;
}

/** A pacer on the real clock: await it before each call. One per worker instance. */
export function createPacer(perSecond = CALLS_PER_SECOND, now: () => number = () => performance.now()): () => Promise<void> {
  const recent: number[] = [];
  return async () => {
    for (let wait = waitBeforeCall(recent, now(), perSecond); wait > 0; wait = waitBeforeCall(recent, now(), perSecond)) {
      await new Promise((r) => setTimeout(r, wait));
    }
    recent.push(now());
    if (recent.length > perSecond) recent.splice(0, recent.length - perSecond);
  };
}
