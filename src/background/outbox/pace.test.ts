import { describe, expect, it } from 'vitest';
import { CALM, afterFailedProbe, afterFailure, afterSuccess, dueAgain, probeDelay, probeDue, wakeAt } from './pace.ts';
import { backoffDelay } from './backoff.ts';

const NOW = Date.parse('2026-11-22T06:00:00.000Z');
const low = () => 0;
const high = () => 0.999999;

describe('when the "service is back" probe runs', () => {
  it('comes 10–15 s after the failure that started it, then 20–30 s apart', () => {
    expect(probeDelay(0, low)).toBe(10_000);
    expect(probeDelay(0, high)).toBeLessThan(15_000);
    expect(probeDelay(1, low)).toBe(20_000);
    expect(probeDelay(9, high)).toBeLessThan(30_000);
  });

  it('is planned from the second failure in a row, well before a long backoff ends', () => {
    const once = afterFailure(CALM, NOW, null, low);
    expect(once.probeAt).toBeNull(); // one failure right after a success may be the batch's own
    const twice = afterFailure(once, NOW + 1_000, null, low);
    expect(twice.probeAt).toBe(NOW + 11_000);
    // A backoff of several minutes: the probe asks after about ten seconds.
    const backoffEnd = NOW + 1_000 + backoffDelay(8, () => 0.9);
    expect(backoffEnd - NOW).toBeGreaterThan(200_000);
    expect(twice.probeAt!).toBeLessThan(backoffEnd);
  });

  it('is not pushed back by each new failure', () => {
    const planned = afterFailure(afterFailure(CALM, NOW, null, low), NOW, null, low);
    expect(afterFailure(planned, NOW + 5_000, null, high).probeAt).toBe(planned.probeAt);
  });

  it('never comes before the service\'s Retry-After', () => {
    const p = afterFailure(afterFailure(CALM, NOW, null, low), NOW, 60_000, low);
    expect(p.notBefore).toBe(NOW + 60_000);
    expect(p.probeAt).toBe(NOW + 60_000);
    expect(probeDue(p, NOW + 30_000, true, NOW + 200_000)).toBe(false);
    expect(afterFailedProbe(CALM, NOW, 45_000, low).probeAt).toBe(NOW + 45_000);
  });

  it('after a failed probe comes later, and runs only while the queue still waits, online', () => {
    const p = afterFailedProbe({ ...CALM, failuresInARow: 3, probeAt: NOW }, NOW, null, low);
    expect(p).toMatchObject({ probeAt: NOW + 20_000, failedProbes: 1, failuresInARow: 4 });
    expect(probeDue(p, NOW + 19_999, true, NOW + 300_000)).toBe(false);
    expect(probeDue(p, NOW + 20_000, true, NOW + 300_000)).toBe(true);
    expect(probeDue(p, NOW + 20_000, false, NOW + 300_000)).toBe(false); // offline: no probes
    expect(probeDue(p, NOW + 20_000, true, NOW + 20_000)).toBe(false); // a retry is due: it is the probe
    expect(probeDue(p, NOW + 20_000, true, null)).toBe(false); // nothing waits
  });

  it('wakes the worker for the probe when it comes before the retry, online only', () => {
    const p = { ...CALM, probeAt: NOW + 12_000 };
    expect(wakeAt(p, [NOW + 240_000], true)).toBe(NOW + 12_000);
    expect(wakeAt(p, [NOW + 240_000], false)).toBe(NOW + 240_000);
    expect(wakeAt(p, [NOW + 3_000, NOW + 240_000], true)).toBe(NOW + 3_000);
    expect(wakeAt({ ...p, notBefore: NOW + 30_000 }, [NOW + 3_000], true)).toBe(NOW + 30_000);
    expect(wakeAt(p, [], true)).toBeNull();
  });
});

describe('what a success resets', () => {
  it('ends the failure streak and the probe, but not the service\'s Retry-After', () => {
    const sick = { notBefore: NOW + 5_000, failuresInARow: 7, probeAt: NOW + 9_000, failedProbes: 2 };
    expect(afterSuccess(sick)).toEqual({ notBefore: NOW + 5_000, failuresInARow: 0, probeAt: null, failedProbes: 0 });
  });

  it('makes a batch waiting out a backoff due now, its count of failures started again', () => {
    const batch = { batchId: 'b', nextAttemptAt: NOW + 280_000, attempts: 9 };
    expect(dueAgain(batch, NOW, 0, false)).toEqual({ batchId: 'b', nextAttemptAt: NOW, attempts: 0 });
  });

  it('after a probe keeps the count, so a batch the service keeps failing on still backs off', () => {
    expect(dueAgain({ nextAttemptAt: NOW + 280_000, attempts: 9 }, NOW, 0, true)).toEqual({ nextAttemptAt: NOW, attempts: 9 });
  });

  it('still honours a Retry-After, and leaves alone what is already due or due sooner', () => {
    expect(dueAgain({ nextAttemptAt: NOW + 280_000, attempts: 4 }, NOW, NOW + 30_000, false).nextAttemptAt).toBe(NOW + 30_000);
    expect(dueAgain({ nextAttemptAt: NOW + 10_000, attempts: 1 }, NOW, NOW + 30_000, false).nextAttemptAt).toBe(NOW + 10_000);
    const due = { nextAttemptAt: NOW - 1, attempts: 2 };
    expect(dueAgain(due, NOW, 0, false)).toBe(due);
  });
});
