import type { StampJob } from '../../shared/db/schema.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * How long a capture manifest's stamp is asked for. A TSA that is down for hours is retried
 * with full-jitter backoff, at most an hour apart (public TSAs throttle clients that insist).
 * After a week of failing tries, and at least 20 of them (a laptop that was shut or offline
 * for the week has not really tried), the job stops with its last reason, and the popup
 * offers "try again": a TSA address that is wrong or gone will not mend itself, and a stamp
 * asked for much later proves less, so the user decides.
 */
export const STAMP_POLICY = { minDelayMs: 5_000, baseMs: 5_000, capMs: 60 * MINUTE, giveUpAfterMs: 7 * DAY, minFailures: 20 } as const;

const since = (job: StampJob) => Date.parse(job.triesSince ?? job.createdAt);

/** The job after a round in which every TSA failed: due again later, or given up. */
export function afterFailedRound(job: StampJob, error: string, now: number, random: () => number): StampJob {
  const attempts = job.attempts + 1;
  const failures = (job.failures ?? 0) + 1;
  if (now - since(job) >= STAMP_POLICY.giveUpAfterMs && failures >= STAMP_POLICY.minFailures) {
    return { ...job, state: 'failed', attempts, failures, lastError: error, failedAt: new Date(now).toISOString(), nextAttemptAt: now };
  }
  const ceiling = Math.min(STAMP_POLICY.capMs, STAMP_POLICY.baseMs * 2 ** Math.min(attempts, 30));
  const delay = Math.max(STAMP_POLICY.minDelayMs, Math.floor(random() * ceiling));
  return { ...job, attempts, failures, lastError: error, nextAttemptAt: now + delay };
}

/** "Try again" on a job that was given up: a new period of tries, the first one now. */
export function triedAgain(job: StampJob, now: number): StampJob {
  const { failedAt: _gone, ...rest } = job;
  return { ...rest, state: 'pending', attempts: 0, failures: 0, triesSince: new Date(now).toISOString(), nextAttemptAt: now };
}
