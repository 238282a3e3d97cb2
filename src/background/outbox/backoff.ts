/**
 * Full-jitter exponential backoff (AWS architecture blog, "Exponential Backoff And Jitter"):
 * a random delay in [0, min(cap, base·2^attempt)], so that many devices coming back online
 * together do not hammer the service in lockstep. The service's Retry-After is a floor.
 */
export const BACKOFF = { baseMs: 2_000, capMs: 5 * 60_000 } as const;

export function backoffDelay(attempt: number, random: () => number, retryAfterMs: number | null = null): number {
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * ceiling);
  return Math.max(jittered, retryAfterMs ?? 0);
}
