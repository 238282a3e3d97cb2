import { describe, expect, it } from 'vitest';
import type { StampJob } from '../../shared/db/schema.ts';
import { afterFailedRound, STAMP_POLICY, triedAgain } from './policy.ts';

const T0 = Date.parse('2026-11-24T02:00:00.000Z');
const HOUR = 3600_000;
const job = (patch: Partial<StampJob> = {}): StampJob => ({
  manifestSha256: 'a'.repeat(64),
  state: 'pending',
  createdAt: new Date(T0).toISOString(),
  attempts: 0,
  nextAttemptAt: T0,
  lastError: null,
  tokens: [],
  ...patch,
});

/** Fails every round as soon as it is due, from `start`, until the policy gives up or `until`. */
function failEveryRound(j: StampJob, until: number, random = () => 0.5): { job: StampJob; rounds: number } {
  let rounds = 0;
  while (j.state === 'pending' && j.nextAttemptAt <= until) {
    j = afterFailedRound(j, 'http://tsa.example/: HTTP 503', j.nextAttemptAt, random);
    rounds++;
  }
  return { job: j, rounds };
}

describe('how long a stamp is asked for', () => {
  it('backs off with full jitter, never sooner than 5 s nor more than an hour apart', () => {
    const first = afterFailedRound(job(), 'down', T0, () => 0);
    expect(first).toMatchObject({ state: 'pending', attempts: 1, failures: 1, lastError: 'down', nextAttemptAt: T0 + STAMP_POLICY.minDelayMs });
    const late = afterFailedRound(job({ attempts: 40 }), 'down', T0, () => 0.999999);
    expect(late.nextAttemptAt - T0).toBeLessThan(STAMP_POLICY.capMs);
    expect(late.nextAttemptAt - T0).toBeGreaterThan(STAMP_POLICY.capMs - 1000);
  });

  it('keeps trying for a week of failures, then stops with the last reason', () => {
    const sixDays = failEveryRound(job(), T0 + 6 * 24 * HOUR);
    expect(sixDays.job.state).toBe('pending');
    const week = failEveryRound(sixDays.job, T0 + 8 * 24 * HOUR);
    expect(week.job).toMatchObject({ state: 'failed', lastError: 'http://tsa.example/: HTTP 503' });
    const failedAt = Date.parse(week.job.failedAt!);
    expect(failedAt).toBeGreaterThanOrEqual(T0 + 7 * 24 * HOUR);
    expect(failedAt).toBeLessThan(T0 + 7 * 24 * HOUR + STAMP_POLICY.capMs);
    // Hourly at most once backed off: a few hundred tries over the week, not thousands.
    expect(sixDays.rounds + week.rounds).toBeGreaterThan(150);
    expect(sixDays.rounds + week.rounds).toBeLessThan(400);
  });

  it('does not give up on a week in which it hardly tried (the laptop was shut or offline)', () => {
    const back = job({ attempts: 3, failures: 3 });
    const after = afterFailedRound(back, 'unreachable', T0 + 9 * 24 * HOUR, () => 0.5);
    expect(after).toMatchObject({ state: 'pending', failures: 4 });
  });

  it('counts failures across coming back online, which resets only the backoff', () => {
    const tired = job({ attempts: 0, failures: STAMP_POLICY.minFailures - 1 });
    expect(afterFailedRound(tired, 'down', T0 + 7 * 24 * HOUR, () => 0.5).state).toBe('failed');
  });

  it('"try again" starts a new week of tries, due now', () => {
    const failed = job({ state: 'failed', attempts: 30, failures: 30, failedAt: new Date(T0 + 8 * 24 * HOUR).toISOString(), lastError: 'down' });
    const now = T0 + 10 * 24 * HOUR;
    const again = triedAgain(failed, now);
    expect(again).toMatchObject({ state: 'pending', attempts: 0, failures: 0, nextAttemptAt: now, triesSince: new Date(now).toISOString(), lastError: 'down' });
    expect(again.failedAt).toBeUndefined();
    expect(afterFailedRound(again, 'down', now + 5_000, () => 0.5).state).toBe('pending');
  });
});
