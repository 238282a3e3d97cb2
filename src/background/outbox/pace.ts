import type { SendPace } from '../../shared/db/kv-keys.ts';

/**
 * The queue's pace, shared by all batches. A batch waits out a backoff because the service
 * was sick when it was last tried (what the service refuses for its content goes to the user,
 * never into a backoff): once a call succeeds, that wait only delays requests the service
 * would take now, so every waiting batch is due again (no earlier than the service's
 * Retry-After). While the queue waits out a long backoff, a cheap probe asks well before its
 * end whether the service is back.
 */
export const PACE = {
  /** The first probe comes 10–15 s after the failure; later ones 20–30 s apart. */
  probeMs: 10_000,
  probeCapMs: 20_000,
} as const;

export const CALM: SendPace = { notBefore: 0, failuresInARow: 0, probeAt: null, failedProbes: 0 };

/** How long after a failed call (or probe) the next probe runs: doubling to a cap, plus up to half again of jitter. */
export function probeDelay(failedProbes: number, random: () => number): number {
  const base = Math.min(PACE.probeCapMs, PACE.probeMs * 2 ** Math.min(failedProbes, 10));
  return base + Math.floor(random() * (base / 2));
}

/** The service answered a call: the failure streak and the probe end; a Retry-After still holds. */
export function afterSuccess(p: SendPace): SendPace {
  return { notBefore: p.notBefore, failuresInARow: 0, probeAt: null, failedProbes: 0 };
}

/**
 * A transient failure (5xx, 429, transport). A single failure right after a success says more
 * about that batch than about the service (a batch the service keeps failing on must not be
 * retried at the probe's pace), so the probe is planned from the second failure in a row, and
 * a probe already planned is kept rather than pushed back by each failure.
 */
export function afterFailure(p: SendPace, now: number, retryAfterMs: number | null, random: () => number): SendPace {
  const notBefore = Math.max(p.notBefore, retryAfterMs === null ? 0 : now + retryAfterMs);
  const failuresInARow = p.failuresInARow + 1;
  const planned = p.probeAt !== null && p.probeAt > now;
  const probeAt = planned ? p.probeAt : failuresInARow >= 2 ? Math.max(now + probeDelay(p.failedProbes, random), notBefore) : null;
  return { notBefore, failuresInARow, probeAt, failedProbes: p.failedProbes };
}

/** The probe found the service still sick: the next one comes later, never before its Retry-After. */
export function afterFailedProbe(p: SendPace, now: number, retryAfterMs: number | null, random: () => number): SendPace {
  const notBefore = Math.max(p.notBefore, retryAfterMs === null ? 0 : now + retryAfterMs);
  const failedProbes = p.failedProbes + 1;
  return { notBefore, failuresInARow: p.failuresInARow + 1, probeAt: Math.max(now + probeDelay(failedProbes, random), notBefore), failedProbes };
}

/**
 * Should the probe run now? Only while something waits out a backoff beyond now (what is due
 * is sent, and that call is the probe), and never offline: coming online asks on its own.
 */
export function probeDue(p: SendPace, now: number, online: boolean, earliestWait: number | null): boolean {
  return online && p.probeAt !== null && p.probeAt <= now && p.notBefore <= now && earliestWait !== null && earliestWait > now;
}

/**
 * When the worker must wake for the outbox: the earliest retry, or the probe if it comes
 * first (online only), and never before the service's Retry-After.
 */
export function wakeAt(p: SendPace, dueTimes: number[], online: boolean): number | null {
  if (dueTimes.length === 0) return null;
  const due = Math.min(...dueTimes);
  const first = online && p.probeAt !== null ? Math.min(due, p.probeAt) : due;
  return Math.max(first, p.notBefore);
}

/**
 * After a success, a backoff's end moves to now (or the Retry-After). `keepAttempts`: a probe's
 * success says the service answers, not that it takes our batches; its count of failures stays,
 * so a batch the service keeps failing on still backs off.
 */
export function dueAgain<T extends { nextAttemptAt: number; attempts: number }>(item: T, now: number, notBefore: number, keepAttempts: boolean): T {
  if (item.nextAttemptAt <= now) return item;
  return { ...item, nextAttemptAt: Math.min(item.nextAttemptAt, Math.max(now, notBefore)), attempts: keepAttempts ? item.attempts : 0 };
}
